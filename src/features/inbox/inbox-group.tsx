import { Link } from 'react-router';
import { today } from '../../domain/clock';
import type { InboxItem, InboxKind } from '../../domain/contract';
import { useT } from '../../i18n';
import { StatusBadge, WarningBadge } from '../../shared/ui/badges';
import { scrollRegion } from '../../shared/ui/scroll-region';
import './inbox.css';

function dueText(t: ReturnType<typeof useT>, item: InboxItem): string {
  const date = item.due ?? item.deadline;
  if (item.kind === 'report-due')
    return t(date < today() ? 'inbox.due.reportLate' : 'inbox.due.report', { date });
  if (item.kind === 'report-to-review' && item.at)
    return t('inbox.due.submitted', { date: item.at.slice(0, 10) });
  if (item.kind === 'extension-request') return t('inbox.due.extension', { date });
  return date;
}

/** One kind of inbox item: a heading with its count, a hint on what to do, and the tasks. */
export function InboxGroup({ kind, items }: { kind: InboxKind; items: InboxItem[] }) {
  const t = useT();
  const id = `inbox-${kind}`;
  return (
    <section
      className={`panel inbox__group${items.length ? '' : ' inbox__group--empty'}`}
      aria-labelledby={id}
      data-testid={id}
    >
      <h2 id={id}>
        {t(`inbox.kind.${kind}`)} <span className="inbox__count">{items.length}</span>
      </h2>
      <p className="muted inbox__hint">{t(`inbox.hint.${kind}`)}</p>
      {items.length === 0 ? (
        <p className="muted">{t('inbox.groupEmpty')}</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(t(`inbox.kind.${kind}`))}>
          <table className="table">
            <caption className="visually-hidden">{t(`inbox.kind.${kind}`)}</caption>
            <thead>
              <tr>
                {(['code', 'task', 'status', 'warning', 'due', 'note'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`inbox.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.taskId}-${item.reportId ?? ''}`}>
                  <td className="nowrap">{item.code}</td>
                  <td>
                    <Link to={`/ledger/${item.taskId}`}>{item.title}</Link>
                  </td>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td>
                    <WarningBadge warning={item.warning} withReason />
                  </td>
                  <td className="nowrap">{dueText(t, item)}</td>
                  <td className="truncate" title={item.note ?? undefined}>
                    {item.note ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
