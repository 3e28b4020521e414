import { useCallback, useEffect, useRef } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  useActiveTooltipDataPoints,
  XAxis,
  YAxis,
} from 'recharts';
import type { UnitAssessment } from '../../../domain/contract';
import { useT } from '../../../i18n';
import { useLookups } from '../../../shared/hooks/use-lookups';
import { ChartFrame } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_TICK, type ChartProps, chartFile, shorten } from './common';
import { OKABE_ITO } from './palette';

/** Reports the bar the keyboard (recharts' arrow-key navigation) or pointer currently rests on. */
function ActiveBar({ onActive }: { onActive: (key: string | null) => void }) {
  const points = useActiveTooltipDataPoints<{ key: string }>();
  const key = points?.[0]?.key ?? null;
  useEffect(() => onActive(key), [key, onActive]);
  return null;
}

/** Unit ranking by score, best first; a bar (click, or arrow keys then Enter) opens the unit's breakdown. */
export function RankingChart({
  items,
  onOpen,
  quarter,
  animate,
  tools,
}: ChartProps & { items: UnitAssessment[]; onOpen?: (unitId: string) => void }) {
  const t = useT();
  const { unitById } = useLookups();
  const active = useRef<string | null>(null);
  const setActive = useCallback((key: string | null) => {
    active.current = key;
  }, []);
  // Short names fit the axis; the data table and the breakdown carry the full names.
  const data = items.map((i) => ({
    key: i.unitId,
    name: unitById.get(i.unitId)?.shortName ?? i.unitName,
    score: i.score,
    label: `${i.score} ${t(`rating.${i.rating}`)}`,
  }));
  const max = Math.max(110, ...data.map((d) => d.score));
  const table = {
    columns: [
      { label: t('review.col.unit') },
      { label: t('review.col.rank'), numeric: true },
      { label: t('review.col.score'), numeric: true },
      { label: t('review.col.rating') },
    ],
    rows: items.map((i) => [i.unitName, i.rank, i.score, t(`rating.${i.rating}`)]),
  };
  return (
    <ChartFrame
      quarter={quarter}
      id="ranking"
      title={t('review.chart.ranking')}
      description={t(onOpen ? 'review.chart.ranking.desc' : 'review.chart.ranking.descStatic')}
      fileBase={chartFile(t, quarter, 'ranking')}
      table={table}
      height={Math.max(160, data.length * 26 + 40)}
      tools={tools}
    >
      {() =>
        data.length ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: Enter reaches here from the focusable chart inside.
          <div
            className="review-chart__keys"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && active.current && onOpen) onOpen(active.current);
            }}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                title={t('review.chart.ranking')}
                data={data}
                layout="vertical"
                margin={{ top: 4, right: 72, bottom: 4, left: 8 }}
              >
                <CartesianGrid horizontal={false} stroke="#e4e7eb" />
                <XAxis type="number" domain={[0, max]} tick={AXIS_TICK} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={96}
                  tick={AXIS_TICK}
                  tickFormatter={(v: string) => shorten(v, 11)}
                  interval={0}
                />
                <Tooltip content={ChartTooltip} />
                <Bar
                  dataKey="score"
                  name={t('review.col.score')}
                  fill={OKABE_ITO.blue}
                  isAnimationActive={animate}
                  cursor={onOpen ? 'pointer' : undefined}
                  onClick={(d) => onOpen?.((d.payload as { key: string }).key)}
                >
                  <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: '#1f2328' }} />
                </Bar>
                <ActiveBar onActive={setActive} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="state">{t('review.ranking.empty')}</p>
        )
      }
    </ChartFrame>
  );
}
