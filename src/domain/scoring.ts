import { diffDays } from './dates';
import { quarterRange } from './quarter';
import { periodEnd, periodOf, previousPeriod } from './reporting';
import type { ProgressReport, Rating, ScoreItem, Task } from './schemas';

/**
 * The default 季度考核 scheme, in the spirit of the published schemes of local supervision offices:
 * each unit starts a quarter at `base` points; rules below deduct or add, each point traced to a task.
 * Every number is editable by the supervision office (settings), and changes are audited.
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

export type RuleId = 'base' | 'overdue-lead' | 'overdue-co' | 'missing-report' | 'returned-report' | 'early' | 'adjustment' | 'cap';

export type ScoringTask = Pick<Task, 'id' | 'leadUnitId' | 'coUnitIds' | 'startDate' | 'deadline' | 'status' | 'closedAt'>;
export type ScoringReport = Pick<ProgressReport, 'taskId' | 'period' | 'submittedAt' | 'reviewState' | 'reviewedAt'>;

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

const closedDay = (t: ScoringTask): string | null => (t.closedAt ? t.closedAt.slice(0, 10) : null);

/** Was the task overdue at some point inside [start, asOf]? */
function overdueIn(t: ScoringTask, start: string, asOf: string): boolean {
  if (t.deadline >= asOf) return false;
  const closed = closedDay(t);
  if (closed === null || closed > asOf) return true;
  return closed > t.deadline && closed >= start;
}

/** Monthly periods of the quarter, up to `asOf`, in which the task was open and owed a report. */
function owedPeriods(t: ScoringTask, start: string, asOf: string): string[] {
  const out: string[] = [];
  let p = periodOf(asOf);
  if (periodEnd(p) > asOf) p = previousPeriod(p);
  const closed = closedDay(t);
  for (let guard = 0; guard < 4 && periodEnd(p) >= start; guard++) {
    const end = periodEnd(p);
    if (t.startDate <= end && (closed === null || closed > end) && t.status !== 'suspended') out.push(p);
    p = previousPeriod(p);
  }
  return out;
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
  adjustments: ReadonlyMap<string, { points: number; reason: string }> = new Map(),
): UnitScore[] {
  const { start, end } = quarterRange(quarter);
  const asOf = today < end ? today : end;
  const items = new Map<string, ScoreItem[]>();
  const add = (unitId: string, item: ScoreItem) => {
    const list = items.get(unitId);
    if (list) list.push(item);
    else items.set(unitId, [item]);
  };
  const reportsByTask = new Map<string, ScoringReport[]>();
  for (const r of reports) {
    const list = reportsByTask.get(r.taskId);
    if (list) list.push(r);
    else reportsByTask.set(r.taskId, [r]);
  }
  for (const t of tasks) {
    const closed = closedDay(t);
    const active = t.startDate <= asOf && (closed === null || closed >= start);
    if (!active) continue;
    for (const u of [t.leadUnitId, ...t.coUnitIds]) if (!items.has(u)) items.set(u, []);
    if (overdueIn(t, start, asOf)) {
      const days = diffDays(t.deadline, closed && closed <= asOf ? closed : asOf);
      add(t.leadUnitId, { ruleId: 'overdue-lead', taskId: t.id, points: scheme.overdueLead, note: `逾期 ${days} 天` });
      for (const u of t.coUnitIds) {
        add(u, { ruleId: 'overdue-co', taskId: t.id, points: scheme.overdueCo, note: `逾期 ${days} 天（配合）` });
      }
    }
    const own = reportsByTask.get(t.id) ?? [];
    const periods = new Set(own.map((r) => r.period));
    for (const p of owedPeriods(t, start, asOf)) {
      if (!periods.has(p)) add(t.leadUnitId, { ruleId: 'missing-report', taskId: t.id, points: scheme.missingReport, note: `${p} 未报送` });
    }
    for (const r of own) {
      const at = r.reviewedAt?.slice(0, 10);
      if (r.reviewState === 'returned' && at && at >= start && at <= asOf) {
        add(t.leadUnitId, { ruleId: 'returned-report', taskId: t.id, points: scheme.returnedReport, note: `${r.period} 报告被退回` });
      }
    }
    if (closed && closed >= start && closed <= asOf && diffDays(closed, t.deadline) >= scheme.earlyDays) {
      add(t.leadUnitId, { ruleId: 'early', taskId: t.id, points: scheme.earlyBonus, note: `提前 ${diffDays(closed, t.deadline)} 天办结` });
    }
  }
  const out: UnitScore[] = [];
  for (const [unitId, list] of items) {
    const breakdown: ScoreItem[] = [{ ruleId: 'base', taskId: null, points: scheme.base, note: '基础分' }];
    let bonus = 0;
    for (const item of list) {
      if (item.points > 0) {
        const room = Math.max(0, scheme.bonusCap - bonus);
        if (room <= 0) continue;
        const pts = Math.min(room, item.points);
        bonus += pts;
        breakdown.push({ ...item, points: pts });
      } else breakdown.push(item);
    }
    const adj = adjustments.get(unitId);
    if (adj) {
      const pts = Math.max(-scheme.adjustmentLimit, Math.min(scheme.adjustmentLimit, adj.points));
      breakdown.push({ ruleId: 'adjustment', taskId: null, points: pts, note: adj.reason });
    }
    const raw = breakdown.reduce((s, i) => s + i.points, 0);
    const score = Math.max(scheme.min, Math.min(scheme.max, raw));
    if (score !== raw) breakdown.push({ ruleId: 'cap', taskId: null, points: score - raw, note: '封顶/保底' });
    out.push({ unitId, score: Math.round(score * 10) / 10, rating: ratingFor(score, scheme), breakdown });
  }
  return out.sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId));
}
