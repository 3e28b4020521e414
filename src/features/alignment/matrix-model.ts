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

export interface UnitCell {
  progress: number | null;
  total: number;
  closed: number;
  overdue: number;
}

/** A directive and all its sub-directives (a linked 以更大力度… brings its 下功夫 children's tasks). */
function closure(ids: readonly string[], childrenOf: ReadonlyMap<string, string[]>): Set<string> {
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return out;
}

/**
 * Unit columns: the units leading tasks of lower-level directives, in `unitOrder`; a cell sums the
 * unit's tasks under the directives that take the row up (each task once, even when a parent and its
 * child are both linked).
 */
export function unitColumns(data: Alignment, matrix: Matrix, unitOrder: readonly string[]) {
  const lowerMeetings = new Set(matrix.columns.map((c) => c.meetingId));
  const lowerIds = new Set(data.directives.filter((d) => lowerMeetings.has(d.meetingId)).map((d) => d.id));
  const childrenOf = new Map<string, string[]>();
  for (const d of data.directives) {
    if (!d.parentId) continue;
    const list = childrenOf.get(d.parentId);
    if (list) list.push(d.id);
    else childrenOf.set(d.parentId, [d.id]);
  }
  const stats = data.unitStats.filter((s) => lowerIds.has(s.directiveId));
  const present = new Set(stats.map((s) => s.unitId));
  const rank = new Map(unitOrder.map((u, i) => [u, i]));
  const units = [...present].sort(
    (a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || a.localeCompare(b),
  );
  const cellsOf = (row: MatrixRow): (UnitCell | null)[] => {
    const ids = closure(
      row.cells.flat().map((d) => d.id),
      childrenOf,
    );
    return units.map((u) => {
      const mine = stats.filter((s) => s.unitId === u && ids.has(s.directiveId));
      if (mine.length === 0) return null;
      const counted = mine.reduce((n, s) => n + s.counted, 0);
      const sum = mine.reduce((n, s) => n + s.progressSum, 0);
      return {
        progress: counted ? Math.round(sum / counted) : null,
        total: mine.reduce((n, s) => n + s.total, 0),
        closed: mine.reduce((n, s) => n + s.closed, 0),
        overdue: mine.reduce((n, s) => n + s.overdue, 0),
      };
    });
  };
  return { units, cellsOf };
}
