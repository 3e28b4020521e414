import { afterEach, describe, expect, it, vi } from 'vitest';
import { nowIso, runDemoClock, today } from '../../src/domain/clock';

afterEach(() => vi.restoreAllMocks());

describe('the demo clock', () => {
  it('keeps the chosen date and lets the time of day run on from 10:00', () => {
    const start = Date.now();
    const now = vi.spyOn(Date, 'now').mockReturnValue(start);
    runDemoClock('2024-05-20');
    const first = nowIso();
    expect(first.slice(0, 10)).toBe('2024-05-20');
    now.mockReturnValue(start + 90_000);
    const second = nowIso();
    expect(second > first).toBe(true);
    expect(Date.parse(second) - Date.parse(first)).toBe(90_000);
    expect(today()).toBe('2024-05-20');
  });

  it('stops at the end of the demo day instead of moving to the next date', () => {
    const start = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(start + 30 * 3_600_000);
    runDemoClock('2024-05-20');
    expect(nowIso()).toBe('2024-05-20T23:59:59+08:00');
  });
});
