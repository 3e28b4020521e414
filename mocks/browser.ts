import { setupWorker } from 'msw/browser';
import { cstMidnightMs, pinClock } from '../src/domain/clock';
import { configureMock } from './controls';
import { initDb } from './db/instance';
import { handlers } from './handlers';
import { loadLargeBuilder, storedIsLarge } from './seed/large-loader';

export { configureMock } from './controls';
export { getDb } from './db/instance';
export { DEMO_TODAY } from './seed/build-seed';

export interface StartOptions {
  /** Demo clock day, `YYYY-MM-DD`; the time of day is 10:00 Beijing time. */
  clockDate: string;
  latencyMs: number;
  errorRate: number;
}

/** Start the mock API in the browser: persisted database, pinned clock, service worker. */
export async function startMockApi(opts: StartOptions) {
  pinClock(cstMidnightMs(opts.clockDate) + 10 * 3_600_000);
  configureMock({ latencyMs: opts.latencyMs, errorRate: opts.errorRate });
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  // The large demo set is regenerated at boot, so its generator must be loaded first.
  if (storedIsLarge(storage)) await loadLargeBuilder();
  const db = initDb(storage);
  const worker = setupWorker(...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return { db, notices: [...db.notices] };
}
