import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';

export function errorMessage(t: ReturnType<typeof useT>, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `${t('error.forbidden')}（${error.message}）`;
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('auth.expired');
    return error.message;
  }
  return error instanceof Error ? error.message : t('error.unknown');
}

/** Loading, error-with-retry, or the content: every page reads its queries through this. */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) {
    return (
      <div className="state state--loading" role="status">
        {t('common.loading')}
      </div>
    );
  }
  // A refetch refused because the session ended: keep the page, and any form open on it, until the
  // sign-in page takes over (the session gate redirects).
  const sessionEnded =
    query.error instanceof ApiError && query.error.status === 401 && query.data !== undefined;
  if (query.isError && !sessionEnded) {
    return (
      <div className="state state--error" role="alert">
        <p>{t('common.errorDetail', { what, message: errorMessage(t, query.error) })}</p>
        <button type="button" className="btn" onClick={() => query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data as T)}</>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-header__actions">{children}</div> : null}
    </header>
  );
}
