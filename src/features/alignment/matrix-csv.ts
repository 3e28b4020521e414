import type { Alignment } from '../../domain/contract';
import { buildCsv } from '../../domain/export/csv';
import type { MatrixRow } from './matrix-model';

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
  const body: string[][] = [];
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
    body.push(row);
  }
  // The one CSV writer: BOM, CRLF, RFC 4180 quoting and formula neutralising (NUL included).
  return buildCsv({ columns: header.map((h) => ({ header: h, type: 'text', width: 0 })), rows: body });
}
