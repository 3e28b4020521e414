import { Link } from 'react-router';
import type { UnitSummary } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';
import { RatingBadge } from '../../shared/ui/badges';
import { CountLink } from './count-link';

export const COUNT_COLS = [
  { key: 'overdue', warning: 'overdue', tone: 'red' },
  { key: 'atRisk', warning: 'due-soon,behind', tone: 'amber' },
  { key: 'noReport', warning: 'not-reported', tone: 'grey' },
  { key: 'onTrack', warning: 'normal', tone: undefined },
] as const;

/** “On track” in the ledger is the green light on work still open (closed tasks are green too). */
const OPEN = '&status=assigned,in-progress,pending-review,returned,extension-requested';

/** One unit: where its lead tasks stand (each count a ledger link) and its latest score. */
export function UnitRow({ s, depth, own }: { s: UnitSummary; depth: 0 | 1; own: boolean }) {
  const t = useT();
  const lang = useLang();
  const name = s.unit.name;
  const lead = (warning?: string) => `/ledger?leadUnit=${s.unit.id}${warning ? `&warning=${warning}` : ''}`;
  const classes = [
    depth ? 'units-row--child' : '',
    s.lead.total + s.co.total === 0 ? 'units-row--empty' : '',
    own ? 'units-row--own' : '',
  ];
  return (
    <tr className={classes.join(' ').trim() || undefined}>
      <th scope="row" className="units-name">
        {depth ? (
          <span aria-hidden="true" className="units-indent">
            └
          </span>
        ) : null}
        <Link to={`/units/${s.unit.id}`}>{name}</Link>
        {own ? <span className="units-own">{t('units.own')}</span> : null}
      </th>
      <td className="num">
        <CountLink n={s.lead.total} to={lead()} label={`${name} ${t('units.col.lead')}`} />
      </td>
      {COUNT_COLS.map((c) => (
        <td key={c.key} className="num">
          <CountLink
            n={s.lead[c.key]}
            to={lead(c.warning) + (c.key === 'onTrack' ? OPEN : '')}
            label={`${name} ${t(`units.col.${c.key}`)}`}
            tone={c.tone}
          />
        </td>
      ))}
      <td className="num">
        <CountLink
          n={s.lead.closed}
          to={`/ledger?leadUnit=${s.unit.id}&status=closed`}
          label={`${name} ${t('units.col.closed')}`}
        />
      </td>
      {/* Plain: the ledger's unit filter means lead or cooperating, which is not this count. */}
      <td className="num">{s.co.total}</td>
      <td className="num">
        {s.latestScore ? (
          <span title={quarterLabel(s.latestScore.quarter, lang)}>
            {s.latestScore.score}
            <span className="units-quarter">
              {s.latestScore.quarter}
              {s.latestScore.published ? null : ` · ${t('units.unpublished')}`}
            </span>
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="units-rating">{s.latestScore ? <RatingBadge rating={s.latestScore.rating} /> : null}</td>
    </tr>
  );
}
