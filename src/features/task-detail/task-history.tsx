import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { auditQueries } from '../../api/queries';
import type { AuditEntry, TaskStatus } from '../../domain/schemas';
import { TASK_ACTIONS } from '../../domain/workflow';
import { type MessageKey, useT } from '../../i18n';
import { QueryState } from '../../shared/ui/query-state';
import { scrollRegion } from '../../shared/ui/scroll-region';

const LIMIT = 100;
const KNOWN = new Set([
  'task.create',
  'task.update',
  'task.transition',
  'task.accept',
  'task.close',
  'report.create',
  'report.review',
  'report.accept',
  'report.return',
]);
const STATUSES = new Set([
  'assigned',
  'in-progress',
  'pending-review',
  'closed',
  'returned',
  'extension-requested',
  'suspended',
]);

/** "close: pending-review → closed; reason" reads as "办结：待审核 → 已办结；reason" in the user's language. */
function describeEntry(t: ReturnType<typeof useT>, e: AuditEntry): { action: string; detail: string } {
  const label = KNOWN.has(e.action) ? t(`task.history.action.${e.action}` as MessageKey) : e.action;
  const m = /^([a-z-]+): ([a-z-]+) → ([a-z-]+)(.*)$/.exec(e.detail);
  if (e.action === 'task.transition' && m && TASK_ACTIONS.includes(m[1] as never)) {
    const st = (s: string) => (STATUSES.has(s) ? t(`status.${s as TaskStatus}`) : s);
    return {
      action: t(`task.action.${m[1] as 'accept'}`),
      detail: `${st(m[2]!)} → ${st(m[3]!)}${m[4] ?? ''}`,
    };
  }
  return { action: label, detail: e.detail };
}

/** Who changed what and when, straight from the audit log (read-only). */
export function TaskHistory({ taskId }: { taskId: string }) {
  const t = useT();
  const [showRefused, setShowRefused] = useState(false);
  const target = `task:${taskId}`;
  const query = useQuery({
    ...auditQueries.list({ target, pageSize: LIMIT, outcome: showRefused ? undefined : 'ok' }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel task-history" aria-labelledby="task-history-h">
      <div className="task-history__head">
        <h2 id="task-history-h">{t('task.history.title')}</h2>
        <label className="task-dialog__check">
          <input type="checkbox" checked={showRefused} onChange={(e) => setShowRefused(e.target.checked)} />
          <span>{t('task.history.showRefused')}</span>
        </label>
        <Link to={`/audit?target=${encodeURIComponent(target)}`}>{t('task.history.openAudit')}</Link>
      </div>
      <QueryState query={query} what={t('task.history.what')}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('task.history.empty')}</p>
          ) : (
            <div className="table-wrap" {...scrollRegion(t('task.history.what'))}>
              <table className="table">
                <caption className="visually-hidden">{t('task.history.what')}</caption>
                <thead>
                  <tr>
                    {(['at', 'actor', 'action', 'detail', 'outcome'] as const).map((c) => (
                      <th key={c} scope="col">
                        {t(`task.history.col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((e) => {
                    const d = describeEntry(t, e);
                    return (
                      <tr key={e.id}>
                        <td className="nowrap">{e.at.replace('T', ' ').slice(0, 16)}</td>
                        <td className="nowrap">
                          {e.actorName}
                          {e.role ? `（${t(`role.${e.role}`)}）` : ''}
                        </td>
                        <td className="nowrap">{d.action}</td>
                        <td>{d.detail}</td>
                        <td>
                          <span className={`outcome outcome--${e.outcome}`}>
                            {t(`audit.outcome.${e.outcome}`)}
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {data.total > LIMIT ? <p className="muted">{t('task.history.more', { n: LIMIT })}</p> : null}
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
