import type { Alignment } from '../../domain/contract';
import type { MatrixRow } from './matrix-model';

/**
 * A cell that starts with = + - @ (or a tab / carriage return) would run as a formula in Excel or WPS;
 * a leading apostrophe makes it plain text (OWASP CSV-injection advice).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number): string {
  const s = neutralise(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvLabels {
  id: string;
  speaker: string;
  directive: string;
  ownProgress: string;
  coverage: string;
  covered: string;
  gap: string;
  progress: (n: number | null, tasks: number) => string;
}

export interface CsvColumn {
  title: string;
  cell: (row: MatrixRow) => string;
}

/** The matrix as CSV text with a UTF-8 BOM, so Excel opens the Chinese text correctly. */
export function matrixCsv(
  rows: readonly MatrixRow[],
  data: Alignment,
  labels: CsvLabels,
  columns: readonly CsvColumn[],
): string {
  const header = [
    labels.id,
    labels.speaker,
    labels.directive,
    labels.ownProgress,
    ...columns.map((c) => c.title),
    labels.coverage,
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    const own = data.progress[r.directive.id];
    const row = [
      r.directive.id,
      r.directive.speaker ?? '',
      r.directive.heading,
      labels.progress(own?.progress ?? null, own?.total ?? 0),
      ...columns.map((c) => c.cell(r)),
      r.covered ? labels.covered : labels.gap,
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
