import { scrollRegion } from '../../../shared/ui/scroll-region';
import type { LegendEntry } from '../export/chart-export';
import type { ChartTable } from './chart-frame';

/** The on-screen legend, with the same swatches (patterns, line dashes) the chart and its exports use. */
export function ChartLegend({ items }: { items: LegendEntry[] }) {
  return (
    <ul className="review-legend">
      {items.map((i) => (
        <li key={i.label}>
          {i.dash === undefined ? (
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={i.fill} stroke="#1f2328" strokeWidth="0.5" />
            </svg>
          ) : (
            <svg width="24" height="14" aria-hidden="true">
              <line
                x1="0"
                y1="7"
                x2="24"
                y2="7"
                stroke={i.fill}
                strokeWidth="2"
                strokeDasharray={i.dash || undefined}
              />
              <circle cx="12" cy="7" r="3" fill="#fff" stroke={i.fill} strokeWidth="2" />
            </svg>
          )}
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's numbers as a table: the same rows the chart is drawn from. */
export function DataTable({ title, table }: { title: string; table: ChartTable }) {
  return (
    <div className="table-wrap review-chart__table" {...scrollRegion(title)}>
      <table className="table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {v}
                  </th>
                ) : (
                  <td key={j} className={table.columns[j]?.numeric ? 'num' : undefined}>
                    {v}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
