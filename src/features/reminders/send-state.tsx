import type { OutboxState } from '../../domain/contract';
import { useT } from '../../i18n';

const ICON: Record<OutboxState, string> = { queued: '◷', sending: '↻', sent: '✓', failed: '!', dead: '✕' };

/** A message's state: icon, words and colour together (never colour alone). */
export function SendState({ state }: { state: OutboxState }) {
  const t = useT();
  return (
    <span className={`send-state send-state--${state}`}>
      <span aria-hidden="true">{ICON[state]}</span>
      {t(`reminders.state.${state}`)}
    </span>
  );
}
