import { OUTBOX_STATES } from '../../domain/contract';
import { CHANNELS, REMINDER_RULES } from '../../domain/reminders/rules';
import { useT } from '../../i18n';

export interface OutboxFilterValues {
  channel: string;
  state: string;
  rule: string;
}

/** Channel, state and kind; the page keeps them in the URL. */
export function OutboxFilters({
  value,
  counts,
  onChange,
}: {
  value: OutboxFilterValues;
  counts: Record<string, number> | undefined;
  onChange: (patch: Partial<OutboxFilterValues>) => void;
}) {
  const t = useT();
  return (
    <div className="filters">
      <label>
        {t('reminders.filter.state')}
        <select value={value.state} onChange={(e) => onChange({ state: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {OUTBOX_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`reminders.state.${s}`)}
              {counts ? `（${counts[s] ?? 0}）` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reminders.filter.channel')}
        <select value={value.channel} onChange={(e) => onChange({ channel: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`reminders.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reminders.filter.rule')}
        <select value={value.rule} onChange={(e) => onChange({ rule: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {[...REMINDER_RULES, 'digest' as const].map((r) => (
            <option key={r} value={r}>
              {t(`reminders.rule.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
