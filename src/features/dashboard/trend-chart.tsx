import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../domain/contract';
import { useT } from '../../i18n';
import { SERIES } from './trend-series';

/**
 * The quarter's trend as lines; the legend (with each line's dash pattern and latest value) is drawn
 * by the panel in plain HTML. The chart sits inside role=img with a data-table toggle, so recharts' own
 * keyboard layer (role=application, a live tooltip) is switched off: it would duplicate the table. Loaded lazily (recharts is the heaviest dependency) so the KPI
 * cards paint before this code arrives.
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const t = useT();
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart
        accessibilityLayer={false}
        data={points}
        margin={{ top: 8, right: 12, bottom: 0, left: -16 }}
      >
        <CartesianGrid stroke="#e4e7eb" vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => d.slice(5)}
          tick={{ fontSize: 12, fill: '#57606a' }}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#57606a' }} />
        <Tooltip formatter={(v, name) => [v, t(`dashboard.kpi.${String(name)}` as 'dashboard.kpi.closed')]} />
        {SERIES.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.key}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dash}
            dot={{ r: 2.5 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
