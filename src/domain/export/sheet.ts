/**
 * A spreadsheet as plain data, shared by the CSV and XLSX writers: the feature decides the columns
 * and their labels, the writers decide the file format. Dates stay `YYYY-MM-DD` strings here; the
 * XLSX writer turns `date` columns into real date cells.
 */
export type ColumnType = 'text' | 'number' | 'date' | 'percent';
export type CellValue = string | number | null;

export interface SheetColumn {
  header: string;
  type: ColumnType;
  /** Width in characters (a CJK character counts two). */
  width: number;
}

export interface SheetModel {
  /** Worksheet name (Excel allows at most 31 characters and no `[]:*?/\`). */
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

/** Display width of text in "characters", CJK and full-width forms counting two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** A column wide enough for its header and most of its cells, within sensible bounds. */
export function fitWidth(header: string, values: readonly CellValue[], min = 6, max = 60): number {
  const widths = values.slice(0, 500).map((v) => (v === null ? 0 : textWidth(String(v))));
  widths.sort((a, b) => a - b);
  // The 90th percentile: one very long title should not make the whole column huge.
  const typical = widths.length ? widths[Math.floor(widths.length * 0.9)]! : 0;
  return Math.min(max, Math.max(min, textWidth(header) + 2, typical + 2));
}

export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** `督办台账_2024-05-20_逾期_省科技厅.xlsx`: the date and the filter, minus characters file systems refuse. */
export function exportFileName(
  title: string,
  date: string,
  filterLabels: readonly string[],
  ext: 'csv' | 'xlsx',
): string {
  const parts = [title, date, ...filterLabels.map((l) => l.trim()).filter(Boolean)];
  const base = parts
    .join('_')
    .replace(/[\\/:*?"<>|\r\n\t]+/g, '-')
    .slice(0, 120);
  return `${base}.${ext}`;
}
