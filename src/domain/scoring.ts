import { diffDays } from './dates';
import { quarterRange } from './quarter';
import { periodEnd, periodOf, previousPeriod } from './reporting';
import type { ProgressReport, Rating, ScoreItem, Task } from './schemas';

/**
 * The default 季度考核 scheme, in the spirit of the published schemes of local supervision offices:
 * each unit starts a quarter at `base` points; rules below deduct or add, each point traced to a task.
 * Every number is editable by the supervision office (settings), and changes are audited.
 *
 * | rule            | who                 | points (default) | when                                              |
 * | --------------- | ------------------- | ---------------- | ------------------------------------------------- |
 * | base            | every scored unit   | 100              | the unit led or cooperated on a task in scope     |
 * | overdue-lead    | lead unit           | −5 per task      | the task was overdue at some point in the quarter |
 * | overdue-co      | each cooperating    | −2.5 per task    | same                                              |
 * | missing-report  | lead unit           | −1 per month     | a monthly report owed in the quarter is missing   |
 * | returned-report | lead unit           | −1 per report    | the office sent a report back in the quarter      |
 * | early           | lead unit           | +2 per task      | closed ≥ 7 days before its deadline               |
 * | bonus-cap       | lead unit           | −excess          | bonuses above +6 in one quarter are cut back      |
 * | adjustment      | one unit            | ±5 at most       | supervisor's adjustment, always with a reason     |
 * | cap             | one unit            | to [0, 110]      | the final score is clamped                        |
 * Ratings: 好 ≥ 95, 较好 ≥ 85, 一般 ≥ 70, otherwise 差.
 * Suspended (暂缓) tasks neither lose points for lateness nor owe reports.
 */
export interface ScoringScheme {
  base: number;
  /** Per task overdue during the quarter: lead unit / cooperating unit. */
  overdueLead: number;
  overdueCo: number;
  /** Per monthly report the lead unit owed in the quarter and did not submit. */
  missingReport: number;
  /** Per report the supervisor sent back as inadequate in the quarter. */
  returnedReport: number;
  /** Per task closed at least `earlyDays` before its deadline (lead unit). */
  earlyBonus: number;
  earlyDays: number;
  /** Bonus points a unit may earn in one quarter. */
  bonusCap: number;
  /** Largest supervisor adjustment, either way; it always needs a reason. */
  adjustmentLimit: number;
  /** Score is clamped to [min, max]. */
  min: number;
  max: number;
  /** Lower bounds of the rating bands. */
  bands: { excellent: number; good: number; fair: number };
}

export const DEFAULT_SCHEME: ScoringScheme = {
  base: 100,
  overdueLead: -5,
  overdueCo: -2.5,
  missingReport: -1,
  returnedReport: -1,
  earlyBonus: 2,
  earlyDays: 7,
  bonusCap: 6,
  adjustmentLimit: 5,
  min: 0,
  max: 110,
  bands: { excellent: 95, good: 85, fair: 70 },
};

export const RULE_IDS = [
  'base',
  'overdue-lead',
  'overdue-co',
  'missing-report',
  'returned-report',
  'early',
  'bonus-cap',
  'adjustment',
  'cap',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Problems that make a scheme unusable, as `{ path, message }` like any field error. */
export function schemeProblems(s: ScoringScheme): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (!(s.min < s.max)) out.push({ path: 'max', message: 'max must be above min' });
  if (s.base < s.min || s.base > s.max)
    out.push({ path: 'base', message: 'base must lie between min and max' });
  if (!(s.bands.excellent > s.bands.good && s.bands.good > s.bands.fair)) {
    out.push({ path: 'bands', message: 'bands must fall: excellent > good > fair' });
  }
  if (s.overdueCo < s.overdueLead) {
    out.push({ path: 'overdueCo', message: 'a cooperating unit may not lose more than the lead unit' });
  }
  return out;
}

export type ScoringTask = Pick<
  Task,
  'id' | 'leadUnitId' | 'coUnitIds' | 'startDate' | 'deadline' | 'status' | 'closedAt'
>;
export type ScoringReport = Pick<
  ProgressReport,
  'taskId' | 'period' | 'submittedAt' | 'reviewState' | 'reviewedAt'
>;
export interface Adjustment {
  points: number;
  reason: string;
}

export interface UnitScore {
  unitId: string;
  score: number;
  rating: Rating;
  breakdown: ScoreItem[];
}

export function ratingFor(score: number, scheme: ScoringScheme = DEFAULT_SCHEME): Rating {
  if (score >= scheme.bands.excellent) return 'excellent';
  if (score >= scheme.bands.good) return 'good';
  if (score >= scheme.bands.fair) return 'fair';
  return 'poor';
}

const closedDay = (t: Pick<ScoringTask, 'closedAt'>): string | null =>
  t.closedAt ? t.closedAt.slice(0, 10) : null;

/** The task counts in the quarter: started by `asOf` and not already closed before the quarter began. */
export function inScope(
  t: Pick<ScoringTask, 'startDate' | 'closedAt'>,
  start: string,
  asOf: string,
): boolean {
  const closed = closedDay(t);
  return t.startDate <= asOf && (closed === null || closed >= start);
}

/** Was the task overdue at some point inside [start, asOf]? */
function overdueIn(t: ScoringTask, start: string, asOf: string): boolean {
  if (t.status === 'suspended' || t.deadline >= asOf) return false;
  const closed = closedDay(t);
  if (closed === null || closed > asOf) return true;
  return closed > t.deadline && closed >= start;
}

/** The quarter's monthly reporting periods whose report was due by `asOf`, oldest first, with their due days. */
export function duePeriods(start: string, asOf: string): { period: string; end: string }[] {
  const out: { period: string; end: string }[] = [];
  let p = periodOf(asOf);
  if (periodEnd(p) > asOf) p = previousPeriod(p);
  for (let guard = 0; guard < 4 && periodEnd(p) >= start; guard++) {
    out.push({ period: p, end: periodEnd(p) });
    p = previousPeriod(p);
  }
  return out.reverse();
}

/** The periods in which the task was open at the due day and so owed a report. */
function owedPeriods(t: ScoringTask, due: readonly { period: string; end: string }[]): string[] {
  if (t.status === 'suspended') return [];
  const closed = closedDay(t);
  return due.filter((d) => t.startDate <= d.end && (closed === null || closed > d.end)).map((d) => d.period);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A supervisor adjustment, kept inside ±limit whatever was stored. */
export function clampAdjustment(points: number, scheme: ScoringScheme): number {
  return Math.max(-scheme.adjustmentLimit, Math.min(scheme.adjustmentLimit, points));
}

/** Every rule-driven item per unit (before caps), in task order. */
function ruleItems(
  quarter: string,
  tasks: readonly ScoringTask[],
  reports: readonly ScoringReport[],
  asOf: string,
  scheme: ScoringScheme,
) {
  const { start } = quarterRange(quarter);
  const due = duePeriods(start, asOf);
  const items = new Map<string, ScoreItem[]>();
  const add = (unitId: string, item: ScoreItem) => items.get(unitId)!.push(item);
  const reportsByTask = new Map<string, ScoringReport[]>();
  for (const r of reports) {
    const list = reportsByTask.get(r.taskId);
    if (list) list.push(r);
    else reportsByTask.set(r.taskId, [r]);
  }
  for (const t of tasks) {
    if (!inScope(t, start, asOf)) continue;
    for (const u of [t.leadUnitId, ...t.coUnitIds]) if (!items.has(u)) items.set(u, []);
    const closed = closedDay(t);
    if (overdueIn(t, start, asOf)) {
      const days = diffDays(t.deadline, closed && closed <= asOf ? closed : asOf);
      add(t.leadUnitId, {
        ruleId: 'overdue-lead',
        taskId: t.id,
        points: scheme.overdueLead,
        note: itemNote('overdue-lead', { days }),
        days,
      });
      for (const u of t.coUnitIds) {
        add(u, {
          ruleId: 'overdue-co',
          taskId: t.id,
          points: scheme.overdueCo,
          note: itemNote('overdue-co', { days }),
          days,
        });
      }
    }
    const own = reportsByTask.get(t.id) ?? [];
    const periods = new Set(own.map((r) => r.period));
    for (const period of owedPeriods(t, due)) {
      if (!periods.has(period)) {
        add(t.leadUnitId, {
          ruleId: 'missing-report',
          taskId: t.id,
          points: scheme.missingReport,
          note: itemNote('missing-report', { period }),
          period,
        });
      }
    }
    for (const r of own) {
      const at = r.reviewedAt?.slice(0, 10);
      if (r.reviewState === 'returned' && at && at >= start && at <= asOf) {
        add(t.leadUnitId, {
          ruleId: 'returned-report',
          taskId: t.id,
          points: scheme.returnedReport,
          note: itemNote('returned-report', { period: r.period }),
          period: r.period,
        });
      }
    }
    if (closed && closed >= start && closed <= asOf && diffDays(closed, t.deadline) >= scheme.earlyDays) {
      const days = diffDays(closed, t.deadline);
      add(t.leadUnitId, {
        ruleId: 'early',
        taskId: t.id,
        points: scheme.earlyBonus,
        note: itemNote('early', { days }),
        days,
      });
    }
  }
  return items;
}

/** Base, rule items, bonus cap, adjustment and clamp: one unit's score from its items. */
export function scoreUnit(
  unitId: string,
  items: readonly ScoreItem[],
  scheme: ScoringScheme,
  adj?: Adjustment,
): UnitScore {
  const breakdown: ScoreItem[] = [
    { ruleId: 'base', taskId: null, points: scheme.base, note: '基础分' },
    ...items,
  ];
  const bonus = items.reduce((s, i) => s + Math.max(i.points, 0), 0);
  if (bonus > scheme.bonusCap) {
    // The bonuses stay listed in full, so a unit sees what it earned and what the cap took back.
    breakdown.push({
      ruleId: 'bonus-cap',
      taskId: null,
      points: round1(scheme.bonusCap - bonus),
      note: `加分超过上限 ${scheme.bonusCap} 分`,
    });
  }
  if (adj && adj.points !== 0) {
    breakdown.push({
      ruleId: 'adjustment',
      taskId: null,
      points: clampAdjustment(adj.points, scheme),
      note: adj.reason,
    });
  }
  const raw = round1(breakdown.reduce((s, i) => s + i.points, 0));
  const score = Math.max(scheme.min, Math.min(scheme.max, raw));
  if (score !== raw)
    breakdown.push({
      ruleId: 'cap',
      taskId: null,
      points: round1(score - raw),
      note: score > raw ? `保底 ${scheme.min} 分` : `封顶 ${scheme.max} 分`,
    });
  return { unitId, score: round1(score), rating: ratingFor(score, scheme), breakdown };
}

/**
 * Score every unit that led or cooperated on a task in the quarter. `today` limits a running quarter:
 * only what has happened by then counts. Pure; the same inputs always give the same breakdown.
 */
export function scoreQuarter(
  quarter: string,
  tasks: readonly ScoringTask[],
  reports: readonly ScoringReport[],
  today: string,
  scheme: ScoringScheme = DEFAULT_SCHEME,
  adjustments: ReadonlyMap<string, Adjustment> = new Map(),
): UnitScore[] {
  const items = ruleItems(quarter, tasks, reports, scoringAsOf(quarter, today), scheme);
  return scoresFromItems(items, scheme, adjustments);
}

/** The last day a quarter's scoring looks at: its end, or `today` while it runs. */
export function scoringAsOf(quarter: string, today: string): string {
  const { end } = quarterRange(quarter);
  return today < end ? today : end;
}

/**
 * Scores from each unit's rule items (in task order), best first. The in-process rules above and a
 * database that finds the items itself (server/store/sql/scoring.ts) both end here.
 */
export function scoresFromItems(
  items: Map<string, ScoreItem[]>,
  scheme: ScoringScheme,
  adjustments: ReadonlyMap<string, Adjustment>,
): UnitScore[] {
  // A unit with an adjustment but no task in scope is still scored, so the adjustment is never lost.
  for (const u of adjustments.keys()) if (!items.has(u)) items.set(u, []);
  const out = [...items].map(([unitId, list]) => scoreUnit(unitId, list, scheme, adjustments.get(unitId)));
  return out.sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId));
}

/** An item's note, as the rules word it (the database gives the rule, the days or the period). */
export function itemNote(ruleId: RuleId, detail: { days?: number; period?: string }): string {
  switch (ruleId) {
    case 'overdue-lead':
      return `逾期 ${detail.days} 天`;
    case 'overdue-co':
      return `逾期 ${detail.days} 天（配合）`;
    case 'missing-report':
      return `${detail.period} 未报送`;
    case 'returned-report':
      return `${detail.period} 报告被退回`;
    case 'early':
      return `提前 ${detail.days} 天办结`;
    default:
      return '';
  }
}

/** Competition ranking (1, 2, 2, 4): tied scores share a place. Input sorted by score, descending. */
export function ranks(scores: readonly { score: number }[]): number[] {
  const out: number[] = [];
  scores.forEach((s, i) => {
    out.push(i > 0 && scores[i - 1]!.score === s.score ? out[i - 1]! : i + 1);
  });
  return out;
}
