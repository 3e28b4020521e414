import type { AssessmentList, Review } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import type { Lang, T } from '../../i18n';

/**
 * The report's opening paragraph, written from the data: "2024年第一季度，纳入考核任务 N 项，完成 M 项，
 * 完成率 X%，较上季度提高 Y 个百分点；……". Pure, so the printed words can be tested against the numbers.
 */
export function summaryText(t: T, lang: Lang, review: Review, list: AssessmentList): string {
  const k = review.kpis;
  const parts = [
    t('review.summary.lead', {
      quarter: quarterLabel(review.quarter, lang),
      total: k.total,
      done: k.done,
      rate: k.completionRate,
    }),
  ];
  if (review.previous) {
    const pp = Math.round((k.completionRate - review.previous.completionRate) * 10) / 10;
    parts.push(
      pp > 0
        ? t('review.summary.change.up', { pp })
        : pp < 0
          ? t('review.summary.change.down', { pp: -pp })
          : t('review.summary.change.same'),
    );
  }
  parts.push(t('review.summary.onTime', { rate: k.onTimeRate }));
  parts.push(k.overdue ? t('review.summary.overdue', { n: k.overdue }) : t('review.summary.noOverdue'));
  if (review.sentBack.total) parts.push(t('review.summary.sentBack', { n: review.sentBack.total }));
  if (list.items.length && k.averageScore !== null) {
    parts.push(t('review.summary.score', { units: list.items.length, avg: k.averageScore }));
    const top = list.items[0]!;
    parts.push(t('review.summary.top', { unit: top.unitName, score: top.score }));
    const count = (r: string) => list.items.filter((i) => i.rating === r).length;
    parts.push(
      t('review.summary.ratings', {
        excellent: count('excellent'),
        good: count('good'),
        fair: count('fair'),
        poor: count('poor'),
      }),
    );
  }
  parts.push(t('review.summary.end'));
  return parts.join('');
}
