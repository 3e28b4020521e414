import type { LevelFilter, QuarterInfo } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';

const LEVELS: LevelFilter[] = ['all', 'province', 'city'];

/** Quarter and unit level, both kept in the URL by the page. */
export function ReviewFilters({
  quarter,
  level,
  quarters,
  onChange,
}: {
  quarter: string;
  level: LevelFilter;
  quarters: QuarterInfo[];
  onChange: (patch: { quarter?: string; level?: LevelFilter }) => void;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="filters no-print">
      <label>
        {t('review.quarter')}
        <select
          value={quarter}
          onChange={(e) => onChange({ quarter: e.target.value })}
          data-testid="quarter-select"
        >
          {quarters.map((q) => (
            <option key={q.quarter} value={q.quarter}>
              {quarterLabel(q.quarter, lang)}
              {t('review.inParens', { word: t(`review.state.${q.state}`) })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('review.level')}
        <select value={level} onChange={(e) => onChange({ level: e.target.value as LevelFilter })}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`review.level.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** What state the numbers are in: frozen, computed live, or a running quarter. */
export function StateNote({
  state,
  publishedAt,
  asOf,
}: {
  state: QuarterInfo['state'];
  publishedAt: string | null;
  asOf: string;
}) {
  const t = useT();
  const icon = state === 'published' ? '✓' : state === 'computed' ? '○' : '◔';
  return (
    <p className={`review-state review-state--${state}`}>
      <span className="review-state__badge">
        <span aria-hidden="true">{icon} </span>
        {t(`review.state.${state}`)}
      </span>{' '}
      {state === 'published'
        ? t('review.stateNote.published', { date: publishedAt?.slice(0, 10) ?? '' })
        : state === 'running'
          ? t('review.stateNote.running', { date: asOf })
          : t('review.stateNote.computed')}
    </p>
  );
}
