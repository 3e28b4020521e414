import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useT } from '../i18n';
import { useDocumentTitle } from '../shared/hooks/use-document-title';

/**
 * What a route shows when its code fails to load (a dropped connection, a new release replacing the
 * chunk) or its page throws: the navigation stays, the message says what happened, and a retry
 * loads the page again.
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  useDocumentTitle(t('routeError.title'));
  const chunk =
    error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div className="state state--error route-error" role="alert">
      <h1>{t('routeError.title')}</h1>
      <p>{t(chunk ? 'routeError.chunk' : 'routeError.page')}</p>
      <p className="route-error__detail">{detail}</p>
      <p className="route-error__actions">
        {/* A fresh load fetches the current code; a retry in place could ask again for a chunk that is gone. */}
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
        <Link to="/" className="btn">
          {t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}

/** Shown while a route's code loads on the first screen. */
export function RouteLoading() {
  const t = useT();
  return (
    <div className="state state--loading" role="status">
      {t('common.loading')}
    </div>
  );
}
