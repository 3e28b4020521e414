import { describe, expect, it } from 'vitest';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { api } from '../../src/domain/contract';
import { DEFAULT_SCHEME } from '../../src/domain/scoring';
import { againstBackend } from './backend';

againstBackend();

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
const scores = async (quarter: string) =>
  new Map((await call(api.assessments, { query: { quarter } })).items.map((i) => [i.unitId, i]));
const lastAudit = async () => (await call(api.audit, { query: { pageSize: 1 } })).items[0]!;

describe('assessment quarters', () => {
  it('opens on the latest closed quarter and knows which are published', async () => {
    const list = await call(api.assessmentQuarters);
    expect(list.defaultQuarter).toBe('2024Q1');
    const state = Object.fromEntries(list.quarters.map((q) => [q.quarter, q.state]));
    expect(state).toEqual({
      '2024Q2': 'running',
      '2024Q1': 'computed',
      '2023Q4': 'published',
      '2023Q3': 'published',
      '2023Q2': 'published',
    });
  });

  it('explains every score: points add up, each names its rule and task', async () => {
    const res = await call(api.assessments, { query: { quarter: '2023Q4' } });
    expect(res.state).toBe('published');
    expect(res.items.length).toBeGreaterThan(5);
    for (const item of res.items) {
      expect(item.breakdown.reduce((s, b) => s + b.points, 0)).toBeCloseTo(item.score, 5);
      for (const b of item.breakdown) if (b.taskId) expect(b.task?.code).toMatch(/^DB-/);
    }
    expect(res.items.map((i) => i.rank)[0]).toBe(1);
  });

  it('filters units by level', async () => {
    const res = await call(api.assessments, { query: { quarter: '2024Q1', level: 'province' } });
    expect(res.items.every((i) => i.level === 'province-dept')).toBe(true);
    const cities = await call(api.assessments, { query: { quarter: '2024Q1', level: 'city' } });
    expect(cities.items.every((i) => i.level !== 'province-dept')).toBe(true);
  });

  it('answers 400 for a malformed quarter and 404 for one outside the data', async () => {
    expect((await failure(call(api.assessments, { query: { quarter: '2024Q9' } }))).status).toBe(400);
    expect((await failure(call(api.review, { query: { quarter: '2019Q1' } }))).status).toBe(404);
  });
});

describe('publishing', () => {
  /** A task still open (a closed one cannot be edited) that cost its lead unit points in the quarter. */
  async function overdueTaskOf(quarter: string) {
    const { items } = await call(api.listTasks, { query: { pageSize: 500 } });
    const open = new Set(items.filter((t) => t.status !== 'closed').map((t) => t.id));
    for (const s of (await scores(quarter)).values()) {
      const item = s.breakdown.find((b) => b.ruleId === 'overdue-lead' && open.has(b.taskId ?? ''));
      if (item) return { unitId: s.unitId, taskId: item.taskId! };
    }
    throw new Error('no overdue task in the quarter');
  }

  it('freezes the scores: a later task change leaves a published quarter alone', async () => {
    const { unitId, taskId } = await overdueTaskOf('2024Q1');
    const before = (await scores('2024Q1')).get(unitId)!.score;
    const info = await call(api.publishQuarter, { params: { quarter: '2024Q1' }, body: {} });
    expect(info).toMatchObject({ quarter: '2024Q1', state: 'published' });
    expect(await lastAudit()).toMatchObject({
      action: 'assessment.publish',
      outcome: 'ok',
      target: 'assessment:2024Q1',
    });

    const { task } = await call(api.getTask, { params: { id: taskId } });
    await call(api.updateTask, {
      params: { id: taskId },
      body: { deadline: '2024-12-31' },
      version: task.version,
    });
    expect((await scores('2024Q1')).get(unitId)!.score).toBe(before);

    // Withdrawn, the quarter is computed from the data again and the change shows.
    await call(api.unpublishQuarter, {
      params: { quarter: '2024Q1' },
      body: { reason: '任务完成时限调整后重新核定' },
    });
    expect((await scores('2024Q1')).get(unitId)!.score).toBeGreaterThan(before);
    expect(await lastAudit()).toMatchObject({ action: 'assessment.unpublish', outcome: 'ok' });
    expect((await lastAudit()).detail).toContain('任务完成时限调整后重新核定');
  });

  it('needs a reason to withdraw a publication, and audits the refusal', async () => {
    const e = await failure(
      call(api.unpublishQuarter, { params: { quarter: '2023Q4' }, body: { reason: ' ' } }),
    );
    expect(e.status).toBe(400);
    expect(e.fields.map((f) => f.path)).toEqual(['reason']);
    expect(await lastAudit()).toMatchObject({ action: 'assessment.unpublish', outcome: 'invalid' });
    expect((await call(api.assessments, { query: { quarter: '2023Q4' } })).state).toBe('published');
  });

  it('refuses a running quarter and a second publication', async () => {
    expect(
      (await failure(call(api.publishQuarter, { params: { quarter: '2024Q2' }, body: {} }))).status,
    ).toBe(409);
    expect(
      (await failure(call(api.publishQuarter, { params: { quarter: '2023Q4' }, body: {} }))).status,
    ).toBe(409);
  });

  it('lets only the supervision office publish', async () => {
    setIdentity('u-leader');
    expect(
      (await failure(call(api.publishQuarter, { params: { quarter: '2024Q1' }, body: {} }))).status,
    ).toBe(403);
    expect(await lastAudit()).toMatchObject({
      action: 'assessment.publish',
      outcome: 'denied',
      actorId: 'u-leader',
    });
    expect((await call(api.assessments, { query: { quarter: '2024Q1' } })).state).toBe('computed');
  });
});

describe('adjustments', () => {
  const adjust = (points: number, reason: string, quarter = '2024Q1') =>
    call(api.adjustAssessment, { params: { quarter, unitId: 'p-kjt' }, body: { points, reason } });

  it('adds a limited adjustment with its reason to the breakdown', async () => {
    const before = (await scores('2024Q1')).get('p-kjt')!.score;
    const item = await adjust(3, '牵头完成重大平台建设');
    expect(item.adjustment).toEqual({ points: 3, reason: '牵头完成重大平台建设' });
    expect(item.breakdown.at(-1)).toMatchObject({
      ruleId: 'adjustment',
      points: 3,
      note: '牵头完成重大平台建设',
    });
    expect(item.score).toBe(Math.min(DEFAULT_SCHEME.max, before + 3));
    expect((await scores('2024Q1')).get('p-kjt')!.score).toBe(item.score);
  });

  it('refuses more than the limit, or no reason', async () => {
    const over = await failure(adjust(6, '超过上限'));
    expect(over.status).toBe(400);
    expect(over.fields.map((f) => f.path)).toEqual(['points']);
    const noReason = await failure(adjust(2, ''));
    expect(noReason.fields.map((f) => f.path)).toEqual(['reason']);
    expect((await scores('2024Q1')).get('p-kjt')!.adjustment).toBeNull();
  });

  it('refuses to adjust a published quarter and staff adjusting at all', async () => {
    expect((await failure(adjust(2, '已发布季度', '2023Q4'))).status).toBe(409);
    setIdentity('u-kjt');
    expect((await failure(adjust(2, '自评加分'))).status).toBe(403);
  });
});

describe('the scoring scheme', () => {
  it('is open to read, edited by the office only, audited, and leaves published quarters alone', async () => {
    expect(await call(api.scoringScheme)).toEqual(DEFAULT_SCHEME);
    const published = (await scores('2023Q4')).get('p-kjt')!.score;
    const computed = (await scores('2024Q1')).get('p-kjt')!.score;

    setIdentity('u-kjt');
    expect(
      (await failure(call(api.updateScoringScheme, { body: { ...DEFAULT_SCHEME, base: 95 } }))).status,
    ).toBe(403);
    setIdentity('u-sup');
    const bad = await failure(
      call(api.updateScoringScheme, {
        body: { ...DEFAULT_SCHEME, bands: { excellent: 80, good: 90, fair: 70 } },
      }),
    );
    expect(bad.fields.map((f) => f.path)).toEqual(['bands']);

    await call(api.updateScoringScheme, { body: { ...DEFAULT_SCHEME, base: 90 } });
    expect(await lastAudit()).toMatchObject({
      action: 'settings.scoring',
      outcome: 'ok',
      detail: 'base: 100 → 90',
    });
    expect((await scores('2024Q1')).get('p-kjt')!.score).toBe(computed - 10);
    expect((await scores('2023Q4')).get('p-kjt')!.score).toBe(published);
  });
});

describe('the review aggregates', () => {
  it('gives KPIs with the previous quarter, groupings that add up, a trend and lists', async () => {
    const r = await call(api.review, { query: { quarter: '2024Q1' } });
    expect(r.previous?.quarter).toBe('2023Q4');
    expect(r.trend.map((p) => p.quarter)).toEqual(['2023Q2', '2023Q3', '2023Q4', '2024Q1']);
    expect(r.byDirective.reduce((s, d) => s + d.total, 0)).toBe(r.kpis.total);
    expect(r.byUnit.reduce((s, d) => s + d.done, 0)).toBe(r.kpis.done);
    expect(r.kpis.total).toBe(r.kpis.done + r.kpis.inProgress + r.kpis.overdue);
    expect(r.overdue.total).toBe(r.kpis.overdue);
    expect(r.kpis.scoredUnits).toBeGreaterThan(0);
    expect(r.byDirective[0]?.label).toBeTruthy();
  });

  it('narrows everything to a level', async () => {
    const all = await call(api.review, { query: { quarter: '2024Q1' } });
    const prov = await call(api.review, { query: { quarter: '2024Q1', level: 'province' } });
    const city = await call(api.review, { query: { quarter: '2024Q1', level: 'city' } });
    expect(prov.kpis.total + city.kpis.total).toBe(all.kpis.total);
    expect(prov.byUnit.every((u) => u.key.startsWith('p-'))).toBe(true);
  });
});
