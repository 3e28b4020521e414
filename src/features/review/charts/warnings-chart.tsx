import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { WARNING_KINDS } from '../../../domain/warnings';
import { useT } from '../../../i18n';
import { ChartFrame, type LegendItem } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { AXIS_TICK, type ChartProps, chartFile } from './common';
import { fillOf, WARNING_STYLE } from './palette';

/** Warning lights of the open tasks at the quarter end: one bar per light, named on the axis and counted on the bar. */
export function WarningsChart({
  warnings,
  quarter,
  animate,
  tools,
}: ChartProps & { warnings: Record<string, number> }) {
  const t = useT();
  const data = WARNING_KINDS.map((k) => ({ key: k, name: t(`warning.${k}`), count: warnings[k] ?? 0 }));
  const total = data.reduce((s, d) => s + d.count, 0);
  const legend: LegendItem[] = WARNING_KINDS.map((k) => ({
    key: k,
    label: t(`warning.${k}`),
    style: WARNING_STYLE[k],
  }));
  const table = {
    columns: [{ label: t('review.col.warning') }, { label: t('review.col.count'), numeric: true }],
    rows: data.map((d) => [d.name, d.count]),
  };
  return (
    <ChartFrame
      quarter={quarter}
      id="warnings"
      title={t('review.chart.warnings')}
      description={t('review.chart.warnings.desc')}
      fileBase={chartFile(t, quarter, 'warnings')}
      legend={legend}
      table={table}
      height={260}
      tools={tools}
    >
      {(prefix) =>
        total ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              title={t('review.chart.warnings')}
              data={data}
              margin={{ top: 20, right: 16, bottom: 4, left: 0 }}
            >
              <CartesianGrid vertical={false} stroke="#e4e7eb" />
              <XAxis dataKey="name" tick={AXIS_TICK} interval={0} />
              <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
              <Tooltip content={ChartTooltip} />
              <Bar
                dataKey="count"
                name={t('review.col.count')}
                stroke="#1f2328"
                strokeWidth={0.5}
                isAnimationActive={animate}
              >
                {data.map((d) => (
                  <Cell key={d.key} fill={fillOf(prefix, d.key, WARNING_STYLE[d.key])} />
                ))}
                <LabelList dataKey="count" position="top" style={{ fontSize: 12, fill: '#1f2328' }} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="state">{t('review.chart.empty')}</p>
        )
      }
    </ChartFrame>
  );
}
