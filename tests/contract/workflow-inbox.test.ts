import { describe, expect, it } from 'vitest';
import { call, setIdentity } from '../../src/api/client';
import { cstMidnightMs, pinClock } from '../../src/domain/clock';
import { api } from '../../src/domain/contract';
import { againstBackend, commit, stored } from './backend';

againstBackend();

const inbox = async (who: string, since?: string) => {
  setIdentity(who);
  return call(api.inbox, { query: since ? { since } : {} });
};
const ids = (r: Awaited<ReturnType<typeof inbox>>, kind: string) =>
  r.items.filter((i) => i.kind === kind).map((i) => i.taskId);

describe('GET /api/inbox per identity (demo day 2024-05-20)', () => {
  it('unit staff: reports due for the missed April period on their own tasks only', async () => {
    const r = await inbox('u-kjt');
    expect(r.role).toBe('staff');
    expect(r.counts).toEqual({ 'report-due': 6 });
    expect(ids(r, 'report-due')).toContain('T-0003');
    expect(r.items.find((i) => i.taskId === 'T-0003')).toMatchObject({
      due: '2024-04-30',
      status: 'in-progress',
    });
    const own = new Set(
      stored()
        .tasks.filter((t) => t.leadUnitId === 'p-kjt' || t.coUnitIds.includes('p-kjt'))
        .map((t) => t.id),
    );
    expect(r.items.every((i) => own.has(i.taskId))).toBe(true);
  });
  it('unit staff: a task sent back, with the comment', async () => {
    const r = await inbox('u-fy-kjj');
    expect(r.counts).toEqual({ 'report-due': 2, 'sent-back': 1 });
    expect(r.items.find((i) => i.kind === 'sent-back')?.taskId).toBe('T-0067');
  });
  it('unit staff: tasks to accept and deadlines this week', async () => {
    const t = stored().tasks.find((x) => x.status === 'assigned')!;
    Object.assign(t, { leadUnitId: 'p-kjt', coUnitIds: ['p-fgw'], deadline: '2024-05-25' });
    await commit();
    const r = await inbox('u-kjt');
    expect(ids(r, 'to-accept')).toEqual([t.id]);
    expect(ids(r, 'due-this-week')).toEqual([t.id]);
    // Cooperating staff see the deadline but cannot accept for the lead unit.
    const co = await inbox('u-fgw');
    expect(ids(co, 'to-accept')).toEqual([]);
    expect(ids(co, 'due-this-week')).toEqual([t.id]);
  });
  it('supervisor: reports to review and extension requests', async () => {
    const r = await inbox('u-sup');
    expect(r.counts).toEqual({ 'report-to-review': 3, 'extension-request': 3 });
    expect(ids(r, 'extension-request').sort()).toEqual(['T-0005', 'T-0051', 'T-0056']);
    expect(r.items.find((i) => i.taskId === 'T-0005' && i.kind === 'extension-request')?.due).toBe(
      '2025-02-28',
    );
  });
  it('supervisor: tasks gone red since the last visit, and not before it', async () => {
    // Two weeks later, the tasks due on 2024-05-31 have turned red.
    pinClock(cstMidnightMs('2024-06-03') + 10 * 3_600_000);
    const dueMay31 = stored()
      .tasks.filter((t) => t.deadline === '2024-05-31' && !['closed', 'suspended'].includes(t.status))
      .map((t) => t.id);
    expect(dueMay31.length).toBeGreaterThan(0);
    const sinceMay20 = await inbox('u-sup', '2024-05-20T10:00:00+08:00');
    expect(ids(sinceMay20, 'gone-red').sort()).toEqual(expect.arrayContaining(dueMay31));
    const sinceToday = await inbox('u-sup', '2024-06-03T10:00:00+08:00');
    expect(ids(sinceToday, 'gone-red')).toEqual([]);
  });
  it('leader: only what turned red, nothing to act on', async () => {
    pinClock(cstMidnightMs('2024-06-03') + 10 * 3_600_000);
    const r = await inbox('u-leader', '2024-05-20T10:00:00+08:00');
    expect(r.role).toBe('leader');
    expect(new Set(r.items.map((i) => i.kind))).toEqual(new Set(['gone-red']));
  });
  it('rejects a malformed since (400)', async () => {
    setIdentity('u-sup');
    await expect(call(api.inbox, { query: { since: 'yesterday' } })).rejects.toMatchObject({ status: 400 });
  });
});
