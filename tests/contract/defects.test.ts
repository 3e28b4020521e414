import { describe, expect, it } from 'vitest';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { nowMs } from '../../src/domain/clock';
import { api, IDENTITY_HEADER } from '../../src/domain/contract';
import type { Task } from '../../src/domain/schemas';
import { fileReport } from '../../src/domain/task-effects';
import { defineWrite, runWrite } from '../../src/service/runner';
import { againstBackend, backendStore, digest, reload, stored } from './backend';
import { rawRequest } from './raw';

againstBackend();

/**
 * The six defects found when the rules lived in three places, each pinned on every backend:
 * the demo store through msw, and the Node server over HTTP on PGlite and on PostgreSQL.
 */
async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return e.status;
  }
}

const closedTask = () => stored().tasks.find((t) => t.status === 'closed')!;
const openTask = (): Task =>
  stored().tasks.find((t) => t.status === 'in-progress' && t.leadUnitId === 'p-kjt')!;

describe('a closed task cannot be edited', () => {
  it('PATCH on 已办结 is 409, stores nothing, and is audited once as a conflict', async () => {
    const t = closedTask();
    const before = digest();
    const audits = stored().audit.length;
    const e = await call(api.updateTask, {
      params: { id: t.id },
      body: { title: '改一改' },
      version: t.version,
    }).catch((x) => x as ApiError);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(409);
    expect(digest()).toBe(before);
    expect(stored().audit).toHaveLength(audits + 1);
    expect(stored().audit.at(-1)).toMatchObject({
      action: 'task.update',
      outcome: 'conflict',
      target: `task:${t.id}`,
    });
  });
});

describe('one score per unit and quarter on every screen', () => {
  const unitScore = async (quarter: string, unitId: string) => {
    const d = await call(api.unitDetail, { params: { id: unitId } });
    return d.scores.find((s) => s.quarter === quarter)?.score;
  };
  const reviewScore = async (quarter: string, unitId: string) =>
    (await call(api.assessments, { query: { quarter } })).items.find((i) => i.unitId === unitId)?.score;

  it('after a supervisor adjustment in the running quarter the unit page shows the 季度考核 score', async () => {
    await call(api.adjustAssessment, {
      params: { quarter: '2024Q2', unitId: 'p-kjt' },
      body: { points: 3, reason: '主动承担急难险重任务' },
    });
    const review = await reviewScore('2024Q2', 'p-kjt');
    expect(review).toBeGreaterThan(0);
    expect(await unitScore('2024Q2', 'p-kjt')).toBe(review);
  });

  it('after a deadline edit a computed quarter shows the same new score on both pages', async () => {
    const before = await reviewScore('2024Q1', 'p-kjt');
    const t = stored().tasks.find(
      (x) => x.leadUnitId === 'p-kjt' && x.status !== 'closed' && x.deadline < '2024-03-31',
    )!;
    await call(api.updateTask, {
      params: { id: t.id },
      body: { deadline: '2024-12-31' },
      version: t.version,
    });
    const after = await reviewScore('2024Q1', 'p-kjt');
    expect(after).not.toBe(before);
    expect(await unitScore('2024Q1', 'p-kjt')).toBe(after);
  });
});

describe('unpublished scores are for the 督查室 only', () => {
  it.each(['u-leader', 'u-kjt'])('%s gets no unpublished scores from any endpoint', async (who) => {
    setIdentity(who);
    const list = await call(api.assessments, { query: { quarter: '2024Q1' } });
    expect(list.state).toBe('computed');
    expect(list.items).toEqual([]);
    const review = await call(api.review, { query: { quarter: '2024Q1' } });
    expect(review.kpis.averageScore).toBeNull();
    const unit = await call(api.unitDetail, { params: { id: 'p-kjt' } });
    expect(unit.scores.every((s) => s.published)).toBe(true);
    const published = await call(api.assessments, { query: { quarter: '2023Q4' } });
    expect(published.items.length).toBeGreaterThan(0);
  });

  it('the 督查室 sees them', async () => {
    setIdentity('u-sup');
    expect((await call(api.assessments, { query: { quarter: '2024Q1' } })).items.length).toBeGreaterThan(0);
  });
});

describe('writes without an identity, and empty versions', () => {
  it('a write without an identity is 401 and audited as denied', async () => {
    setIdentity(null);
    const before = digest();
    const audits = stored().audit.length;
    const t = openTask();
    expect(
      await status(
        call(api.updateTask, { params: { id: t.id }, body: { title: '匿名修改' }, version: t.version }),
      ),
    ).toBe(401);
    expect(digest()).toBe(before);
    expect(stored().audit).toHaveLength(audits + 1);
    expect(stored().audit.at(-1)).toMatchObject({ outcome: 'denied', role: null, target: `task:${t.id}` });
  });

  it('If-Match: "" is 428 (missing), not 412', async () => {
    const t = openTask();
    const res = await fetchRaw(`/api/tasks/${t.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '', [IDENTITY_HEADER]: 'u-sup' },
      body: JSON.stringify({ title: '新标题' }),
    });
    expect(res.status).toBe(428);
    expect((await res.json()).error.code).toBe('precondition-required');
  });
});

/** A raw request through the same transport the typed client uses (msw, or the server over HTTP). */
const fetchRaw = rawRequest;

describe('a use case that throws half way', () => {
  it('leaves nothing but its audit entry', async () => {
    const store = backendStore();
    const before = digest();
    const audits = stored().audit.length;
    const broken = defineWrite(
      api.updateTask,
      'task.update',
      (p) => `task:${p.id}`,
      (ctx) => {
        const t = ctx.data.tasks.find((x) => x.id === ctx.params.id)!;
        ctx.tx.update('tasks', { ...t, title: '写了一半', version: t.version + 1 }, t.version);
        throw new Error('disk on fire');
      },
    );
    const t = openTask();
    const answer = await runWrite(
      { store, clock: nowMs, demo: false, identityHeader: true },
      broken as never,
      {
        actorId: 'u-sup',
        params: { id: t.id },
        query: {},
        body: { title: '写了一半' },
        ifMatch: String(t.version),
      },
    );
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts/);
    await reload();
    expect(digest()).toBe(before);
    expect(stored().audit).toHaveLength(audits + 1);
    expect(stored().audit.at(-1)).toMatchObject({ outcome: 'error', target: `task:${t.id}` });
  });
});

describe('the task page predicts the server with the same rules', () => {
  it('the optimistic report equals what the server stored, but for the id', async () => {
    setIdentity('u-kjt');
    const t = openTask();
    const detail = await call(api.getTask, { params: { id: t.id } });
    const input = { text: '本月完成中试线设备安装', progress: 60, evidence: [], final: false };
    const now = new Date(nowMs()).toISOString();
    const predicted = fileReport(
      detail.task,
      detail.reports,
      input,
      { by: 'u-kjt', at: now, day: '2024-05-20' },
      'x',
    );
    const answer = await call(api.createReport, { params: { id: t.id }, body: input, version: t.version });
    expect(predicted.ok).toBe(true);
    if (!predicted.ok) return;
    const { id: _a, submittedAt: _b, ...expected } = predicted.report;
    expect(answer.reports.at(-1)).toMatchObject(expected);
    expect(answer.task).toMatchObject({ status: predicted.task.status, progress: predicted.task.progress });
  });
});
