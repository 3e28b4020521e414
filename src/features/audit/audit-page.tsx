import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { auditQueries } from '../../api/queries';
import { useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { scrollRegion } from '../../shared/ui/scroll-region';

const OUTCOMES = ['ok', 'denied', 'invalid', 'conflict', 'not-found', 'error'] as const;
const PAGE_SIZE = 50;

/** The audit log: newest first, filterable by outcome and target; filters live in the URL. */
export function AuditPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const outcome = params.get('outcome') ?? '';
  const target = params.get('target') ?? '';
  const query = useQuery({
    ...auditQueries.list({
      page,
      pageSize: PAGE_SIZE,
      outcome: outcome || undefined,
      target: target || undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <p className="muted">{t('audit.readonly')}</p>
      <div className="filters">
        <label>
          {t('audit.filter.outcome')}
          <select value={outcome} onChange={(e) => update({ outcome: e.target.value, page: '' })}>
            <option value="">{t('common.all')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`audit.outcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.target')}
          <input
            type="search"
            defaultValue={target}
            onKeyDown={(e) => e.key === 'Enter' && update({ target: e.currentTarget.value.trim(), page: '' })}
          />
        </label>
      </div>
      <QueryState query={query} what={t('audit.what')}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
          return (
            <>
              <div className="table-wrap" {...scrollRegion(t('audit.what'))}>
                <table className="table">
                  <caption className="visually-hidden">{t('audit.what')}</caption>
                  <thead>
                    <tr>
                      {(['at', 'actor', 'action', 'target', 'outcome', 'detail'] as const).map((c) => (
                        <th key={c} scope="col">
                          {t(`audit.col.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((e) => (
                      <tr key={e.id}>
                        <td className="nowrap num-font">{e.at.replace('T', ' ').slice(0, 19)}</td>
                        <td className="nowrap">
                          {e.actorName}
                          {e.role ? `（${t(`role.${e.role}`)}）` : ''}
                        </td>
                        <td className="nowrap">{e.action}</td>
                        <td className="nowrap">{e.target}</td>
                        <td>
                          <span className={`outcome outcome--${e.outcome}`}>
                            {t(`audit.outcome.${e.outcome}`)}
                          </span>
                        </td>
                        <td className="truncate" title={e.detail}>
                          {e.detail}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label={t('common.page', { page, pages })}>
                <span>{t('common.total', { n: data.total })}</span>
                <button
                  type="button"
                  className="btn"
                  disabled={page <= 1}
                  onClick={() => update({ page: String(page - 1) })}
                >
                  {t('common.prev')}
                </button>
                <span>{t('common.page', { page, pages })}</span>
                <button
                  type="button"
                  className="btn"
                  disabled={page >= pages}
                  onClick={() => update({ page: String(page + 1) })}
                >
                  {t('common.next')}
                </button>
              </nav>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
