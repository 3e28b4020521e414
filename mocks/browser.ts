import { getResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { nowMs, runDemoClock } from '../src/domain/clock';
import { type Channels, startJobLoop } from '../src/service/jobs/jobs';
import { configureMock, mockControls } from './controls';
import { handlers } from './handlers';
import { loadLargeBuilder, storedIsLarge } from './seed/large-loader';
import { hasIndexedDb, idbLoad, idbSave } from './store/idb';
import { demoQueue, initDb } from './store/instance';

export { configureMock } from './controls';
export { DEMO_TODAY } from './seed/build-seed';
export { getDb } from './store/instance';

/** How often the demo's scheduler and worker run (ms): a moved demo clock shows its reminders within this. */
const DEMO_JOBS_MS = 3_000;

/**
 * Delivery in the demo is simulated: nothing leaves the browser. The failure-rate knob fails it too,
 * so retries and dead letters can be seen.
 */
const simulated = (): Promise<void> =>
  Math.random() < mockControls.errorRate
    ? Promise.reject(new Error('模拟发送失败 (simulated failure)'))
    : Promise.resolve();
const demoChannels: Channels = { email: simulated, webhook: simulated };

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
  // The same scheduler and worker as the server, against the demo's clock and its own outbox.
  startJobLoop({
    store: db,
    queue: demoQueue(),
    channels: demoChannels,
    clock: nowMs,
    baseUrl: `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`,
    workerId: `tab-${Math.random().toString(36).slice(2, 8)}`,
    intervalMs: DEMO_JOBS_MS,
  });
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
