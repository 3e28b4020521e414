import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { sessionQueries } from '../api/queries';
import { claimDrafts } from '../shared/drafts';
import { loginPath } from '../shared/login-path';
import { useServerIdentity } from '../shared/stores/server-identity';

const isUnauthenticated = (e: unknown) => e instanceof ApiError && e.status === 401;

/**
 * Any 401 while the person works (a save, a page's query) may mean the session ended: ask the server
 * again who we are. The redirect itself follows from the session query alone.
 */
function watchUnauthenticated(qc: QueryClient): () => void {
  const recheck = () => void qc.invalidateQueries({ queryKey: sessionQueries.all });
  const offQueries = qc.getQueryCache().subscribe((e) => {
    if (e.type !== 'updated' || e.action.type !== 'error' || !isUnauthenticated(e.action.error)) return;
    if (e.query.queryKey[0] !== sessionQueries.all[0]) recheck();
  });
  const offMutations = qc.getMutationCache().subscribe((e) => {
    if (e.type === 'updated' && e.action.type === 'error' && isUnauthenticated(e.action.error)) recheck();
  });
  return () => {
    offQueries();
    offMutations();
  };
}

/**
 * On a server with sign-in, the app's pages need a session: without one (401), the person is sent to
 * `/login?next=<here>` and comes back here afterwards; drafts keep what they typed. Anywhere else
 * (the demo, a loopback server) this renders its children and nothing more.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const signInMode = useServerIdentity((s) => s.mode === 'session');
  const qc = useQueryClient();
  const session = useQuery(sessionQueries.current());
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  useEffect(() => (signInMode ? watchUnauthenticated(qc) : undefined), [signInMode, qc]);
  const personId = session.data?.person.id;
  useEffect(() => {
    if (personId) claimDrafts(personId);
  }, [personId]);
  const expired = signInMode && session.isError && isUnauthenticated(session.error);
  useEffect(() => {
    if (expired) void navigate(loginPath(pathname + search), { replace: true });
  }, [expired, navigate, pathname, search]);
  // Signed out while working: the page (and an open form) stays until 登录 has loaded. Never signed
  // in: nothing to show.
  if (expired && !session.data) return null;
  return <>{children}</>;
}
