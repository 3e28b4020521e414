import { apiBase, loadContract, setIdentity } from '../api/client';
import { followClock } from '../domain/clock';
import { useServerIdentity } from '../shared/stores/server-identity';

/**
 * Production build: ask the server how it identifies people before the first API call. A loopback
 * server (until sign-in lands) believes the identity header, so the chosen person is sent with every
 * request; any other answer sends none.
 */
export async function bootServer(): Promise<void> {
  const store = useServerIdentity.getState();
  try {
    // The schemas' chunk and the answer travel in parallel. No custom headers: the request must match
    // the `<link rel="preload">` index.html starts while the scripts download (vite.config.ts).
    const [{ serverInfoSchema }, res] = await Promise.all([
      loadContract(),
      fetch(`${apiBase()}/api/server-info`, { credentials: 'same-origin' }),
    ]);
    const info = serverInfoSchema.parse(await res.json());
    followClock(Date.parse(info.now));
    store.set({ mode: info.identity });
    setIdentity(info.identity === 'demo-header' ? store.personId : null);
  } catch {
    store.set({ mode: 'none' });
    setIdentity(null);
  }
}
