import type { Review, UnitAssessment } from '../../../domain/contract';
import { useT } from '../../../i18n';
import { RankingChart } from './ranking-chart';
import { StateBars } from './state-bars';
import { TrendChart } from './trend-chart';
import { WarningsChart } from './warnings-chart';

/** Readers who ask for less motion (and environments without media queries) get still charts. */
function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia !== 'function' || window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

export interface ReviewChartsProps {
  quarter: string;
  review: Review;
  ranking: UnitAssessment[];
  onOpenUnit?: (unitId: string) => void;
  animate?: boolean;
  tools?: boolean;
}

/** Every review chart. Loaded lazily: recharts is large, and the page's first paint should not wait for it. */
export function ReviewCharts({
  quarter,
  review,
  ranking,
  onOpenUnit,
  animate = true,
  tools = true,
}: ReviewChartsProps) {
  const t = useT();
  const common = { quarter, animate: animate && !prefersReducedMotion(), tools };
  const none = t('review.none');
  return (
    <div className="review-charts">
      <div className="review-charts__wide">
        <RankingChart {...common} items={ranking} onOpen={onOpenUnit} />
      </div>
      <div className="review-charts__wide">
        <StateBars
          {...common}
          chart="directive"
          rows={review.byDirective}
          name={(r) => r.label || none}
          extraColumn={{
            label: t('review.col.speaker'),
            value: (r) => ('speaker' in r && typeof r.speaker === 'string' ? r.speaker : none),
          }}
        />
      </div>
      <WarningsChart {...common} warnings={review.warnings} />
      <TrendChart {...common} trend={review.trend} />
      <div className="review-charts__wide">
        <StateBars {...common} chart="speaker" rows={review.bySpeaker} name={(r) => r.label || none} />
      </div>
    </div>
  );
}

export default ReviewCharts;
