import type { TooltipContentProps, TooltipValueType } from 'recharts';

/**
 * The hover/keyboard tooltip. Replaces recharts' default, whose always-present `role="status"` live
 * region would announce every bar the pointer crosses; the numbers are in the data table anyway.
 */
export function ChartTooltip({
  active,
  payload,
  label,
}: TooltipContentProps<TooltipValueType, string | number>) {
  if (!active || !payload?.length) return null;
  return (
    <div className="review-tooltip">
      <div className="review-tooltip__label">{label}</div>
      {payload
        .filter((p) => p.type !== 'none')
        .map((p) => (
          <div key={String(p.dataKey)}>
            {p.name}: {p.value}
          </div>
        ))}
    </div>
  );
}
