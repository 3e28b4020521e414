import type { BreakdownItem } from '../../domain/contract';
import type { Lang, T } from '../../i18n';

/** A breakdown line's detail in the reader's language; stored notes are Chinese, the numbers travel with them. */
export function noteText(t: T, lang: Lang, item: BreakdownItem): string {
  if (item.ruleId === 'adjustment') return item.note;
  if (lang === 'zh') return item.ruleId === 'base' ? '' : item.note;
  switch (item.ruleId) {
    case 'overdue-lead':
    case 'overdue-co':
      return item.days === undefined ? '' : t('review.note.overdue', { days: item.days });
    case 'early':
      return item.days === undefined ? '' : t('review.note.early', { days: item.days });
    case 'missing-report':
      return item.period ? t('review.note.missing', { period: item.period }) : '';
    case 'returned-report':
      return item.period ? t('review.note.returned', { period: item.period }) : '';
    default:
      return '';
  }
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
