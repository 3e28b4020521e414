import { nowMs } from '../../src/domain/clock';
import { createApp } from '../../src/http/app';
import { mockControls } from '../controls';
import { createDemoStore, type DemoStore, type LargeStorage } from './demo-store';
import { defaultBuilder, type StorageLike } from './persist';

/**
 * The demo backend: the demo store behind the very same HTTP app the Node server runs. msw hands
 * every `/api/*` request to `app.fetch`.
 */
let current: DemoStore | null = null;
let app: ReturnType<typeof createApp> | null = null;

export function initDb(storage: StorageLike | null, large: LargeStorage | null = null): DemoStore {
  current = createDemoStore(storage, defaultBuilder, large);
  app = createApp({
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

export function demoApp(): ReturnType<typeof createApp> {
  if (!app) initDb(null);
  return app!;
}
