import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { call, sendEarly, setIdentity } from '../../src/api/client';

/** Requests that reached the API, by path. */
function countRequests() {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    seen.push(new URL(request.url).pathname);
  };
  server.events.on('request:start', listener);
  return { seen, stop: () => server.events.removeListener('request:start', listener) };
}

describe('requests sent before the boot has finished (sendEarly)', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('the first call for the same path takes the early answer instead of asking again', async () => {
    setIdentity(null);
    const c = countRequests();
    stop = c.stop;
    sendEarly('/api/server-info');
    const info = await call('serverInfo');
    expect(info.identity).toBeDefined();
    expect(c.seen.filter((p) => p === '/api/server-info')).toHaveLength(1);
    // Taken once: the next call asks the server again.
    await call('serverInfo');
    expect(c.seen.filter((p) => p === '/api/server-info')).toHaveLength(2);
  });

  it('a call that sends an identity header asks itself: the early request carried none', async () => {
    setIdentity('u-sup');
    const c = countRequests();
    stop = c.stop;
    sendEarly('/api/session');
    const who = await call('session');
    expect(who.person.id).toBe('u-sup');
    expect(c.seen.filter((p) => p === '/api/session')).toHaveLength(2);
  });
});
