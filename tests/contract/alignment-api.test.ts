import { describe, expect, it } from 'vitest';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { api } from '../../src/domain/contract';
import { againstBackend } from './backend';

againstBackend();

const audit = async (target: string) => {
  setIdentity('u-sup');
  return (await call(api.audit, { query: { target } })).items;
};

describe('GET /api/dashboard', () => {
  it('answers the whole overview in one request; the KPI buckets partition the tasks in scope', async () => {
    setIdentity('u-leader');
    const d = await call(api.dashboard, {});
    expect(d.quarter).toBe('2024Q2');
    expect(d.asOf).toBe('2024-05-20');
    expect(d.kpis.scope.value).toBe(70);
    const tasks = await call(api.listTasks, { query: { pageSize: 500 } });
    const suspended = tasks.items.filter((t) => t.status === 'suspended').length;
    const { closed, onTrack, atRisk, overdue, noReport } = d.kpis;
    expect(closed.value + onTrack.value + atRisk.value + overdue.value + noReport.value + suspended).toBe(70);
    for (const k of Object.values(d.kpis)) expect(k.delta).toBe(k.value - k.start);
  });

  it('counts overdue exactly as the ledger filter it links to', async () => {
    setIdentity('u-leader');
    const d = await call(api.dashboard, {});
    const ledger = await call(api.listTasks, { query: { warning: 'overdue' } });
    expect(d.kpis.overdue.value).toBe(ledger.total);
    expect(d.overdueTotal).toBe(ledger.total);
    expect(d.overdue[0]!.overdueDays).toBeGreaterThanOrEqual(d.overdue.at(-1)!.overdueDays);
  });

  it('lists deadlines of the next 30 days, soonest first, and a weekly trend ending today', async () => {
    setIdentity('u-leader');
    const d = await call(api.dashboard, {});
    for (const u of d.upcoming) expect(u.daysLeft).toBeGreaterThanOrEqual(0);
    for (const u of d.upcoming) expect(u.daysLeft).toBeLessThanOrEqual(30);
    expect(d.trend[0]!.date).toBe('2024-04-01');
    expect(d.trend.at(-1)!.date).toBe('2024-05-20');
    expect(d.trend.at(-1)!.overdue).toBe(d.kpis.overdue.value);
  });

  it('rolls the six 下功夫 up into their parent and shows the seven 要在…上', async () => {
    setIdentity('u-leader');
    const d = await call(api.dashboard, {});
    const han = d.rollup.find((s) => s.speaker === '韩俊')!;
    expect(han.directives.filter((x) => x.kind === 'zai-shang')).toHaveLength(7);
    const sun = d.rollup.find((s) => s.speaker === '孙正东')!;
    const parent = sun.directives.find((x) => x.id === 'd-16')!;
    expect(parent.children.map((c) => c.id)).toEqual(['d-17', 'd-18', 'd-19', 'd-20', 'd-21', 'd-22']);
    expect(parent.counts.total).toBe(parent.children.reduce((n, c) => n + c.counts.total, 0));
  });

  it('a closed quarter is seen as of its last day; a future one is refused', async () => {
    setIdentity('u-leader');
    const q1 = await call(api.dashboard, { query: { quarter: '2024Q1' } });
    expect(q1.asOf).toBe('2024-03-31');
    await expect(call(api.dashboard, { query: { quarter: '2025Q1' } })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe('GET /api/unit-summaries', () => {
  it('gives every unit its counts and, for a leader, the latest published score only', async () => {
    setIdentity('u-leader');
    const list = await call(api.unitSummaries);
    const kjt = list.find((s) => s.unit.id === 'p-kjt')!;
    expect(kjt.lead.total).toBeGreaterThan(0);
    expect(kjt.latestScore?.published).toBe(true);
    setIdentity('u-sup');
    const sup = (await call(api.unitSummaries)).find((s) => s.unit.id === 'p-kjt')!;
    expect(sup.latestScore?.quarter).toBe('2024Q1');
    expect(sup.latestScore?.published).toBe(false);
  });

  it("a unit's page: lead and co tasks, reports due; published scores for the unit, the running quarter for the office", async () => {
    setIdentity('u-fy-kjj');
    const d = await call(api.unitDetail, { params: { id: 'b-fy-kjj' } });
    expect(d.lead.every((t) => t.leadUnitId === 'b-fy-kjj')).toBe(true);
    expect(d.co.every((t) => t.coUnitIds.includes('b-fy-kjj'))).toBe(true);
    expect(d.scores.length).toBeGreaterThan(0);
    expect(d.scores.every((s) => s.published)).toBe(true);
    setIdentity('u-sup');
    const sup = await call(api.unitDetail, { params: { id: 'b-fy-kjj' } });
    expect(sup.scores.at(-1)).toMatchObject({ quarter: '2024Q2', provisional: true });
    expect(sup.scores.at(-2)).toMatchObject({ quarter: '2024Q1', published: false, provisional: false });
    await expect(call(api.unitDetail, { params: { id: 'nope' } })).rejects.toMatchObject({ status: 404 });
  });
});

describe('上下贯通 API', () => {
  it('suggests 在建设创新人才高地上走在前列 for 在提升创新要素集聚能力上下功夫 with 人才 as a reason', async () => {
    setIdentity('u-leader');
    const a = await call(api.alignment);
    const top = a.suggestions['d-18']!.slice(0, 3);
    expect(top.map((s) => s.id)).toContain('d-07');
    expect(top.find((s) => s.id === 'd-07')!.terms).toContain('人才');
    // Provincial directives have nothing higher to implement.
    expect(a.suggestions['d-07']).toBeUndefined();
  });

  it('a supervisor links a city directive to a provincial one; it is stored and audited', async () => {
    setIdentity('u-sup');
    const saved = await call(api.setImplements, {
      params: { id: 'd-18' },
      body: { implements: ['d-07', 'd-07', 'd-14'] },
    });
    expect(saved.implements).toEqual(['d-07', 'd-14']);
    const a = await call(api.alignment);
    expect(a.directives.find((d) => d.id === 'd-18')!.implements).toEqual(['d-07', 'd-14']);
    const [entry] = await audit('directive:d-18');
    expect(entry).toMatchObject({ action: 'directive.link', outcome: 'ok' });
    expect(entry!.detail).toContain('在建设创新人才高地上走在前列');
    // The seed already links six provincial directives; d-07 and d-14 make eight.
    expect((await call(api.dashboard, {})).alignment).toEqual({ higher: 14, covered: 8 });
  });

  it('refuses a leader (403, audited as denied) and changes nothing', async () => {
    setIdentity('u-leader');
    const err = await call(api.setImplements, {
      params: { id: 'd-18' },
      body: { implements: ['d-07'] },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(403);
    const a = await call(api.alignment);
    expect(a.directives.find((d) => d.id === 'd-18')!.implements).toEqual([]);
    expect((await audit('directive:d-18'))[0]).toMatchObject({ outcome: 'denied' });
  });

  it('rejects links that are not to a higher level, with the field named', async () => {
    setIdentity('u-sup');
    const err = await call(api.setImplements, {
      params: { id: 'd-07' },
      body: { implements: ['d-18'] },
    }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.fields[0].path).toBe('implements.0');
    const unknown = await call(api.setImplements, {
      params: { id: 'd-18' },
      body: { implements: ['d-99'] },
    }).catch((e) => e);
    expect(unknown.status).toBe(400);
    const missing = await call(api.setImplements, { params: { id: 'd-99' }, body: { implements: [] } }).catch(
      (e) => e,
    );
    expect(missing.status).toBe(404);
  });

  it('stores rejected suggestions, and a later link takes a suggestion out of the rejected list', async () => {
    setIdentity('u-sup');
    const r = await call(api.setDismissed, { params: { id: 'd-18' }, body: { dismissed: ['d-05', 'd-08'] } });
    expect(r.dismissed).toEqual(['d-05', 'd-08']);
    const linked = await call(api.setImplements, { params: { id: 'd-18' }, body: { implements: ['d-08'] } });
    expect(linked.dismissed).toEqual(['d-05']);
    const conflict = await call(api.setDismissed, {
      params: { id: 'd-18' },
      body: { dismissed: ['d-08'] },
    }).catch((e) => e);
    expect(conflict.status).toBe(409);
    expect((await audit('directive:d-18'))[0]).toMatchObject({
      action: 'directive.dismiss-suggestion',
      outcome: 'conflict',
    });
  });
});
