import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { UnitScore } from '../../domain/contract';
import { DEFAULT_SCHEME } from '../../domain/scoring';
import { useT } from '../../i18n';

/**
 * Score per quarter with the rating bands as labelled lines (so the picture needs no colour key).
 * Loaded lazily: recharts stays out of the page's first chunk.
 */
export function ScoreChart({ scores }: { scores: UnitScore[] }) {
  const t = useT();
  const bands = DEFAULT_SCHEME.bands;
  const min = Math.min(60, ...scores.map((s) => Math.floor(s.score / 10) * 10));
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart
        accessibilityLayer={false}
        data={scores}
        margin={{ top: 12, right: 56, bottom: 0, left: -16 }}
      >
        <CartesianGrid stroke="#e4e7eb" vertical={false} />
        <XAxis dataKey="quarter" tick={{ fontSize: 12, fill: '#57606a' }} />
        <YAxis domain={[min, DEFAULT_SCHEME.max]} tick={{ fontSize: 12, fill: '#57606a' }} />
        {(['excellent', 'good', 'fair'] as const).map((b) => (
          <ReferenceLine
            key={b}
            y={bands[b]}
            stroke="#8c959f"
            strokeDasharray="4 4"
            label={{ value: t(`rating.${b}`), position: 'right', fontSize: 11, fill: '#57606a' }}
          />
        ))}
        <Line
          dataKey="score"
          stroke="#0072B2"
          strokeWidth={2}
          isAnimationActive={false}
          dot={{ r: 3.5 }}
          label={{ position: 'top', fontSize: 11, fill: '#1f2328' }}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
