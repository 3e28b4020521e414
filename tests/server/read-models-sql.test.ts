// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeDb } from '../../mocks/seed/build-large';
import { DEMO_TODAY } from '../../mocks/seed/build-seed';
import { createRandom } from '../../mocks/seed/random';
import { createPgStore, type PgStore } from '../../server/store/pg-store';
import { ledgerCollation, listTasksSql } from '../../server/store/sql/ledger';
import { quarterScoresSql } from '../../server/store/sql/scoring';
import { unitCountsSql, unitTasksSql } from '../../server/store/sql/units';
import { type ParsedTaskListQuery, TASK_SORT_KEYS, taskListQuerySchema } from '../../src/domain/contract';
import { addDays } from '../../src/domain/dates';
import { quartersBetween } from '../../src/domain/quarter';
import { countTasks } from '../../src/domain/rollup';
import { type Adjustment, DEFAULT_SCHEME, scoreQuarter } from '../../src/domain/scoring';
import { indexTasks, queryTaskIndex } from '../../src/domain/task-query';
import { WARNING_KINDS } from '../../src/domain/warnings';
import { useCases } from '../../src/service';
import type { Db } from '../../src/service/db';
import type { ReadModels } from '../../src/service/port';
import { views } from '../../src/service/views';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';

/**
 * The read models a PostgreSQL store answers in SQL, against the in-process rules on the 10,000-task
 * set. The ledger (server/store/sql/ledger.ts vs src/domain/task-query.ts): the same items in the
 * same order, the same total and facet counts, for generated queries over every filter and sort, on
 * several days (warnings change with the day) and after writes that change the newest reports.
 * 季度考核 (server/store/sql/scoring.ts vs src/domain/scoring.ts): the same scores, ratings and
 * breakdowns for every quarter of the set, running and closed, with adjustments and another scheme.
 */

const pgUp = await pgReachable();
if (!pgUp && IN_CI) throw new Error('PostgreSQL is not reachable, and CI=true forbids skipping');

const STATUSES = [
  'assigned',
  'in-progress',
  'pending-review',
  'closed',
  'returned',
  'extension-requested',
  'suspended',
];

// One index per snapshot and day, as the in-process store keeps it (its sort orders are the slow part).
const indexes = new WeakMap<Db, Map<string, ReturnType<typeof indexTasks>>>();
function inProcess(data: Db, q: ParsedTaskListQuery, day: string) {
  const byDay = indexes.get(data) ?? new Map();
  indexes.set(data, byDay);
  if (!byDay.has(day)) {
    const v = views(data, day);
    byDay.set(day, indexTasks(v.rows, v.lookups));
  }
  return queryTaskIndex(byDay.get(day)!, q, day);
}

function generateQueries(data: Db, n: number, seed: number): ParsedTaskListQuery[] {
  const rng = createRandom(seed);
  const some = <T>(xs: readonly T[], max: number) =>
    Array.from({ length: rng.int(1, max) }, () => rng.pick(xs)).filter((x, i, a) => a.indexOf(x) === i);
  const words = data.tasks.slice(0, 200).map((t) => t.title.slice(rng.int(0, 4), rng.int(5, 8)));
  const out: ParsedTaskListQuery[] = [];
  for (let i = 0; i < n; i++) {
    const raw: Record<string, string> = {
      sort: rng.pick(TASK_SORT_KEYS),
      order: rng.chance(0.5) ? 'asc' : 'desc',
      page: String(rng.chance(0.7) ? 1 : rng.int(2, 6)),
      pageSize: String(rng.pick([10, 50, 50, 200])),
    };
    if (rng.chance(0.35)) raw.status = some(STATUSES, 3).join(',');
    if (rng.chance(0.35)) raw.warning = some(WARNING_KINDS, 2).join(',');
    if (rng.chance(0.25)) raw.unit = rng.pick(data.units).id;
    if (rng.chance(0.15)) raw.leadUnit = rng.pick(data.units).id;
    if (rng.chance(0.1)) raw.directive = rng.pick(data.directives).id;
    if (rng.chance(0.1)) raw.meeting = rng.pick(data.meetings).id;
    if (rng.chance(0.1)) raw.speaker = rng.pick(data.directives).speaker ?? '';
    if (rng.chance(0.2)) raw.dueQuarter = rng.pick(['2023Q4', '2024Q1', '2024Q2', '2024Q3', '2025Q1']);
    if (rng.chance(0.15)) raw.overdue = '1';
    if (rng.chance(0.2)) raw.q = rng.pick([...words, '科技', 'db-2024', '合肥', '刘']);
    out.push(taskListQuerySchema.parse(raw));
  }
  return out;
}

describe.runIf(pgUp)('read models in SQL (PostgreSQL, 10,000 tasks)', () => {
  let store: PgStore;
  let db: { name: string };
  let collation: string;

  beforeAll(async () => {
    const created = await createTestDatabase();
    db = created;
    store = await createPgStore({ databaseUrl: created.url, seed: () => buildLargeDb() });
    collation = (await ledgerCollation(store.kysely))!;
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    if (db) await dropTestDatabase(db.name);
  });

  it('the store answers the ledger in SQL on PostgreSQL', () => {
    expect(collation).toMatch(/^zh/);
    expect(store.readModels).toBeDefined();
  });

  it('matches the in-process ledger for 150 generated queries on four days', async () => {
    const data = await store.loadFresh();
    const days = [DEMO_TODAY, addDays(DEMO_TODAY, -40), addDays(DEMO_TODAY, 31), '2024-06-30'];
    const queries = generateQueries(data, 150, 20241);
    let nonEmpty = 0;
    for (const [i, q] of queries.entries()) {
      const day = days[i % days.length]!;
      const want = inProcess(data, q, day);
      const got = await listTasksSql(store.kysely, q, day, collation);
      if (want.total > 0) nonEmpty++;
      expect({ q, day, total: got.total, facets: got.facets }).toEqual({
        q,
        day,
        total: want.total,
        facets: want.facets,
      });
      expect(got.items.map((r) => r.id)).toEqual(want.items.map((r) => r.id));
      expect(got.items).toEqual(want.items);
    }
    // The generated queries are not all trivially empty.
    expect(nonEmpty).toBeGreaterThan(60);
  }, 240_000);

  it('follows writes: a new report and a review change what the ledger shows', async () => {
    const before = await store.loadFresh();
    const task = before.tasks.find((t) => t.status === 'in-progress')!;
    const reporter = before.people.find((p) => p.unitId === task.leadUnitId) ?? before.people[0]!;
    const report = {
      id: 'R-SQL-1',
      taskId: task.id,
      period: DEMO_TODAY.slice(0, 7),
      text: '本月进展',
      progress: Math.min(100, task.progress + 5),
      evidence: [],
      submitterId: reporter.id,
      submittedAt: `${DEMO_TODAY}T09:00:00+08:00`,
      reviewState: 'pending',
      reviewComment: null,
      reviewerId: null,
      reviewedAt: null,
      final: false,
    } as const;
    await store.write((tx) => tx.insert('reports', { ...report, evidence: [] }));
    const q = taskListQuerySchema.parse({ q: task.code, pageSize: '5' });
    const [row] = (await listTasksSql(store.kysely, q, DEMO_TODAY, collation)).items;
    expect(row?.lastReportAt).toBe(`${DEMO_TODAY}T09:00:00+08:00`);
    expect(row?.lastReportState).toBe('pending');
    await store.write((tx) => tx.update('reports', { ...report, evidence: [], reviewState: 'accepted' }));
    const [again] = (await listTasksSql(store.kysely, q, DEMO_TODAY, collation)).items;
    expect(again?.lastReportState).toBe('accepted');
    const data = await store.loadFresh();
    for (const query of generateQueries(data, 12, 7)) {
      const got = await listTasksSql(store.kysely, query, DEMO_TODAY, collation);
      const want = inProcess(data, query, DEMO_TODAY);
      expect(got.total).toBe(want.total);
      expect(got.items).toEqual(want.items);
    }
  }, 120_000);

  it('scores every quarter as the in-process rules do, running and closed, with adjustments', async () => {
    const data = await store.loadFresh();
    const quarters = quartersBetween('2022Q3', '2024Q2');
    const adjustments = new Map<string, Adjustment>([
      [data.units[3]!.id, { points: 4, reason: '专项工作突出' }],
      [data.units[7]!.id, { points: -9, reason: '超出上限的扣分' }],
    ]);
    const strict = { ...DEFAULT_SCHEME, overdueLead: -8, missingReport: -2, earlyDays: 3, bonusCap: 2 };
    let items = 0;
    for (const [i, quarter] of quarters.entries()) {
      for (const day of [DEMO_TODAY, '2024-04-15']) {
        const scheme = i % 2 ? strict : DEFAULT_SCHEME;
        const want = scoreQuarter(quarter, data.tasks, data.reports, day, scheme, adjustments);
        const got = await quarterScoresSql(store.kysely, quarter, day, scheme, adjustments);
        expect({ quarter, day, got }).toEqual({ quarter, day, got: want });
        items += want.reduce((n, s) => n + s.breakdown.length, 0);
      }
    }
    // The comparison covers real breakdowns, not empty quarters.
    expect(items).toBeGreaterThan(2000);
  }, 120_000);

  it("counts and lists each unit's tasks as the in-process views do", async () => {
    const data = await store.loadFresh();
    for (const day of [DEMO_TODAY, '2024-03-01']) {
      const rows = views(data, day).rows;
      const counts = await unitCountsSql(store.kysely, day);
      for (const unit of data.units) {
        const lead = rows.filter((r) => r.leadUnitId === unit.id);
        const co = rows.filter((r) => r.coUnitIds.includes(unit.id));
        const got = counts.get(unit.id);
        expect({ unit: unit.id, lead: got?.lead ?? countTasks([]), co: got?.co ?? countTasks([]) }).toEqual({
          unit: unit.id,
          lead: countTasks(lead),
          co: countTasks(co),
        });
      }
      for (const unit of data.units.slice(0, 60).filter((_, i) => i % 6 === 0)) {
        const got = await unitTasksSql(store.kysely, unit.id, day);
        expect(got.lead).toEqual(rows.filter((r) => r.leadUnitId === unit.id));
        expect(got.co).toEqual(rows.filter((r) => r.coUnitIds.includes(unit.id)));
        for (const r of got.lead) {
          const want = new Set(data.reports.filter((x) => x.taskId === r.id).map((x) => x.period));
          expect(got.periods.get(r.id) ?? new Set()).toEqual(want);
        }
      }
    }
  }, 120_000);

  it('the dashboard, review and unit pages answer exactly as in process, for each role and quarter', async () => {
    type Resolve = (ctx: unknown) => Promise<unknown> | unknown;
    const uc = useCases as unknown as Record<string, { resolve: Resolve }>;
    const loaded = await store.loadFresh();
    const ask = async (
      name: string,
      models: ReadModels | null,
      q: object,
      params: object,
      who: string,
      day: string,
    ) => {
      // A new snapshot object per call (the same rows): the per-snapshot memo must not carry one
      // path's answer over to the other.
      const data = { ...loaded };
      const actor = data.people.find((p) => p.role === who)!;
      const nowMs = Date.parse(`${day}T10:00:00+08:00`);
      const ctx = {
        data,
        models,
        actor,
        params,
        query: q,
        now: `${day}T10:00:00+08:00`,
        today: day,
        nowMs,
        demo: false,
        identityHeader: false,
        auth: null,
        session: null,
        clientAddress: '127.0.0.1',
      };
      return JSON.parse(JSON.stringify(await uc[name]!.resolve(ctx)));
    };
    const data = loaded;
    const unit = data.units.find((u) => data.tasks.some((t) => t.leadUnitId === u.id))!;
    const cases: [string, object, object][] = [
      ['dashboard', {}, {}],
      ['dashboard', { quarter: '2024Q1' }, {}],
      ['dashboard', { quarter: '2023Q3' }, {}],
      ['unitSummaries', {}, {}],
      ['unitDetail', {}, { id: unit.id }],
      ['review', { quarter: '2024Q1', level: 'all' }, {}],
      ['review', { quarter: '2024Q2', level: 'province' }, {}],
      ['review', { quarter: '2023Q4', level: 'city' }, {}],
      ['assessments', { quarter: '2024Q1', level: 'all' }, {}],
    ];
    for (const [i, [name, q, params]] of cases.entries())
      for (const who of ['supervisor', 'leader']) {
        const day = i % 2 ? '2024-04-03' : DEMO_TODAY;
        const sqlAnswer = await ask(name, store.readModels!, q, params, who, day);
        const inProcess = await ask(name, null, q, params, who, day);
        expect({ name, q, who, day, answer: sqlAnswer }).toEqual({ name, q, who, day, answer: inProcess });
      }
  }, 240_000);
});
