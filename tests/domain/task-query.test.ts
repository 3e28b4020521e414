import { describe, expect, it } from 'vitest';
import { type ParsedTaskListQuery, type TaskRow, taskListQuerySchema } from '../../src/domain/contract';
import {
  indexTasks,
  queryTaskIndex,
  queryTasks,
  type RowLookups,
  sortOrder,
} from '../../src/domain/task-query';
import { computeWarning } from '../../src/domain/warnings';

const TODAY = '2024-05-20';
const UNITS: Record<string, string> = {
  'p-kjt': '省科技厅',
  'p-fgw': '省发展改革委',
  'c-fy': '阜阳市',
  'p-czt': '省财政厅',
};
const PEOPLE: Record<string, string> = { 'u-kjt': '刘洋', 'u-fgw': '赵敏', 'u-fy': '马超' };
const look: RowLookups = {
  unitName: (id) => UNITS[id] ?? id,
  personName: (id) => (id ? (PEOPLE[id] ?? id) : ''),
};

function row(code: string, o: Partial<TaskRow> & { lastReport?: string | null } = {}): TaskRow {
  const base = {
    id: `T-${code}`,
    code: `DB-2023-${code}`,
    title: `任务${code}`,
    directiveId: 'd-01',
    measureIndex: 0,
    leadUnitId: 'p-kjt',
    coUnitIds: [],
    responsiblePersonId: 'u-kjt',
    startDate: '2024-01-01',
    deadline: '2024-12-31',
    originalDeadline: '2024-12-31',
    status: 'in-progress' as const,
    resumeStatus: null,
    progress: 50,
    priority: 'normal' as const,
    tags: [],
    extension: null,
    closedAt: null,
    createdAt: '2024-01-01T09:00:00+08:00',
    updatedAt: '2024-01-01T09:00:00+08:00',
    version: 1,
    ...o,
  };
  const lastReportAt = o.lastReport === undefined ? '2024-05-10T10:00:00+08:00' : o.lastReport;
  return {
    ...base,
    warning: computeWarning(base, TODAY, lastReportAt?.slice(0, 10) ?? null),
    lastReportAt,
    lastReportState: lastReportAt ? 'accepted' : null,
    directive:
      o.directive === undefined
        ? { id: 'd-01', heading: '强化企业科技创新主体地位', speaker: '韩俊', meetingId: 'm-ah' }
        : o.directive,
  };
}

const ROWS: TaskRow[] = [
  row('0001', { title: '建设合肥综合性国家科学中心', deadline: '2024-03-31', progress: 40 }), // overdue
  row('0002', {
    title: '培育科技领军企业',
    leadUnitId: 'p-fgw',
    responsiblePersonId: 'u-fgw',
    coUnitIds: ['p-kjt'],
    deadline: '2024-05-25',
  }), // due soon
  row('0003', { title: '完善人才评价机制', status: 'closed', progress: 100, deadline: '2024-02-29' }),
  row('0004', {
    title: '阜阳科技大市场建设',
    leadUnitId: 'c-fy',
    responsiblePersonId: 'u-fy',
    coUnitIds: ['p-czt'],
    directiveId: 'd-15',
    directive: { id: 'd-15', heading: '打造区域科创中心', speaker: '孙正东', meetingId: 'm-fy' },
    progress: 5,
    deadline: '2024-09-30',
  }), // behind
  row('0005', {
    title: '设立科技成果转化基金',
    lastReport: null,
    progress: 60,
    deadline: '2024-11-30',
    status: 'returned',
  }), // not reported
  row('0006', { title: '暂缓事项', status: 'suspended', deadline: '2024-01-31' }),
];

const q = (o: Record<string, string> = {}): ParsedTaskListQuery =>
  taskListQuerySchema.parse({ pageSize: '100', ...o });
const codes = (res: { items: TaskRow[] }) => res.items.map((r) => r.code.slice(-4));

describe('queryTasks: filters', () => {
  it.each([
    ['status', { status: 'closed' }, ['0003']],
    ['several statuses', { status: 'closed,suspended' }, ['0003', '0006']],
    ['warning', { warning: 'overdue' }, ['0001']],
    ['warning: due soon or behind', { warning: 'due-soon,behind' }, ['0002', '0004']],
    ['unit leads or cooperates', { unit: 'p-kjt' }, ['0001', '0002', '0003', '0005', '0006']],
    ['lead unit only', { leadUnit: 'p-fgw' }, ['0002']],
    ['cooperating unit counts for unit', { unit: 'p-czt' }, ['0004']],
    ['directive', { directive: 'd-15' }, ['0004']],
    ['meeting', { meeting: 'm-fy' }, ['0004']],
    ['speaker', { speaker: '韩俊' }, ['0001', '0002', '0003', '0005', '0006']],
    ['due quarter', { dueQuarter: '2024Q1' }, ['0001', '0003', '0006']],
    ['overdue only skips closed and suspended', { overdue: '1' }, ['0001']],
    ['text in the title', { q: '成果转化' }, ['0005']],
    [
      'text also finds units: 科技 is in 省科技厅',
      { q: '科技' },
      ['0001', '0002', '0003', '0004', '0005', '0006'],
    ],
    ['text in the code', { q: 'db-2023-0003' }, ['0003']],
    ['text in a unit name', { q: '发展改革委' }, ['0002']],
    ['text in the responsible person', { q: '马超' }, ['0004']],
    ['text in the directive', { q: '主体地位' }, ['0001', '0002', '0003', '0005', '0006']],
    ['filters combine', { unit: 'p-kjt', status: 'in-progress' }, ['0001', '0002']],
    ['nothing matches', { speaker: '无此人' }, []],
  ])('%s', (_name, params, expected) => {
    expect(codes(queryTasks(ROWS, q(params), TODAY, look))).toEqual(expected);
  });

  it('the warnings of the fixture are what the rules say', () => {
    expect(ROWS.map((r) => r.warning.kind)).toEqual([
      'overdue',
      'due-soon',
      'normal',
      'behind',
      'not-reported',
      'normal',
    ]);
  });
});

describe('queryTasks: sort', () => {
  it.each([
    ['code', 'asc', ['0001', '0002', '0003', '0004', '0005', '0006']],
    ['code', 'desc', ['0006', '0005', '0004', '0003', '0002', '0001']],
    ['deadline', 'asc', ['0006', '0003', '0001', '0002', '0004', '0005']],
    ['progress', 'desc', ['0003', '0005', '0002', '0006', '0001', '0004']],
    ['status', 'asc', ['0001', '0002', '0004', '0005', '0006', '0003']],
    ['warning', 'asc', ['0001', '0002', '0004', '0005', '0003', '0006']],
    ['lastReport', 'asc', ['0005', '0001', '0002', '0003', '0004', '0006']],
  ] as const)('by %s %s, ties by code', (sort, order, expected) => {
    expect(codes(queryTasks(ROWS, q({ sort, order }), TODAY, look))).toEqual(expected);
  });

  it('sorts Chinese unit names by the zh-CN collation (pinyin), not by code point', () => {
    const res = queryTasks(ROWS, q({ sort: 'leadUnit' }), TODAY, look);
    // 阜阳市 (fu) < 省发展改革委 (sheng fa) < 省科技厅 (sheng ke)
    expect(res.items.map((r) => look.unitName(r.leadUnitId))).toEqual([
      '阜阳市',
      '省发展改革委',
      '省科技厅',
      '省科技厅',
      '省科技厅',
      '省科技厅',
    ]);
  });

  it('sorts by cooperating units and by responsible person', () => {
    expect(codes(queryTasks(ROWS, q({ sort: 'coUnits', order: 'desc' }), TODAY, look)).slice(0, 2)).toEqual([
      '0002',
      '0004',
    ]);
    expect(codes(queryTasks(ROWS, q({ sort: 'responsible' }), TODAY, look))[0]).toBe('0001');
  });

  it('descending keeps ties in code order so pages never shuffle', () => {
    const rows = [
      row('0003', { progress: 10 }),
      row('0001', { progress: 10 }),
      row('0002', { progress: 90 }),
    ];
    expect(codes(queryTasks(rows, q({ sort: 'progress', order: 'desc' }), TODAY, look))).toEqual([
      '0002',
      '0001',
      '0003',
    ]);
  });

  it('keeps a computed order with the index and reuses it', () => {
    const index = indexTasks(ROWS, look);
    expect(sortOrder(index, 'title', 'asc')).toBe(sortOrder(index, 'title', 'asc'));
  });
});

describe('queryTasks: paging and facets', () => {
  it('pages after filtering and sorting and reports the total', () => {
    const res = queryTasks(ROWS, q({ pageSize: '2', page: '2', sort: 'deadline' }), TODAY, look);
    expect(codes(res)).toEqual(['0001', '0002']);
    expect(res).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(queryTasks(ROWS, q({ pageSize: '2', page: '9' }), TODAY, look).items).toEqual([]);
  });

  it('counts each facet with every other filter applied but its own', () => {
    const res = queryTasks(ROWS, q({ status: 'in-progress', warning: 'overdue' }), TODAY, look);
    expect(codes(res)).toEqual(['0001']);
    // Status counts ignore the status filter, keep the warning filter.
    expect(res.facets.status).toEqual({ 'in-progress': 1 });
    // Warning counts ignore the warning filter, keep the status filter.
    expect(res.facets.warning).toEqual({ overdue: 1, 'due-soon': 1, behind: 1 });
    expect(res.facets.dueQuarter).toEqual({ '2024Q1': 1 });
  });

  it('counts due quarters under the other filters', () => {
    const res = queryTasks(ROWS, q({ unit: 'p-kjt', dueQuarter: '2024Q4' }), TODAY, look);
    expect(codes(res)).toEqual(['0005']);
    expect(res.facets.dueQuarter).toEqual({ '2024Q1': 3, '2024Q2': 1, '2024Q4': 1 });
    expect(res.facets.status).toEqual({ returned: 1 });
  });

  it('answers a query over 10,000 indexed rows with the same result as the plain scan', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...ROWS[i % ROWS.length]!,
      id: `T-${i}`,
      code: `DB-${String(i).padStart(5, '0')}`,
    }));
    const index = indexTasks(many, look);
    // Speed is measured by scripts/bench-ledger.ts, not here; this checks the index answers correctly.
    const query = q({ warning: 'overdue,behind', sort: 'title', order: 'desc', pageSize: '200' });
    const res = queryTaskIndex(index, query, TODAY);
    expect(res.total).toBe(3334);
    expect(res.items).toHaveLength(200);
    expect(res.items.map((r) => r.id)).toEqual(queryTasks(many, query, TODAY, look).items.map((r) => r.id));
  });
});
