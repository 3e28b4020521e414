import type { Alignment } from '../../domain/contract';
import type { Matrix } from './matrix-model';

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

/** The matrix as CSV text with a UTF-8 BOM, so Excel opens the Chinese text correctly. */
export function matrixCsv(matrix: Matrix, data: Alignment, labels: CsvLabels): string {
  const header = [
    labels.id,
    labels.speaker,
    labels.directive,
    labels.ownProgress,
    ...matrix.columns.map((c) => c.title),
    labels.coverage,
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const r of matrix.rows) {
    const own = data.progress[r.directive.id];
    const cells = r.cells.map((list) =>
      list
        .map((d) => {
          const p = data.progress[d.id];
          return `${d.heading}（${labels.progress(p?.progress ?? null, p?.total ?? 0)}）`;
        })
        .join('；'),
    );
    const row = [
      r.directive.id,
      r.directive.speaker ?? '',
      r.directive.heading,
      labels.progress(own?.progress ?? null, own?.total ?? 0),
      ...cells,
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
