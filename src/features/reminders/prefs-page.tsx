import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { reminderQueries } from '../../api/queries';
import { api } from '../../domain/contract';
import type { ReminderPrefs } from '../../domain/reminders/rules';
import { useT } from '../../i18n';
import { notify } from '../../shared/toast';
import { errorMessage, PageHeader, QueryState } from '../../shared/ui/query-state';
import './reminders.css';

function PrefsForm({ prefs }: { prefs: ReminderPrefs }) {
  const t = useT();
  const qc = useQueryClient();
  const [draft, setDraft] = useState(prefs);
  const save = useMutation({
    mutationFn: (body: ReminderPrefs) => call(api.updateMyReminderPrefs, { body }),
    onSuccess: (saved) => {
      qc.setQueryData(['reminders', 'prefs'], saved);
      notify.success(t('reminders.prefs.saved'));
    },
    onError: (e) => notify.error(errorMessage(t, e)),
  });
  const quiet = draft.quiet ?? { start: '22:00', end: '07:30' };
  return (
    <form
      className="settings-section"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...draft, email: draft.email?.trim() || null });
      }}
    >
      <div className="form-grid">
        <label>
          {t('reminders.prefs.email')}
          <input
            type="email"
            autoComplete="email"
            value={draft.email ?? ''}
            required={draft.channels.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
        </label>
        <label>
          {t('reminders.prefs.lang')}
          <select
            value={draft.lang}
            onChange={(e) => setDraft({ ...draft, lang: e.target.value as 'zh' | 'en' })}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t('reminders.prefs.channels')}</legend>
        <div className="check-row">
          {(['email', 'webhook'] as const).map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={draft.channels[c]}
                onChange={(e) =>
                  setDraft({ ...draft, channels: { ...draft.channels, [c]: e.target.checked } })
                }
              />
              {t(c === 'email' ? 'reminders.prefs.byEmail' : 'reminders.prefs.byWebhook')}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="check-row">
        <label>
          <input
            type="checkbox"
            checked={draft.digest}
            onChange={(e) => setDraft({ ...draft, digest: e.target.checked })}
          />
          {t('reminders.prefs.digest')}
        </label>
      </p>
      <fieldset>
        <legend>{t('reminders.prefs.quiet')}</legend>
        <div className="check-row">
          <label>
            <input
              type="checkbox"
              checked={!!draft.quiet}
              onChange={(e) => setDraft({ ...draft, quiet: e.target.checked ? quiet : null })}
            />
            {t('reminders.prefs.quietOn')}
          </label>
          <label>
            {t('reminders.prefs.quietStart')}
            <input
              type="time"
              value={quiet.start}
              disabled={!draft.quiet}
              onChange={(e) =>
                e.target.value && setDraft({ ...draft, quiet: { ...quiet, start: e.target.value } })
              }
            />
          </label>
          <label>
            {t('reminders.prefs.quietEnd')}
            <input
              type="time"
              value={quiet.end}
              disabled={!draft.quiet}
              onChange={(e) =>
                e.target.value && setDraft({ ...draft, quiet: { ...quiet, end: e.target.value } })
              }
            />
          </label>
        </div>
      </fieldset>
      <button type="submit" className="btn btn--primary" disabled={save.isPending}>
        {t('reminders.prefs.save')}
      </button>
    </form>
  );
}

/** 我的提醒设置: everyone's own channels, digest, quiet hours and language. */
export function PrefsPage() {
  const t = useT();
  const prefs = useQuery(reminderQueries.prefs());
  return (
    <>
      <PageHeader title={t('reminders.prefs.title')} />
      <p className="muted">{t('reminders.prefs.intro')}</p>
      <QueryState query={prefs} what={t('reminders.prefs.title')}>
        {(p) => <PrefsForm key={JSON.stringify(p)} prefs={p} />}
      </QueryState>
    </>
  );
}
