import { describe, expect, it } from 'vitest';
import type { Alignment, AlignmentDirective } from '../../../src/domain/contract';
import { csvCell, matrixCsv, neutralise } from '../../../src/features/alignment/matrix-csv';
import { buildMatrix } from '../../../src/features/alignment/matrix-model';

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
  ],
  progress: {
    p1: { progress: 80, total: 4, closed: 2, overdue: 0 },
    c1: { progress: 50, total: 2, closed: 0, overdue: 0 },
  },
  suggestions: {},
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
      ['p1', true, ['c1']],
      ['p2', false, []],
    ]);
    expect(m.covered).toBe(1);
  });
});

describe('matrix CSV', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['人才', '人才'],
  ])('neutralises %j', (input, out) => {
    expect(neutralise(input)).toBe(out);
  });

  it('quotes commas and quotes', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it('starts with a UTF-8 BOM, one line per row, gaps named in words, formulas neutralised', () => {
    const csv = matrixCsv(buildMatrix(data), data, labels);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('编号,讲话人,上级部署,本级进度,"市会议, 阜阳",承接情况');
    expect(lines[1]).toBe('p1,韩俊,人才高地,80%/4,要素集聚（50%/2）,已承接');
    expect(lines[2]).toBe(`p2,韩俊,"'=HYPERLINK(""x"")",暂无任务,,承接缺口`);
  });
});
