/**
 * Where to go after signing in: only a path inside this app (`/ledger/T-1?x=1`). Anything else (an
 * absolute URL, `//host`, the login page itself) falls back to the dashboard, so a crafted link cannot
 * send the person elsewhere.
 */
export function safeNext(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  if (raw === '/login' || raw.startsWith('/login?') || raw.startsWith('/login/')) return '/';
  return raw;
}

/** The sign-in page that brings the person back to `path` (pathname + search) afterwards. */
export function loginPath(path: string): string {
  return path && path !== '/' ? `/login?next=${encodeURIComponent(path)}` : '/login';
}
