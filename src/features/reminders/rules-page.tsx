import { useQuery } from '@tanstack/react-query';
import { peopleQueries, reminderQueries, unitQueries } from '../../api/queries';
import { useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { ChannelsSection } from './channels-section';
import { RulesForm } from './rules-form';
import './reminders.css';

/** 催办规则 (督查室): when reminders fire and whom they reach, and the delivery channels. */
export function RulesPage() {
  const t = useT();
  const rules = useQuery(reminderQueries.rules());
  const channels = useQuery(reminderQueries.channels());
  const units = useQuery(unitQueries.list());
  const people = useQuery(peopleQueries.list());
  return (
    <>
      <PageHeader title={t('reminders.rules.title')} />
      <p className="muted">{t('reminders.rules.intro')}</p>
      <section className="settings-section" aria-labelledby="rules-title">
        <h2 id="rules-title">{t('reminders.rules.title')}</h2>
        <QueryState query={rules} what={t('reminders.rules.title')}>
          {(r) => (
            <RulesForm
              key={JSON.stringify(r)}
              rules={r}
              units={units.data ?? []}
              people={people.data ?? []}
            />
          )}
        </QueryState>
      </section>
      <QueryState query={channels} what={t('reminders.channels.title')}>
        {(c) => <ChannelsSection channels={c} units={units.data ?? []} />}
      </QueryState>
    </>
  );
}
