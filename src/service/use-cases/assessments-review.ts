import {
  aggregateIndexed,
  type GroupRow,
  NONE_KEY,
  type QuarterAggregate,
  trendOf,
} from '../../domain/aggregations';
import type { Kpis, LevelFilter, Review } from '../../domain/contract';
import { diffDays } from '../../domain/dates';
import { quarterRange } from '../../domain/quarter';
import type { Person, Unit } from '../../domain/schemas';
import type { Db } from '../db';
import { indexFor, levelMatches, maySee, reviewQuarters, scoresOf, stateOf } from './assessments';

/** Quarters shown in the trend: the selected one and up to seven before it. */
const TREND_LENGTH = 8;
/** The overdue and sent-back lists carry at most this many rows (and their full count). */
export const LIST_LIMIT = 50;

/** Plain code-unit order: ids and ISO dates sort correctly without the (slow) locale collator. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

/** Everything the review charts and the printed report need, aggregated on the server. */
/** The quarters the review's trend shows for `quarter`: it and up to seven before it. */
export function trendQuarters(data: Db, quarter: string, day: string): string[] {
  const all = reviewQuarters(data, day);
  return all.slice(0, all.indexOf(quarter) + 1).slice(-TREND_LENGTH);
}

/** What a store that aggregates in SQL hands over (ReadModels.review); else derived below in process. */
export interface ReviewParts {
  aggregates: QuarterAggregate[];
  overdue: Review['overdue'];
  sentBack: Review['sentBack'];
}

export function reviewOf(
  data: Db,
  quarter: string,
  level: LevelFilter,
  day: string,
  actor: Pick<Person, 'role'>,
  parts?: ReviewParts,
): Review {
  const units = new Map(data.units.map((u) => [u.id, u]));
  const upto = trendQuarters(data, quarter, day);
  const aggs = parts?.aggregates ?? aggregateIndexed(indexFor(data, level), upto, day);
  const scores = new Map(
    upto.map((q) => [
      q,
      // Unpublished quarters count no scores for those who may not see them.
      (maySee(data, actor, q) ? scoresOf(data, q, day) : [])
        .filter((s) => levelMatches(units.get(s.unitId), level))
        .map((s) => s.score),
    ]),
  );
  const kpisOf = (i: number): Kpis => {
    const a = aggs[i]!;
    const s = scores.get(a.quarter) ?? [];
    return { ...a.totals, averageScore: mean(s), scoredUnits: s.length };
  };
  const cur = aggs.at(-1)!;
  const directives = new Map(data.directives.map((d) => [d.id, d]));
  const meetings = new Map(data.meetings.map((m) => [m.id, m]));
  const label = (rows: GroupRow[], name: (key: string) => string | undefined) =>
    rows.map((r) => ({ ...r, label: r.key === NONE_KEY ? '' : (name(r.key) ?? r.key) }));
  const { start } = quarterRange(quarter);
  const asOf = cur.asOf;

  const lists = parts ?? listsOf(data, units, level, start, asOf);
  const bySeq = (a: { key: string }, b: { key: string }) =>
    (directives.get(a.key)?.seq ?? 1e9) - (directives.get(b.key)?.seq ?? 1e9);
  return {
    quarter,
    level,
    state: stateOf(data, quarter, day),
    publishedAt: data.assessments.find((a) => a.quarter === quarter && a.published)?.publishedAt ?? null,
    asOf,
    kpis: kpisOf(aggs.length - 1),
    previous: aggs.length > 1 ? { ...kpisOf(aggs.length - 2), quarter: aggs.at(-2)!.quarter } : null,
    byUnit: label(cur.byUnit, (k) => units.get(k)?.name).sort(
      (a, b) => b.completionRate - a.completionRate || b.total - a.total,
    ),
    byDirective: label(cur.byDirective, (k) => directives.get(k)?.heading)
      .map((r) => ({ ...r, speaker: directives.get(r.key)?.speaker ?? null }))
      .sort(bySeq),
    bySpeaker: label(cur.bySpeaker, (k) => k).sort((a, b) => b.total - a.total),
    byMeeting: label(cur.byMeeting, (k) => meetings.get(k)?.title).sort((a, b) => b.total - a.total),
    warnings: cur.warnings,
    trend: trendOf(aggs, scores),
    overdue: lists.overdue,
    sentBack: lists.sentBack,
  };
}

/** The overdue and sent-back lists of the quarter, from the snapshot. */
function listsOf(
  data: Db,
  units: Map<string, Unit>,
  level: LevelFilter,
  start: string,
  asOf: string,
): Pick<ReviewParts, 'overdue' | 'sentBack'> {
  const overdue = data.tasks
    .filter((t) => {
      const closed = t.closedAt?.slice(0, 10) ?? null;
      return (
        levelMatches(units.get(t.leadUnitId), level) &&
        t.startDate <= asOf &&
        (closed === null || closed > asOf) &&
        t.deadline < asOf &&
        t.status !== 'suspended'
      );
    })
    .map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      unitName: units.get(t.leadUnitId)?.name ?? t.leadUnitId,
      deadline: t.deadline,
      overdueDays: diffDays(t.deadline, asOf),
    }))
    .sort((a, b) => b.overdueDays - a.overdueDays || cmp(a.code, b.code));

  const tasks = new Map(data.tasks.map((t) => [t.id, t]));
  const sentBack = data.reports
    .filter((r) => {
      const at = r.reviewedAt?.slice(0, 10);
      const t = tasks.get(r.taskId);
      return (
        r.reviewState === 'returned' &&
        at &&
        at >= start &&
        at <= asOf &&
        t &&
        levelMatches(units.get(t.leadUnitId), level)
      );
    })
    .map((r) => {
      const t = tasks.get(r.taskId)!;
      return {
        reportId: r.id,
        taskId: t.id,
        code: t.code,
        title: t.title,
        unitName: units.get(t.leadUnitId)?.name ?? t.leadUnitId,
        period: r.period,
        comment: r.reviewComment,
        reviewedAt: r.reviewedAt!.slice(0, 10),
      };
    })
    .sort((a, b) => cmp(b.reviewedAt, a.reviewedAt) || cmp(a.code, b.code));

  return {
    overdue: { total: overdue.length, items: overdue.slice(0, LIST_LIMIT) },
    sentBack: { total: sentBack.length, items: sentBack.slice(0, LIST_LIMIT) },
  };
}
