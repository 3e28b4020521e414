import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { reminderQueries, unitQueries } from '../../api/queries';
import { api, type OutboxMessage, type OutboxQuery } from '../../domain/contract';
import { useT } from '../../i18n';
import { notify } from '../../shared/toast';
import { errorMessage, PageHeader, QueryState } from '../../shared/ui/query-state';
import { OutboxFilters } from './outbox-filters';
import { OutboxList } from './outbox-list';
import './reminders.css';

const PAGE_SIZE = 50;

/** 发送记录: every reminder message, newest first, with its state and attempts; filters live in the URL. */
export function OutboxPage() {
  const t = useT();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const filters = {
    channel: params.get('channel') ?? '',
    state: params.get('state') ?? '',
    rule: params.get('rule') ?? '',
  };
  const q = {
    page,
    pageSize: PAGE_SIZE,
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
  } as OutboxQuery;
  const query = useQuery({ ...reminderQueries.outbox(q), placeholderData: keepPreviousData });
  const units = useQuery(unitQueries.list());
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.shortName ?? id;
  const resend = useMutation({
    mutationFn: (m: OutboxMessage) => call(api.resendReminder, { params: { id: m.id } }),
    onSuccess: () => {
      notify.success(t('reminders.resent'));
      void qc.invalidateQueries({ queryKey: ['reminders', 'outbox'] });
    },
    onError: (e) => notify.error(errorMessage(t, e)),
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
      <PageHeader title={t('reminders.outbox.title')} />
      <p className="muted">{t('reminders.outbox.intro')}</p>
      {__LUOSHI_DEMO__ ? <p className="muted">{t('reminders.outbox.simulated')}</p> : null}
      <OutboxFilters
        value={filters}
        counts={query.data?.counts}
        onChange={(p) => update({ ...p, page: '' })}
      />
      <QueryState query={query} what={t('reminders.outbox.what')}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
          return (
            <>
              {data.items.length === 0 ? (
                <p>{t('reminders.outbox.empty')}</p>
              ) : (
                <OutboxList
                  items={data.items}
                  unitName={unitName}
                  onResend={(m) => resend.mutate(m)}
                  busyId={resend.isPending ? (resend.variables?.id ?? null) : null}
                />
              )}
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
