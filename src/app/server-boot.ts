import { apiBase, setIdentity } from '../api/client';
import { followClock } from '../domain/clock';
import { serverInfoSchema } from '../domain/contract';
import { useServerIdentity } from '../shared/stores/server-identity';

/**
 * Production build: ask the server how it identifies people before the first API call. A loopback
 * server (until sign-in lands) believes the identity header, so the chosen person is sent with every
 * request; any other answer sends none.
 */
export async function bootServer(): Promise<void> {
  const store = useServerIdentity.getState();
  try {
    const res = await fetch(`${apiBase()}/api/server-info`, { headers: { Accept: 'application/json' } });
    const info = serverInfoSchema.parse(await res.json());
    followClock(Date.parse(info.now));
    store.set({ mode: info.identity });
    setIdentity(info.identity === 'demo-header' ? store.personId : null);
  } catch {
    store.set({ mode: 'none' });
    setIdentity(null);
  }
}
