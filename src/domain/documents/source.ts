import type { AssessmentList, Review } from '../contract';
import type { BulletinSource } from './bulletin-model';

/**
 * The bulletin's numbers from the two review responses the UI already holds (GET /api/review and
 * GET /api/assessments for the same quarter and level); the server can pass its own values instead.
 */
export function bulletinSourceFromReview(
  review: Pick<Review, 'quarter' | 'level' | 'asOf' | 'kpis' | 'previous' | 'overdue'>,
  list: Pick<AssessmentList, 'items'>,
): BulletinSource {
  return {
    quarter: review.quarter,
    level: review.level,
    asOf: review.asOf,
    kpis: review.kpis,
    previous: review.previous,
    units: list.items,
    overdue: review.overdue,
  };
}
