import { cleanup } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { server } from '../../../mocks/node';
import { SEED_PEOPLE, SEED_UNITS } from '../../../mocks/seed/org';
import type { Session } from '../../../src/domain/schemas';
import { useServerIdentity } from '../../../src/shared/stores/server-identity';

/**
 * The demo backend has no sign-in: these tests add the server's sign-in endpoints with msw and put
 * the UI in `session` mode, as `server-boot` does when the Node server says so.
 */
export const PASSWORD = '正确的马电池订书钉';

export function sessionOf(personId: string): Session {
  const person = SEED_PEOPLE.find((p) => p.id === personId)!;
  const unit = SEED_UNITS.find((u) => u.id === person.unitId)!;
  return { person, unit, role: person.role, now: '2024-05-06T10:00:00+08:00', demo: false };
}

const fail = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  HttpResponse.json({ error: { code, message } }, { status, headers });

export const unauthenticated = () => fail(401, 'unauthenticated', '请先登录');

/**
 * Sign-in mode, and `POST /api/session` that accepts `login` with PASSWORD as `personId`.
 * `expire()` ends the session: every other API call answers 401 until the next successful sign-in.
 */
export function signInServer(login = 'liuyang', personId = 'u-kjt') {
  useServerIdentity.setState({ mode: 'session' });
  const attempts: { login: string; password: string }[] = [];
  let expired = false;
  server.use(
    http.all('*/api/*', ({ request }) => {
      const signingIn = request.method === 'POST' && new URL(request.url).pathname === '/api/session';
      // Falling through (undefined) lets the demo backend answer, as a live session would.
      return expired && !signingIn ? unauthenticated() : undefined;
    }),
    http.post('*/api/session', async ({ request }) => {
      const body = (await request.json()) as { login: string; password: string };
      attempts.push(body);
      if (body.login !== login || body.password !== PASSWORD) {
        return fail(401, 'unauthenticated', '登录名或密码错误');
      }
      expired = false;
      return HttpResponse.json(sessionOf(personId));
    }),
  );
  return {
    attempts,
    expire: () => {
      expired = true;
    },
  };
}

export function lockedOut(seconds: number) {
  server.use(
    http.post('*/api/session', () =>
      fail(429, 'too-many-requests', '尝试次数过多', { 'Retry-After': String(seconds) }),
    ),
  );
}

/** After each test: unmount first (the page must not re-render outside the test), then leave sign-in mode. */
export function resetMode() {
  cleanup();
  useServerIdentity.setState({ mode: 'unknown' });
}
