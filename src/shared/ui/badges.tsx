import type { Rating, TaskStatus } from '../../domain/schemas';
import type { Warning } from '../../domain/warnings';
import { useT } from '../../i18n';

const WARNING_ICON: Record<Warning['kind'], string> = {
  overdue: '●',
  'due-soon': '▲',
  behind: '◆',
  'not-reported': '○',
  normal: '✓',
};

/** A warning light: icon + text + colour, never colour alone. */
export function WarningBadge({
  warning,
  withReason = false,
}: {
  warning: Pick<Warning, 'kind' | 'overdueDays' | 'daysLeft' | 'progress' | 'elapsedPct'>;
  withReason?: boolean;
}) {
  const t = useT();
  const reason = warningReason(t, warning);
  return (
    <span className={`badge badge--${warning.kind}`} title={reason}>
      <span aria-hidden="true" className="badge__icon">
        {WARNING_ICON[warning.kind]}
      </span>
      {t(`warning.${warning.kind}`)}
      {withReason && warning.kind !== 'normal' ? <span className="badge__reason">（{reason}）</span> : null}
    </span>
  );
}

export function warningReason(
  t: ReturnType<typeof useT>,
  w: Pick<Warning, 'kind' | 'overdueDays' | 'daysLeft' | 'progress' | 'elapsedPct'>,
): string {
  switch (w.kind) {
    case 'overdue':
      return t('warning.reason.overdue', { days: w.overdueDays });
    case 'due-soon':
      return t('warning.reason.due-soon', { days: w.daysLeft });
    case 'behind':
      return t('warning.reason.behind', { progress: w.progress, elapsed: w.elapsedPct });
    case 'not-reported':
      return t('warning.reason.not-reported');
    default:
      return t('warning.reason.normal');
  }
}

export function StatusBadge({ status }: { status: TaskStatus }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t(`status.${status}`)}</span>;
}

export function RatingBadge({ rating }: { rating: Rating }) {
  const t = useT();
  return <span className={`rating rating--${rating}`}>{t(`rating.${rating}`)}</span>;
}

export function ProgressBar({ value, label }: { value: number; label?: string }) {
  return (
    <span className="progress">
      <span
        className="progress__track"
        role="progressbar"
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label ?? `${value}%`}
      >
        <span className="progress__fill" style={{ width: `${value}%` }} />
      </span>
      <span className="progress__text">{value}%</span>
    </span>
  );
}
