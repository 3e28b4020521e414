import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { sessionQueries } from '../../api/queries';
import { nowIso } from '../../domain/clock';
import type { InboxKind } from '../../domain/contract';
import type { Role } from '../../domain/schemas';
import { useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { InboxGroup } from './inbox-group';
import { useLastVisits, useMyInbox } from './last-visit';

const GROUPS: Record<Role, InboxKind[]> = {
  staff: ['to-accept', 'sent-back', 'report-due', 'due-this-week'],
  supervisor: ['report-to-review', 'extension-request', 'gone-red'],
  leader: ['gone-red'],
};

/**
 * 我的待办. Opening it counts as a visit: the page keeps showing what turned red since the previous
 * visit, while the navigation badge moves on to this one.
 */
export function InboxPage() {
  const t = useT();
  const session = useQuery(sessionQueries.current());
  const personId = session.data?.person.id;
  const [visit, setVisit] = useState<{ personId: string; previous: string | null } | null>(null);
  if (personId && visit?.personId !== personId) {
    setVisit({ personId, previous: useLastVisits.getState().byPerson[personId] ?? null });
  }
  useEffect(() => {
    if (visit) useLastVisits.getState().mark(visit.personId, nowIso());
  }, [visit]);
  const inbox = useMyInbox(visit ? visit.previous : undefined);
  return (
    <>
      <PageHeader title={t('inbox.title')} />
      <QueryState query={inbox} what={t('inbox.what')}>
        {(data) => (
          <>
            <p className="muted">
              {t(`inbox.intro.${data.role}`)}
              {visit?.previous
                ? ` ${t('inbox.since', { at: visit.previous.replace('T', ' ').slice(0, 16) })}`
                : data.role !== 'staff'
                  ? ` ${t('inbox.sinceDefault')}`
                  : ''}
            </p>
            {data.items.length === 0 ? (
              <p className="panel inbox__done">
                <span aria-hidden="true">✓ </span>
                {t('inbox.allDone')}
              </p>
            ) : null}
            <div className="inbox">
              {GROUPS[data.role].map((kind) => (
                <InboxGroup key={kind} kind={kind} items={data.items.filter((i) => i.kind === kind)} />
              ))}
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
