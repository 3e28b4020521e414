import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { api, type ChannelSettings, type WebhookBody } from '../../domain/contract';
import { WEBHOOK_KINDS, type WebhookKind } from '../../domain/reminders/rules';
import type { Unit } from '../../domain/schemas';
import { useT } from '../../i18n';
import { notify } from '../../shared/toast';
import { errorMessage } from '../../shared/ui/query-state';

/** E-mail availability and the units' group robots. The address and secret are write-only. */
export function ChannelsSection({ channels, units }: { channels: ChannelSettings; units: Unit[] }) {
  const t = useT();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [kind, setKind] = useState<WebhookKind>('wecom');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const unitName = (id: string) => units.find((u) => u.id === id)?.shortName ?? id;
  const save = useMutation({
    mutationFn: ({ unit, body }: { unit: string; body: WebhookBody }) =>
      call(api.updateReminderChannel, { params: { unitId: unit }, body }),
    onSuccess: (next) => {
      qc.setQueryData(['reminders', 'channels'], next);
      setUrl('');
      setSecret('');
      notify.success(t('reminders.channels.saved'));
    },
    onError: (e) => notify.error(errorMessage(t, e)),
  });
  const e = channels.email;
  return (
    <section className="settings-section" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('reminders.channels.title')}</h2>
      <p>
        <strong>{t('reminders.channels.email')}</strong>：
        {e.simulated
          ? t('reminders.channels.emailDemo')
          : e.available
            ? t('reminders.channels.emailOn', { from: e.from ?? '' })
            : t('reminders.channels.emailOff')}
      </p>
      <h3>{t('reminders.channels.webhooks')}</h3>
      {channels.webhooks.length === 0 ? <p className="muted">{t('reminders.channels.none')}</p> : null}
      <ul className="hook-list">
        {channels.webhooks.map((h) => (
          <li key={h.unitId}>
            <span>
              {unitName(h.unitId)} · {t(`reminders.channels.kind.${h.kind}`)} ·{' '}
              {t('reminders.channels.configured', { host: h.host })}
              {h.hasSecret ? ` · ${t('reminders.channels.hasSecret')}` : ''}
            </span>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => save.mutate({ unit: h.unitId, body: { remove: true } })}
            >
              {t('reminders.channels.remove', { unit: unitName(h.unitId) })}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">{t('reminders.channels.hint')}</p>
      <form
        className="form-grid"
        onSubmit={(ev) => {
          ev.preventDefault();
          save.mutate({
            unit: unitId,
            body: { kind, ...(url.trim() ? { url: url.trim() } : {}), ...(secret ? { secret } : {}) },
          });
        }}
      >
        <label>
          {t('reminders.channels.unit')}
          <select value={unitId} onChange={(ev) => setUnitId(ev.target.value)}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.shortName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reminders.channels.kind')}
          <select value={kind} onChange={(ev) => setKind(ev.target.value as WebhookKind)}>
            {WEBHOOK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reminders.channels.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reminders.channels.url')}
          <input type="url" autoComplete="off" value={url} onChange={(ev) => setUrl(ev.target.value)} />
        </label>
        <label>
          {t('reminders.channels.secret')}
          <input
            type="password"
            autoComplete="new-password"
            value={secret}
            onChange={(ev) => setSecret(ev.target.value)}
          />
        </label>
        <div>
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {t('reminders.channels.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
