import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { api } from '../../domain/contract';
import { REMINDER_RULES, type ReminderRules } from '../../domain/reminders/rules';
import type { Person, Unit } from '../../domain/schemas';
import { useT } from '../../i18n';
import { notify } from '../../shared/toast';
import { errorMessage } from '../../shared/ui/query-state';

const parseDays = (text: string): number[] | null => {
  const days = text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
  const ok = days.length <= 5 && days.every((d) => Number.isInteger(d) && d >= 1 && d <= 90);
  return ok && new Set(days).size === days.length ? days : null;
};

/** The 催办 rules as a form; saving is one audited write. */
export function RulesForm({
  rules,
  units,
  people,
}: {
  rules: ReminderRules;
  units: Unit[];
  people: Person[];
}) {
  const t = useT();
  const qc = useQueryClient();
  const [draft, setDraft] = useState(rules);
  const [daysText, setDaysText] = useState(rules.dueSoonDays.join(', '));
  const days = parseDays(daysText);
  const save = useMutation({
    mutationFn: (body: ReminderRules) => call(api.updateReminderRules, { body }),
    onSuccess: (saved) => {
      qc.setQueryData(['reminders', 'rules'], saved);
      notify.success(t('reminders.rules.saved'));
    },
    onError: (e) => notify.error(errorMessage(t, e)),
  });
  const num = (
    key: 'overdueEveryDays' | 'reportDueDays' | 'returnedAfterDays' | 'escalateAfter' | 'maxAttempts',
    min: number,
    max: number,
  ) => (
    <label>
      {t(`reminders.rules.${key}`)}
      <input
        type="number"
        min={min}
        max={max}
        value={draft[key]}
        onChange={(e) =>
          setDraft({ ...draft, [key]: Math.min(max, Math.max(min, Number(e.target.value) || min)) })
        }
      />
    </label>
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (days) save.mutate({ ...draft, dueSoonDays: days });
      }}
    >
      <fieldset>
        <legend>{t('reminders.rules.enabled')}</legend>
        <div className="check-row">
          {REMINDER_RULES.map((r) => (
            <label key={r}>
              <input
                type="checkbox"
                checked={draft.enabled[r]}
                onChange={(e) => setDraft({ ...draft, enabled: { ...draft.enabled, [r]: e.target.checked } })}
              />
              {t(`reminders.rule.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <label>
          {t('reminders.rules.dueSoonDays')}
          <input
            value={daysText}
            aria-invalid={!days}
            aria-describedby={days ? undefined : 'due-days-error'}
            onChange={(e) => setDaysText(e.target.value)}
          />
          {days ? null : (
            <span id="due-days-error" className="field-error">
              {t('reminders.rules.badDays')}
            </span>
          )}
        </label>
        {num('overdueEveryDays', 1, 90)}
        {num('reportDueDays', 0, 27)}
        {num('returnedAfterDays', 1, 60)}
        {num('escalateAfter', 1, 50)}
        {num('maxAttempts', 1, 20)}
        <label>
          {t('reminders.rules.sendAt')}
          <input
            type="time"
            value={draft.sendAt}
            onChange={(e) => e.target.value && setDraft({ ...draft, sendAt: e.target.value })}
          />
        </label>
        <label>
          {t('reminders.rules.digestAt')}
          <input
            type="time"
            value={draft.digestAt}
            onChange={(e) => e.target.value && setDraft({ ...draft, digestAt: e.target.value })}
          />
        </label>
      </div>
      <p className="check-row">
        <label>
          <input
            type="checkbox"
            checked={draft.includeCoUnits}
            onChange={(e) => setDraft({ ...draft, includeCoUnits: e.target.checked })}
          />
          {t('reminders.rules.includeCoUnits')}
        </label>
      </p>
      <details>
        <summary>{t('reminders.rules.heads')}</summary>
        <div className="form-grid">
          {units
            .filter((u) => people.some((p) => p.unitId === u.id && p.role === 'staff'))
            .map((u) => (
              <label key={u.id}>
                {u.shortName}
                <select
                  value={draft.unitHeads[u.id] ?? ''}
                  onChange={(e) => {
                    const heads = { ...draft.unitHeads };
                    if (e.target.value) heads[u.id] = e.target.value;
                    else delete heads[u.id];
                    setDraft({ ...draft, unitHeads: heads });
                  }}
                >
                  <option value="">{t('reminders.rules.noHead')}</option>
                  {people
                    .filter((p) => p.unitId === u.id)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}（{p.title}）
                      </option>
                    ))}
                </select>
              </label>
            ))}
        </div>
      </details>
      <div className="dialog__actions">
        <button type="submit" className="btn btn--primary" disabled={!days || save.isPending}>
          {t('reminders.rules.save')}
        </button>
      </div>
    </form>
  );
}
