import type { ScoringScheme } from '../../domain/scoring';
import { type MessageKey, useT } from '../../i18n';
import { scrollRegion } from '../../shared/ui/scroll-region';

/** The scheme as flat form fields (the three rating bands included). */
export type Field = Exclude<keyof ScoringScheme, 'bands'> | 'excellent' | 'good' | 'fair';
export const FIELDS: Field[] = [
  'base',
  'overdueLead',
  'overdueCo',
  'missingReport',
  'returnedReport',
  'earlyBonus',
  'earlyDays',
  'bonusCap',
  'adjustmentLimit',
  'min',
  'max',
  'excellent',
  'good',
  'fair',
];
export const BANDS = new Set<Field>(['excellent', 'good', 'fair']);

export const flat = (s: ScoringScheme): Record<Field, string> =>
  Object.fromEntries(
    FIELDS.map((f) => [f, String(BANDS.has(f) ? s.bands[f as 'good'] : s[f as 'base'])]),
  ) as Record<Field, string>;

/** The scheme for readers who may not edit it. */
export function SchemeTable({ scheme }: { scheme: ScoringScheme }) {
  const t = useT();
  const values = flat(scheme);
  return (
    <div className="table-wrap" {...scrollRegion(t('review.scheme.title'))}>
      <table className="table">
        <caption className="visually-hidden">{t('review.scheme.title')}</caption>
        <tbody>
          {FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">{t(`review.scheme.${f}` as MessageKey)}</th>
              <td className="num">{values[f]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
