import type { TrendPoint } from '../../domain/contract';

export type SeriesKey = Exclude<keyof TrendPoint, 'date'>;

/**
 * Okabe–Ito colours (colour-blind safe) plus a dash pattern and a marker each, so the lines stay
 * apart in greyscale print.
 */
export const SERIES: { key: SeriesKey; color: string; dash?: string }[] = [
  { key: 'closed', color: '#009E73' },
  { key: 'onTrack', color: '#0072B2', dash: '6 3' },
  { key: 'atRisk', color: '#B07800', dash: '2 3' },
  { key: 'overdue', color: '#D55E00', dash: '10 3 2 3' },
  { key: 'noReport', color: '#000000', dash: '1 4' },
];
