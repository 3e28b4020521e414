import { describe, expect, it } from 'vitest';
import type { Alignment, AlignmentDirective } from '../../../src/domain/contract';
import { csvCell, neutralise } from '../../../src/domain/export/csv';
import { matrixCsv } from '../../../src/features/alignment/matrix-csv';
import { buildMatrix, unitColumns } from '../../../src/features/alignment/matrix-model';

const d = (
  id: string,
  meetingId: string,
  seq: number,
  heading: string,
  impl: string[] = [],
): AlignmentDirective => ({
  id,
  meetingId,
  seq,
  speaker: meetingId === 'p' ? '韩俊' : '孙正东',
  heading,
  measures: [],
  kind: 'yao',
  parentId: null,
  implements: impl,
  dismissed: [],
});

const data: Alignment = {
  meetings: [
    { id: 'p', title: '省会议', date: '2023-04-24', level: 'province', hostUnitId: null },
    { id: 'c', title: '市会议, 阜阳', date: '2023-04-24', level: 'city', hostUnitId: 'c-fy' },
  ],
  directives: [
    d('p1', 'p', 0, '人才高地'),
    d('p2', 'p', 1, '=HYPERLINK("x")'),
    d('c1', 'c', 0, '要素集聚', ['p1']),
    { ...d('c2', 'c', 1, '下功夫子项', ['p1']), parentId: 'c1' },
  ],
  progress: {
    p1: { progress: 80, total: 4, closed: 2, overdue: 0 },
    c1: { progress: 50, total: 2, closed: 0, overdue: 0 },
  },
  suggestions: {},
  unitStats: [
    { directiveId: 'c1', unitId: 'u-a', total: 1, counted: 1, progressSum: 40, closed: 0, overdue: 1 },
    { directiveId: 'c2', unitId: 'u-a', total: 2, counted: 2, progressSum: 160, closed: 1, overdue: 0 },
    { directiveId: 'c2', unitId: 'u-b', total: 1, counted: 0, progressSum: 0, closed: 0, overdue: 0 },
    { directiveId: 'p1', unitId: 'u-p', total: 3, counted: 3, progressSum: 240, closed: 1, overdue: 0 },
  ],
};

const labels = {
  id: '编号',
  speaker: '讲话人',
  directive: '上级部署',
  ownProgress: '本级进度',
  coverage: '承接情况',
  covered: '已承接',
  gap: '承接缺口',
  progress: (n: number | null, tasks: number) => (n === null ? '暂无任务' : `${n}%/${tasks}`),
};

describe('matrix model', () => {
  it('rows are the higher level, columns the lower-level meetings, cells the implementing directives', () => {
    const m = buildMatrix(data);
    expect(m.columns.map((c) => c.meetingId)).toEqual(['c']);
    expect(m.rows.map((r) => [r.directive.id, r.covered, r.cells[0]!.map((x) => x.id)])).toEqual([
      ['p1', true, ['c1', 'c2']],
      ['p2', false, []],
    ]);
    expect(m.covered).toBe(1);
  });

  it('unit columns: lower-level lead units in org order; a cell counts each task once, parent and child linked alike', () => {
    const m = buildMatrix(data);
    const cols = unitColumns(data, m, ['u-b', 'u-a']);
    expect(cols.units).toEqual(['u-b', 'u-a']);
    const [p1, p2] = m.rows;
    // u-a: 40 + 160 over 3 tasks = 67%; c2 is not counted twice although both c1 (its parent) and c2 link p1.
    expect(cols.cellsOf(p1!)).toEqual([
      { progress: null, total: 1, closed: 0, overdue: 0 },
      { progress: 67, total: 3, closed: 1, overdue: 1 },
    ]);
    expect(cols.cellsOf(p2!)).toEqual([null, null]);
  });
});

describe('matrix CSV', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\0x', "'\0x"],
    ['人才', '人才'],
  ])('neutralises %j', (input, out) => {
    expect(neutralise(input)).toBe(out);
  });

  it('quotes commas and quotes', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it('starts with a UTF-8 BOM, one line per row, gaps named in words, formulas neutralised', () => {
    const m = buildMatrix(data);
    const columns = [
      {
        title: '市会议, 阜阳',
        cell: (r: (typeof m.rows)[number]) => r.cells[0]!.map((x) => x.heading).join('；'),
      },
    ];
    const csv = matrixCsv(m.rows, data, labels, columns);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('编号,讲话人,上级部署,本级进度,"市会议, 阜阳",承接情况');
    expect(lines[1]).toBe('p1,韩俊,人才高地,80%/4,要素集聚；下功夫子项,已承接');
    expect(lines[2]).toBe(`p2,韩俊,"'=HYPERLINK(""x"")",暂无任务,,承接缺口`);
  });

  it('neutralises a cell starting with NUL, like every other CSV the app writes', () => {
    const m = buildMatrix(data);
    const csv = matrixCsv(m.rows, data, labels, [{ title: 'x', cell: () => '\0=1+1' }]);
    expect(csv.split('\r\n')[1]).toContain(",'\0=1+1,");
  });
});
