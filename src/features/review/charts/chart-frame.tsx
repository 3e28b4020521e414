import { type ReactNode, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { quarterLabel } from '../../../domain/quarter';
import { useLang, useT } from '../../../i18n';
import { download } from '../../../shared/download';
import { chartBlob, type LegendEntry } from '../export/chart-export';
import { ChartLegend, DataTable } from './chart-parts';
import { fillOf, PatternDefs, type SeriesStyle } from './palette';

export interface ChartTable {
  columns: { label: string; numeric?: boolean }[];
  rows: (string | number)[][];
}

export interface LegendItem {
  key: string;
  label: string;
  style: SeriesStyle;
  /** Set for a line series: its dash pattern ('' for a solid line); the swatch is then a line. */
  dash?: string;
}

interface Props {
  /** Stable slug, also the `data-chart` hook for the quarter materials export. */
  id: string;
  title: string;
  description: string;
  fileBase: string;
  /** The quarter the chart shows: exported images name it in their title. */
  quarter: string;
  legend?: LegendItem[];
  table: ChartTable;
  height: number;
  /** Renders the chart; `prefix` namespaces the pattern ids of this chart instance. */
  children: (prefix: string) => ReactNode;
  /** The printed report hides the tools (toggle, exports). */
  tools?: boolean;
}

/**
 * A chart as a figure: caption (its accessible name), the chart, a legend with the same swatches,
 * a data-table toggle showing the same numbers, and PNG/SVG exports named with the quarter.
 */
export function ChartFrame({
  id,
  title,
  description,
  fileBase,
  quarter,
  legend = [],
  table,
  height,
  children,
  tools = true,
}: Props) {
  const t = useT();
  const lang = useLang();
  const prefix = useId();
  const captionId = `${patternSafe(prefix)}-caption`;
  const [showTable, setShowTable] = useState(false);
  const ref = useRef<HTMLElement>(null);
  const legendData: LegendEntry[] = legend.map((l) => ({
    label: l.label,
    fill: fillOf(prefix, l.key, l.style),
    ...(l.dash === undefined ? {} : { dash: l.dash }),
  }));
  const exportAs = async (format: 'png' | 'svg') => {
    try {
      const { blob, name } = await chartBlob(ref.current!, format);
      download(blob, name);
    } catch (e) {
      toast.error(t('review.exportFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <figure
      ref={ref}
      className="review-chart"
      aria-labelledby={captionId}
      data-chart={id}
      data-title={`${title} · ${quarterLabel(quarter, lang)}`}
      data-subtitle={description}
      data-file={fileBase}
      data-legend={JSON.stringify(legendData)}
    >
      <figcaption id={captionId} className="review-chart__caption">
        <span className="review-chart__title">{title}</span>
        <span className="review-chart__desc">{description}</span>
      </figcaption>
      {tools ? (
        <div className="review-chart__tools no-print">
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={showTable}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t('review.chart.hideTable') : t('common.showTable')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('review.chart.exportLabel', { title, format: 'PNG' })}
            onClick={() => exportAs('png')}
          >
            {t('review.chart.png')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('review.chart.exportLabel', { title, format: 'SVG' })}
            onClick={() => exportAs('svg')}
          >
            {t('review.chart.svg')}
          </button>
        </div>
      ) : null}
      {/* The table opens under the chart rather than replacing it, so exports can always draw the chart. */}
      <div className="review-chart__plot" style={{ height }}>
        <svg width="0" height="0" className="review-chart__defs" aria-hidden="true">
          <PatternDefs prefix={prefix} styles={Object.fromEntries(legend.map((l) => [l.key, l.style]))} />
        </svg>
        {children(prefix)}
      </div>
      {legend.length ? <ChartLegend items={legendData} /> : null}
      {showTable ? <DataTable title={title} table={table} /> : null}
    </figure>
  );
}

const patternSafe = (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, '');
