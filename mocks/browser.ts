import { getResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { runDemoClock } from '../src/domain/clock';
import { configureMock } from './controls';
import { handlers } from './handlers';
import { loadLargeBuilder, storedIsLarge } from './seed/large-loader';
import { hasIndexedDb, idbLoad, idbSave } from './store/idb';
import { initDb } from './store/instance';

export { configureMock } from './controls';
export { DEMO_TODAY } from './seed/build-seed';
export { getDb } from './store/instance';

export interface StartOptions {
  /** Demo clock day, `YYYY-MM-DD`; the time of day starts at 10:00 Beijing time and runs on. */
  clockDate: string;
  latencyMs: number;
  errorRate: number;
}

/**
 * Start the mock API in the browser: persisted database, pinned clock, and a service worker for
 * requests made outside the typed client. The client does not wait for the worker: `resolve` answers
 * its requests with the same handlers in this tab as soon as the database is ready, which saves the
 * worker's registration (hundreds of milliseconds on a first visit) from the first screen.
 */
export async function startMockApi(opts: StartOptions) {
  runDemoClock(opts.clockDate);
  configureMock({ latencyMs: opts.latencyMs, errorRate: opts.errorRate });
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  // The large demo set is regenerated at boot, so its generator must be loaded first.
  if (storedIsLarge(storage)) await loadLargeBuilder();
  const db = initDb(storage, hasIndexedDb() ? { load: idbLoad, save: idbSave } : null);
  await db.ready;
  const worker = setupWorker(...handlers);
  const workerReady = worker
    .start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    })
    .catch(() => undefined);
  const resolve = async (request: Request): Promise<Response> =>
    (await getResponse(handlers, request)) ?? fetch(request);
  return { db, notices: [...db.notices], resolve, workerReady };
}
