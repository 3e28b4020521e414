import * as mocks from '../../mocks/browser';
import { setTransport } from '../api/client';
import { runDemoClock } from '../domain/clock';
import { useDemoSettings } from '../shared/stores/demo';
import { useExternalChanges } from '../shared/stores/external-changes';
import { useDemoNotices } from '../shared/stores/notices';

/**
 * Starts the mock API (demo and dev builds only; production never imports this file). main.tsx loads
 * this module lazily; the mock API is a static import here so its chunk downloads in the same round trip.
 */
export async function bootDemo() {
  const s = useDemoSettings.getState();
  const { db, notices, resolve } = await mocks.startMockApi({
    clockDate: s.clockDate,
    latencyMs: s.latencyMs,
    errorRate: s.errorRate,
  });
  // The mock API pins its clock to 10:00 when it starts; let the time of day run again from there.
  runDemoClock(s.clockDate);
  setTransport(resolve);
  useDemoNotices.getState().add(notices);
  // A storage problem after boot (full, blocked) is shown as it happens, not only recorded.
  db.onNotice((n) => useDemoNotices.getState().add([n]));
  // Another tab saved: this one refetches what it shows.
  db.onExternalChange(() => useExternalChanges.getState().bump());
  // Later changes in the demo panel reach the mock API and the clock directly.
  useDemoSettings.subscribe((next, prev) => {
    if (next.latencyMs !== prev.latencyMs || next.errorRate !== prev.errorRate) {
      mocks.configureMock({ latencyMs: next.latencyMs, errorRate: next.errorRate });
    }
    if (next.clockDate !== prev.clockDate) runDemoClock(next.clockDate);
  });
  return mocks;
}

export type DemoModule = Awaited<ReturnType<typeof bootDemo>>;
