import { Link } from 'react-router';
import type { Dashboard } from '../../domain/contract';
import { KPI_KEYS, type KpiKey } from '../../domain/contract/plain';
import { formatNumber, useLang, useT } from '../../i18n';
import { KPI_LINK } from './ledger-links';

/** Icon per card: colour is never the only signal (design notes). */
const ICON: Record<KpiKey, string> = {
  scope: '▤',
  closed: '■',
  onTrack: '✓',
  atRisk: '▲',
  overdue: '●',
  noReport: '○',
};

/**
 * Whether a rise is good news. Decides the wording (好转/恶化), not just a colour, so the change
 * reads the same in greyscale print.
 */
const RISE_IS_GOOD: Record<KpiKey, boolean | null> = {
  scope: null,
  closed: true,
  // Fewer on-track tasks may mean more closed (good) or more warnings (bad): the change is left unjudged.
  onTrack: null,
  atRisk: false,
  overdue: false,
  noReport: false,
};

export function KpiCards({ kpis }: { kpis: Dashboard['kpis'] | undefined }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="dash-kpis" aria-label={t('dashboard.kpi.label')}>
      {KPI_KEYS.map((k) => {
        const kpi = kpis?.[k];
        const label = t(`dashboard.kpi.${k}`);
        if (!kpi) {
          return (
            <li
              key={k}
              className={`dash-kpi dash-kpi--${k} is-loading`}
              aria-busy="true"
              data-testid={`kpi-${k}-loading`}
            >
              <span className="dash-kpi__label">{label}</span>
              <span className="dash-kpi__value">—</span>
            </li>
          );
        }
        const good = RISE_IS_GOOD[k];
        const trend =
          kpi.delta === 0 || good === null ? 'neutral' : kpi.delta > 0 === good ? 'better' : 'worse';
        const delta =
          kpi.delta === 0
            ? t('dashboard.kpi.flat')
            : t('dashboard.kpi.delta', {
                sign: kpi.delta > 0 ? '+' : '−',
                n: formatNumber(lang, Math.abs(kpi.delta)),
              });
        const judge =
          trend !== 'neutral' ? t('dashboard.kpi.judge', { judge: t(`dashboard.kpi.${trend}`) }) : '';
        return (
          <li key={k} className={`dash-kpi dash-kpi--${k}`}>
            <Link
              to={KPI_LINK[k]}
              className="dash-kpi__link"
              // The name repeats the visible text first (WCAG 2.5.3), then says where the link goes.
              aria-label={t('dashboard.kpi.aria', {
                label,
                value: formatNumber(lang, kpi.value),
                delta,
                judge,
              })}
              data-testid={`kpi-${k}`}
            >
              <span className="dash-kpi__label">
                <span aria-hidden="true" className="dash-kpi__icon">
                  {ICON[k]}
                </span>
                {label}
              </span>{' '}
              {/* Spaces between the parts, so the visible text reads as the name does (WCAG 2.5.3). */}
              <span className="dash-kpi__value">{formatNumber(lang, kpi.value)}</span>{' '}
              <span className={`dash-kpi__delta dash-kpi__delta--${trend}`}>
                <span aria-hidden="true">{kpi.delta > 0 ? '↑' : kpi.delta < 0 ? '↓' : '→'}</span> {delta}
                {judge ? <span className="dash-kpi__judge">{judge}</span> : null}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
