import { nowMs } from '../../src/domain/clock';
import { createApp } from '../../src/http/app';
import { createMemoryQueue, type MemoryQueue, type MemState } from '../../src/service/jobs/memory-queue';
import { mockControls } from '../controls';
import { createDemoStore, type DemoStore, type LargeStorage } from './demo-store';
import { defaultBuilder, type StorageLike } from './persist';

/**
 * The demo backend: the demo store behind the very same HTTP app the Node server runs. msw hands
 * every `/api/*` request to `app.fetch`.
 */
let current: DemoStore | null = null;
let queue: MemoryQueue | null = null;
let app: ReturnType<typeof createApp> | null = null;

/** The reminder outbox of the demo, in its own key beside the data (queue traffic is not a data change). */
export const OUTBOX_KEY = 'luoshi.mock-outbox';

function outboxPersistence(storage: StorageLike | null) {
  if (!storage) return undefined;
  return {
    load: (): MemState | null => {
      try {
        const raw = storage.getItem(OUTBOX_KEY);
        return raw ? (JSON.parse(raw) as MemState) : null;
      } catch {
        return null;
      }
    },
    save: (state: MemState) => {
      try {
        storage.setItem(OUTBOX_KEY, JSON.stringify(state));
      } catch {
        // A full storage loses the outbox's history, never the data: the demo keeps running.
      }
    },
  };
}

/** The demo simulates delivery on both channels. */
export const DEMO_DELIVERY = {
  email: true,
  emailFrom: 'luoshi@luoshi.example',
  webhook: true,
  simulated: true,
};

export function initDb(storage: StorageLike | null, large: LargeStorage | null = null): DemoStore {
  queue = createMemoryQueue(outboxPersistence(storage));
  current = createDemoStore(storage, defaultBuilder, large, queue);
  app = createApp({
    delivery: DEMO_DELIVERY,
    store: current,
    clock: nowMs,
    demo: true,
    allowIdentityHeader: true,
    injectFailure: () => mockControls.errorRate > 0 && Math.random() < mockControls.errorRate,
    datasets: { build: (dataset) => defaultBuilder(dataset) },
  });
  return current;
}

export function getDb(): DemoStore {
  if (!current) initDb(null);
  return current!;
}

export function demoQueue(): MemoryQueue {
  if (!queue) initDb(null);
  return queue!;
}

export function demoApp(): ReturnType<typeof createApp> {
  if (!app) initDb(null);
  return app!;
}
