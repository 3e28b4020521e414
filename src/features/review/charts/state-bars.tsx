import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReviewGroupRow } from '../../../domain/contract';
import { useT } from '../../../i18n';
import { PHONE, useMediaQuery } from '../../../shared/hooks/use-media-query';
import { ChartFrame, type ChartTable, type LegendItem } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_TICK, type ChartKey, type ChartProps, chartFile, shorten } from './common';
import { fillOf, STATE_STYLE } from './palette';

const STATES = ['done', 'inProgress', 'overdue'] as const;
type Row = { name: string; rate: string; total: number } & Record<(typeof STATES)[number], number>;

/**
 * Stacked bars of tasks by their state at the quarter end (completed / in progress / overdue), one
 * bar per group (directive or speaker), with the completion rate as a direct label.
 */
export function StateBars({
  chart,
  rows,
  name,
  extraColumn,
  quarter,
  animate,
  tools,
}: ChartProps & {
  chart: Extract<ChartKey, 'directive' | 'speaker'>;
  rows: ReviewGroupRow[];
  name: (r: ReviewGroupRow) => string;
  extraColumn?: { label: string; value: (r: ReviewGroupRow) => string };
}) {
  const t = useT();
  // On a phone the headings get a narrower axis, so the bars keep room to be read.
  const phone = useMediaQuery(PHONE);
  const legend: LegendItem[] = STATES.map((s) => ({
    key: s,
    label: t(`review.series.${s}`),
    style: STATE_STYLE[s],
  }));
  const data: Row[] = rows.map((r) => ({
    name: name(r),
    done: r.done,
    inProgress: r.inProgress,
    overdue: r.overdue,
    rate: `${r.completionRate}%`,
    total: r.total,
  }));
  const table: ChartTable = {
    columns: [
      { label: t(chart === 'directive' ? 'review.col.directive' : 'review.col.speaker') },
      ...(extraColumn ? [{ label: extraColumn.label }] : []),
      { label: t('review.col.total'), numeric: true },
      ...STATES.map((s) => ({ label: t(`review.col.${s}`), numeric: true })),
      { label: t('review.col.completionRate'), numeric: true },
    ],
    rows: rows.map((r) => [
      name(r),
      ...(extraColumn ? [extraColumn.value(r)] : []),
      r.total,
      r.done,
      r.inProgress,
      r.overdue,
      `${r.completionRate}%`,
    ]),
  };
  return (
    <ChartFrame
      quarter={quarter}
      id={chart}
      title={t(`review.chart.${chart}`)}
      description={t(`review.chart.${chart}.desc`)}
      fileBase={chartFile(t, quarter, chart)}
      legend={legend}
      table={table}
      height={Math.max(140, data.length * 28 + 40)}
      tools={tools}
    >
      {(prefix) =>
        data.length ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              title={t(`review.chart.${chart}`)}
              data={data}
              layout="vertical"
              margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
            >
              <CartesianGrid horizontal={false} stroke="#e4e7eb" />
              <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
              <YAxis
                type="category"
                dataKey="name"
                width={phone ? 112 : 170}
                tick={AXIS_TICK}
                tickFormatter={(v: string) => shorten(v, phone ? 8 : 14)}
                interval={0}
              />
              {/* Completion rates as direct labels at each row's end: a right-hand category axis, carried by an invisible bar. */}
              <YAxis
                yAxisId="rate"
                orientation="right"
                type="category"
                dataKey="rate"
                width={52}
                tick={AXIS_TICK}
                axisLine={false}
                tickLine={false}
                interval={0}
              />
              <Tooltip content={ChartTooltip} />
              {STATES.map((s) => (
                <Bar
                  key={s}
                  dataKey={s}
                  name={t(`review.series.${s}`)}
                  stackId="state"
                  fill={fillOf(prefix, s, STATE_STYLE[s])}
                  stroke="#1f2328"
                  strokeWidth={0.5}
                  isAnimationActive={animate}
                />
              ))}
              <Bar
                yAxisId="rate"
                dataKey="total"
                fill="transparent"
                barSize={1}
                legendType="none"
                tooltipType="none"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="state">{t('review.chart.empty')}</p>
        )
      }
    </ChartFrame>
  );
}
