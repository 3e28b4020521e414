import type { Alignment, AlignmentDirective } from '../../domain/contract';

export interface MatrixColumn {
  meetingId: string;
  title: string;
  hostUnitId: string | null;
}

export interface MatrixRow {
  directive: AlignmentDirective;
  depth: number;
  /** Per column (same order as `columns`): the lower-level directives linked to this row. */
  cells: AlignmentDirective[][];
  covered: boolean;
}

export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  covered: number;
}

const LEVEL = { province: 2, city: 1 } as const;

/**
 * Higher-level directives as rows, lower-level meetings as columns; a cell lists the lower-level
 * directives that implement the row. `level` picks the rows' level (the provincial ones by default).
 */
export function buildMatrix(data: Alignment, level: 'province' | 'city' = 'province'): Matrix {
  const rowMeetings = data.meetings
    .filter((m) => m.level === level)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const columns = data.meetings
    .filter((m) => LEVEL[m.level] < LEVEL[level])
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((m) => ({ meetingId: m.id, title: m.title, hostUnitId: m.hostUnitId }));
  const byMeeting = new Map<string, AlignmentDirective[]>();
  for (const d of data.directives) {
    const list = byMeeting.get(d.meetingId);
    if (list) list.push(d);
    else byMeeting.set(d.meetingId, [d]);
  }
  const rows: MatrixRow[] = [];
  for (const m of rowMeetings) {
    const list = (byMeeting.get(m.id) ?? []).sort((a, b) => a.seq - b.seq);
    const ids = new Set(list.map((d) => d.id));
    const depthOf = (d: AlignmentDirective): number => {
      let depth = 0;
      let p = d.parentId;
      while (p && ids.has(p) && depth < 8) {
        depth += 1;
        p = list.find((x) => x.id === p)?.parentId ?? null;
      }
      return depth;
    };
    for (const d of list) {
      const cells = columns.map((c) =>
        (byMeeting.get(c.meetingId) ?? [])
          .filter((x) => x.implements.includes(d.id))
          .sort((a, b) => a.seq - b.seq),
      );
      rows.push({ directive: d, depth: depthOf(d), cells, covered: cells.some((c) => c.length > 0) });
    }
  }
  return { columns, rows, covered: rows.filter((r) => r.covered).length };
}
