import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Review } from '../../../domain/contract';
import { quarterLabel } from '../../../domain/quarter';
import { useLang, useT } from '../../../i18n';
import { ChartFrame, type LegendItem } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_TICK, type ChartProps, chartFile } from './common';
import { OKABE_ITO } from './palette';

/** Each line differs in colour, dash and marker, so the trend still reads in greyscale. */
const LINES = [
  { key: 'averageScore', series: 'score', color: OKABE_ITO.black, dash: undefined, axis: 'score' },
  { key: 'completionRate', series: 'completionRate', color: OKABE_ITO.blue, dash: '6 3', axis: 'rate' },
  { key: 'onTimeRate', series: 'onTimeRate', color: OKABE_ITO.vermillion, dash: '2 3', axis: 'rate' },
] as const;

export function TrendChart({ trend, quarter, animate, tools }: ChartProps & { trend: Review['trend'] }) {
  const t = useT();
  const lang = useLang();
  const data = trend.map((p) => ({ ...p, name: quarterLabel(p.quarter, lang) }));
  const legend: LegendItem[] = LINES.map((l) => ({
    key: l.key,
    label: t(`review.series.${l.series}`),
    style: { color: l.color, pattern: 'solid' },
    dash: l.dash ?? '',
  }));
  const table = {
    columns: [
      { label: t('review.col.quarter') },
      { label: t('review.col.averageScore'), numeric: true },
      { label: t('review.col.completionRate'), numeric: true },
      { label: t('review.col.onTimeRate'), numeric: true },
      { label: t('review.col.overdue'), numeric: true },
    ],
    rows: data.map((p) => [
      p.name,
      p.averageScore ?? '—',
      `${p.completionRate}%`,
      `${p.onTimeRate}%`,
      p.overdue,
    ]),
  };
  return (
    <ChartFrame
      quarter={quarter}
      id="trend"
      title={t('review.chart.trend')}
      description={t('review.chart.trend.desc')}
      fileBase={chartFile(t, quarter, 'trend')}
      legend={legend}
      table={table}
      height={280}
      tools={tools}
    >
      {() => (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            title={t('review.chart.trend')}
            data={data}
            margin={{ top: 20, right: 24, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke="#e4e7eb" />
            <XAxis dataKey="name" tick={AXIS_TICK} interval={0} padding={{ left: 36, right: 36 }} />
            <YAxis yAxisId="score" domain={[0, 110]} tick={AXIS_TICK} width={40} />
            <YAxis
              yAxisId="rate"
              orientation="right"
              domain={[0, 100]}
              unit="%"
              tick={AXIS_TICK}
              width={48}
            />
            <Tooltip content={ChartTooltip} />
            {LINES.map((l, i) => (
              <Line
                key={l.key}
                yAxisId={l.axis}
                dataKey={l.key}
                name={t(`review.series.${l.series}`)}
                stroke={l.color}
                strokeWidth={2}
                strokeDasharray={l.dash}
                dot={{ r: 4, fill: i === 0 ? l.color : '#fff', stroke: l.color, strokeWidth: 2 }}
                connectNulls
                isAnimationActive={animate}
              >
                {i === 0 ? (
                  <LabelList
                    dataKey="averageScore"
                    position="top"
                    style={{ fontSize: 11, fill: '#1f2328' }}
                  />
                ) : null}
              </Line>
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
