import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, type PlannedItem } from '../../src/domain/reminders';
import { createMemoryQueue } from '../../src/service/jobs/memory-queue';

const at = (iso: string) => Date.parse(iso);
const item = (over: Partial<PlannedItem> = {}): PlannedItem => ({
  taskId: 'T-1',
  rule: 'overdue',
  recipientId: 'u-a',
  role: 'responsible',
  day: '2024-07-01',
  ref: '2024-07-01',
  facts: { taskId: 'T-1', code: 'DB-1', title: '任务', deadline: '2024-06-30', days: 1 },
  key: 'overdue|T-1|u-a|2024-07-01|email',
  channel: 'email',
  recipientName: '甲',
  target: 'a@x.example',
  lang: 'zh',
  sendAtMs: at('2024-07-01T08:30:00+08:00'),
  digest: null,
  ...over,
});

/** The demo's queue keeps the same promises as the PostgreSQL one (which the server tests prove). */
describe('the memory queue', () => {
  it('adds an item once, however often it is scheduled', async () => {
    const q = createMemoryQueue();
    expect(await q.schedule([item(), item()], 0)).toBe(1);
    expect(await q.schedule([item()], 0)).toBe(0);
    expect(q.state.jobs).toHaveLength(1);
  });

  it('holds a message until its time; a claim whose worker died is taken over after the lease, the old worker’s finish is ignored', async () => {
    const q = createMemoryQueue();
    await q.schedule([item()], 0);
    expect(await q.claim(at('2024-07-01T08:00:00+08:00'), 10, 'w1', 60_000)).toHaveLength(0);
    const t = at('2024-07-01T08:30:00+08:00');
    expect(await q.claim(t, 10, 'w1', 60_000)).toHaveLength(1);
    expect(await q.claim(t + 30_000, 10, 'w2', 60_000)).toHaveLength(0);
    const taken = await q.claim(t + 61_000, 10, 'w2', 60_000);
    expect(taken[0]).toMatchObject({ attempts: 2 });
    await q.finish(taken[0]!.id, 'w1', { ok: true }, t + 62_000);
    expect(q.state.jobs[0]!.state).toBe('sending');
    await q.finish(taken[0]!.id, 'w2', { ok: true }, t + 62_000);
    expect(q.state.jobs[0]!.state).toBe('sent');
  });

  it('a digest takes the day’s items while queued; once sent, later items wait for the next day’s', async () => {
    const q = createMemoryQueue();
    const digest = { slot: '2024-07-01', sendAtMs: 0, at: '09:00', quiet: DEFAULT_PREFS.quiet };
    await q.schedule([item({ digest }), item({ key: 'k2', taskId: 'T-2', digest })], 0);
    expect(q.state.jobs).toHaveLength(1);
    const [job] = await q.claim(at('2024-07-01T09:00:00+08:00'), 10, 'w', 60_000);
    expect(job!.items).toHaveLength(2);
    await q.finish(job!.id, 'w', { ok: true }, 0);
    await q.schedule([item({ key: 'k3', taskId: 'T-3', digest })], 0);
    expect(q.state.jobs.map((j) => [j.kind, j.day])).toEqual([
      ['digest', '2024-07-01'],
      ['digest', '2024-07-02'],
    ]);
  });
});
