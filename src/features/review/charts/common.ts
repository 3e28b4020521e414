import type { T } from '../../../i18n';

export type ChartKey = 'ranking' | 'directive' | 'warnings' | 'trend' | 'speaker';

/** `季度考核_2024Q1_单位排名`: every exported file names its quarter. */
export function chartFile(t: T, quarter: string, key: ChartKey): string {
  return `${t('review.export.file')}_${quarter}_${t(`review.chart.${key}.file`)}`;
}

/** Long directive headings are cut on the axis; the data table carries them in full. */
export function shorten(s: string, max = 14): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export interface ChartProps {
  quarter: string;
  /** False in the printed report: print must not catch a bar half-way through its animation. */
  animate: boolean;
  tools: boolean;
}

export const AXIS_TICK = { fontSize: 12, fill: '#1f2328' } as const;
