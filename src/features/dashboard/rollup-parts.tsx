import { Link } from 'react-router';
import type { TaskCounts } from '../../domain/rollup';
import { useT } from '../../i18n';
import { ProgressBar } from '../../shared/ui/badges';
import { ledgerLink } from './ledger-links';

/** A directive's or speaker's bar; “no tasks” instead of a misleading 0%. */
export function ProgressCell({ value, label }: { value: number | null; label: string }) {
  const t = useT();
  if (value === null) return <span className="muted dash-rollup__bar">{t('dashboard.rollup.noTasks')}</span>;
  return (
    <span className="dash-rollup__bar">
      <ProgressBar value={value} label={`${label} ${value}%`} />
    </span>
  );
}

const CHIPS = [
  { key: 'overdue', kind: 'overdue', icon: '●', warning: 'overdue' },
  { key: 'atRisk', kind: 'due-soon', icon: '▲', warning: 'due-soon,behind' },
  { key: 'noReport', kind: 'not-reported', icon: '○', warning: 'not-reported' },
] as const;

/** Only the counts that need attention, each a link to exactly those tasks in the ledger. */
export function CountChips({ counts, filters }: { counts: TaskCounts; filters: Record<string, string> }) {
  const t = useT();
  const shown = CHIPS.filter((c) => counts[c.key] > 0);
  return (
    <span className="dash-chips">
      {counts.total > 0 && counts.closed === counts.total ? (
        <span className="badge badge--normal">
          <span aria-hidden="true" className="badge__icon">
            ✓
          </span>
          {t('dashboard.rollup.allClosed')}
        </span>
      ) : null}
      {shown.map((c) => (
        <Link
          key={c.key}
          to={ledgerLink({ ...filters, warning: c.warning })}
          className={`badge badge--${c.kind} dash-chip`}
        >
          <span aria-hidden="true" className="badge__icon">
            {c.icon}
          </span>
          {t(`dashboard.chip.${c.key}`, { n: counts[c.key] })}
        </Link>
      ))}
    </span>
  );
}
