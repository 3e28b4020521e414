import type { SheetModel } from './sheet';

/**
 * CSV as Excel and WPS open it: UTF-8 with a byte-order mark (so Chinese is not garbled), CRLF line
 * ends and RFC 4180 quoting. Text cells that a spreadsheet would read as a formula — starting with
 * `=` `+` `-` `@`, a tab, CR or NUL — get a leading apostrophe (OWASP "CSV injection"): an exported
 * task title must never run as a formula on the supervisor's machine.
 */
export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r\0]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a quote, comma or line break, doubling the quotes inside. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers are written as numbers; only text can smuggle a formula in.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteField(neutralise(value));
}

export function buildCsv(model: Pick<SheetModel, 'columns' | 'rows'>): string {
  const lines = [
    model.columns.map((c) => csvCell(c.header)),
    ...model.rows.map((r) => r.map((v) => csvCell(v))),
  ];
  return `${BOM}${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
