import { describe, expect, it } from 'vitest';
import { buildLargeDb, LARGE_TASK_COUNT } from '../../mocks/seed/build-large';
import { getDb } from '../../mocks/store/instance';
import { call, setIdentity } from '../../src/api/client';
import { api } from '../../src/domain/contract';
import { quarterOf } from '../../src/domain/quarter';

describe('the large demo dataset', () => {
  const db = buildLargeDb();

  it('has 10,000 tasks over 60 units and eight quarters of meetings', () => {
    expect(db.dataset).toBe('large');
    expect(db.tasks).toHaveLength(LARGE_TASK_COUNT);
    expect(db.units).toHaveLength(60);
    const quarters = new Set(db.meetings.map((m) => quarterOf(m.date)));
    expect([...quarters].sort()).toEqual([
      '2022Q3',
      '2022Q4',
      '2023Q1',
      '2023Q2',
      '2023Q3',
      '2023Q4',
      '2024Q1',
      '2024Q2',
    ]);
    expect(new Set(db.tasks.map((t) => t.id)).size).toBe(LARGE_TASK_COUNT);
    expect(db.assessments.some((a) => a.quarter === '2022Q3')).toBe(true);
  });

  it('keeps every reference sound: units, people, directives, and reports of known tasks', () => {
    const units = new Set(db.units.map((u) => u.id));
    const people = new Set(db.people.map((p) => p.id));
    const directives = new Set(db.directives.map((d) => d.id));
    const tasks = new Set(db.tasks.map((t) => t.id));
    for (const t of db.tasks) {
      expect(units.has(t.leadUnitId)).toBe(true);
      expect(t.coUnitIds.every((u) => units.has(u) && u !== t.leadUnitId)).toBe(true);
      expect(people.has(t.responsiblePersonId!)).toBe(true);
      expect(directives.has(t.directiveId!)).toBe(true);
      expect(t.deadline >= t.startDate).toBe(true);
    }
    expect(db.reports.every((r) => tasks.has(r.taskId))).toBe(true);
    // Every span of a directive points at its own words in the meeting text.
    const text = new Map(db.meetings.map((m) => [m.id, m.text]));
    for (const d of db.directives.slice(-40)) {
      expect(text.get(d.meetingId)!.slice(...d.headingSpan)).toBe(d.heading);
      for (const [i, s] of d.measureSpans.entries())
        expect(text.get(d.meetingId)!.slice(...s)).toBe(d.measures[i]);
    }
  });

  it('shows every workflow status, like an office in the middle of its work', () => {
    const statuses = new Set(db.tasks.map((t) => t.status));
    expect(statuses.size).toBe(7);
  });

  it('is the same on every build (deterministic)', () => {
    const again = buildLargeDb();
    expect(again.tasks.map((t) => `${t.id}${t.status}${t.deadline}${t.leadUnitId}`).join()).toBe(
      db.tasks.map((t) => `${t.id}${t.status}${t.deadline}${t.leadUnitId}`).join(),
    );
    expect(again.reports.length).toBe(db.reports.length);
  });
});

describe('the ledger API on the large dataset', () => {
  it('switches through the demo reset, then filters, sorts and pages 10,000 tasks', async () => {
    setIdentity('u-sup');
    await call(api.demoReset, { body: { dataset: 'large' } });
    expect(getDb().data.tasks).toHaveLength(LARGE_TASK_COUNT);
    const all = await call(api.listTasks, { query: { pageSize: 200 } });
    expect(all.total).toBe(LARGE_TASK_COUNT);
    expect(all.items).toHaveLength(200);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(all.facets.status)).toBe(LARGE_TASK_COUNT);
    expect(sum(all.facets.warning)).toBe(LARGE_TASK_COUNT);
    // The links other pages make still land on tasks.
    for (const query of [
      { speaker: '韩俊' },
      { meeting: 'm-2023-0424-ah' },
      { unit: 'p-kjt' },
      { directive: 'd-07' },
      { dueQuarter: '2024Q2' },
      { warning: 'overdue' },
    ]) {
      const page = await call(api.listTasks, { query: { ...query, pageSize: 1 } });
      expect(page.total, JSON.stringify(query)).toBeGreaterThan(0);
    }
    const sorted = await call(api.listTasks, {
      query: { warning: 'overdue,behind', sort: 'leadUnit', order: 'desc', pageSize: 200 },
    });
    expect(sorted.items.every((r) => r.warning.kind === 'overdue' || r.warning.kind === 'behind')).toBe(true);
    // Back to the seed.
    await call(api.demoReset, { body: { dataset: 'seed' } });
    expect((await call(api.listTasks, { query: { pageSize: 1 } })).total).toBe(70);
  });
});
