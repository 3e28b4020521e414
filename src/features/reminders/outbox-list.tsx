import { Link } from 'react-router';
import type { OutboxMessage } from '../../domain/contract';
import { useT } from '../../i18n';
import { PHONE, useMediaQuery } from '../../shared/hooks/use-media-query';
import { scrollRegion } from '../../shared/ui/scroll-region';
import { SendState } from './send-state';

const time = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) : '—');
/** Month, day and time: enough beside the date the message was created. */
const short = (iso: string | null) => time(iso).slice(5);

interface Props {
  items: readonly OutboxMessage[];
  unitName: (id: string) => string;
  onResend: (m: OutboxMessage) => void;
  busyId: string | null;
}

function Tasks({ m }: { m: OutboxMessage }) {
  return (
    <ul className="outbox-tasks">
      {m.items.map((i) => (
        <li key={i.key}>
          <Link to={`/ledger/${i.taskId}`}>{i.code}</Link> {i.title}
        </li>
      ))}
    </ul>
  );
}

function Kind({ m }: { m: OutboxMessage }) {
  const t = useT();
  return (
    <>
      {t(`reminders.rule.${m.rule}`)}
      {m.kind === 'digest' ? `（${t('reminders.digestOf', { n: m.items.length })}）` : ''}
    </>
  );
}

function Resend({ m, onResend, busyId }: { m: OutboxMessage } & Pick<Props, 'onResend' | 'busyId'>) {
  const t = useT();
  if (m.state === 'sending') return null;
  return (
    <button
      type="button"
      className="btn"
      disabled={busyId === m.id}
      aria-label={t('reminders.resendOf', { name: m.recipientName })}
      onClick={() => onResend(m)}
    >
      {t('reminders.resend')}
    </button>
  );
}

/** Where it went: the address, or the unit whose group robot got it. */
const whereTo = (m: OutboxMessage, unitName: (id: string) => string) =>
  m.channel === 'email' ? m.target : unitName(m.target);

/** The outbox as a table, or as cards on a phone. */
export function OutboxList({ items, unitName, onResend, busyId }: Props) {
  const t = useT();
  const phone = useMediaQuery(PHONE);
  if (phone)
    return (
      <ol className="outbox-cards" aria-label={t('reminders.outbox.what')}>
        {items.map((m) => (
          <li key={m.id} className="outbox-card">
            <div className="outbox-card__head">
              <strong>
                <Kind m={m} /> · {t(`reminders.channel.${m.channel}`)}
              </strong>
              <SendState state={m.state} />
            </div>
            <p>
              {m.recipientName}（{whereTo(m, unitName)}）
            </p>
            <Tasks m={m} />
            <p className="muted">
              {time(m.createdAt)} · {t('reminders.col.attempts')} {m.attempts}
              {m.sentAt ? ` · ${t('reminders.sentAt', { at: time(m.sentAt) })}` : ''}
              {m.nextAttemptAt ? ` · ${t('reminders.col.next')} ${time(m.nextAttemptAt)}` : ''}
            </p>
            {m.lastError ? <p className="outcome outcome--error">{m.lastError}</p> : null}
            <div>
              <Resend m={m} onResend={onResend} busyId={busyId} />
            </div>
          </li>
        ))}
      </ol>
    );
  const cols = [
    'created',
    'rule',
    'channel',
    'recipient',
    'tasks',
    'state',
    'attempts',
    'error',
    'actions',
  ] as const;
  return (
    <div className="table-wrap" {...scrollRegion(t('reminders.outbox.what'))}>
      <table className="table">
        <caption className="visually-hidden">{t('reminders.outbox.what')}</caption>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col">
                {t(`reminders.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td className="nowrap num-font">{time(m.createdAt)}</td>
              <td className="nowrap">
                <Kind m={m} />
              </td>
              <td className="nowrap">{t(`reminders.channel.${m.channel}`)}</td>
              <td>
                {m.recipientName}
                <br />
                <span className="muted">{whereTo(m, unitName)}</span>
              </td>
              <td>
                <Tasks m={m} />
              </td>
              <td>
                <SendState state={m.state} />
                {m.sentAt ? <div className="muted num-font nowrap">{short(m.sentAt)}</div> : null}
                {m.nextAttemptAt ? (
                  <div className="muted num-font nowrap">
                    {t('reminders.col.next')} {short(m.nextAttemptAt)}
                  </div>
                ) : null}
              </td>
              <td className="num num-font">
                {m.attempts}
                {m.resent ? <div className="muted">{t('reminders.resentTimes', { n: m.resent })}</div> : null}
              </td>
              <td className="truncate outbox-error" title={m.lastError ?? ''}>
                {m.lastError ?? '—'}
              </td>
              <td className="nowrap">
                <Resend m={m} onResend={onResend} busyId={busyId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
