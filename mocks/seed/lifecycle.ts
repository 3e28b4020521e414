import { addDays, diffDays, endOfMonth } from '../../src/domain/dates';
import { periodEnd, periodOf } from '../../src/domain/reporting';
import type { AuditEntry, ProgressReport, Task, TaskStatus } from '../../src/domain/schemas';
import type { Random } from './random';

/**
 * Simulates one task's life up to the demo's "today", so the seeded ledger looks like the middle of
 * real work: some tasks done early, some late, some sent back, some overdue, some months unreported.
 */
export interface TaskPlan {
  id: string;
  code: string;
  title: string;
  directiveId: string | null;
  measureIndex: number | null;
  leadUnitId: string;
  coUnitIds: string[];
  responsiblePersonId: string | null;
  /** Who submits reports (a staff member of the lead unit). */
  reporterId: string;
  startDate: string;
  deadline: string;
  priority: Task['priority'];
  tags: string[];
  /** Pin the outcome of a task that is still running (so the demo always shows every state). */
  forced?: Outcome;
}

export interface SimulatedTask {
  task: Task;
  reports: ProgressReport[];
  audit: Omit<AuditEntry, 'id'>[];
}

const STEPS = [
  '召开专题推进会，细化责任分工和时间节点',
  '完成阶段性调研，形成工作方案初稿并征求意见',
  '对接配合单位，协调解决资金、场地等问题',
  '组织专家论证，明确年度目标和实施路径',
  '开展督导检查，推动重点事项逐项落地',
  '梳理问题清单，制定整改措施并跟踪销号',
  '完成项目申报和评审，下达首批支持资金',
  '印发实施细则，建立月调度、季通报机制',
];
const RETURN_COMMENTS = [
  '报告内容过于笼统，请补充量化进展和佐证材料',
  '未说明与时间节点的差距，请补充下一步措施',
  '佐证材料与报告内容不符，请重新提交',
];

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
const at = (date: string, hh: number) =>
  `${date}T${String(hh).padStart(2, '0')}:${String((hh * 7) % 60).padStart(2, '0')}:00+08:00`;

export type Outcome =
  | 'closed-early'
  | 'closed-late'
  | 'overdue'
  | 'pending'
  | 'returned'
  | 'working'
  | 'extension'
  | 'suspended'
  | 'assigned';

function chooseOutcome(rng: Random, plan: TaskPlan, today: string): Outcome {
  if (plan.startDate > addDays(today, -20)) return 'assigned';
  const r = rng.next();
  if (plan.deadline >= today && plan.forced) return plan.forced;
  if (plan.deadline < today) {
    if (r < 0.42) return 'closed-early';
    if (r < 0.64) return 'closed-late';
    if (r < 0.86) return 'overdue';
    if (r < 0.95) return 'pending';
    return 'returned';
  }
  if (r < 0.1) return 'closed-early';
  if (r < 0.16) return 'pending';
  if (r < 0.22) return 'returned';
  if (r < 0.26) return 'extension';
  if (r < 0.28) return 'suspended';
  return 'working';
}

export function simulateTask(
  plan: TaskPlan,
  today: string,
  rng: Random,
  names: { sup: { id: string; name: string }; reporterName: string },
  nextReportId: () => string,
): SimulatedTask {
  const outcome = chooseOutcome(rng, plan, today);
  const span = Math.max(1, diffDays(plan.startDate, plan.deadline));
  const elapsed = Math.min(span, Math.max(0, diffDays(plan.startDate, today)));
  let closedDate: string | null = null;
  if (outcome === 'closed-early') {
    closedDate = addDays(plan.deadline, -rng.int(8, 40));
    if (closedDate > today) closedDate = addDays(today, -rng.int(1, 10));
    if (closedDate < plan.startDate) closedDate = addDays(plan.startDate, 20);
  } else if (outcome === 'closed-late') {
    closedDate = addDays(plan.deadline, rng.int(3, 30));
    if (closedDate >= today) closedDate = addDays(today, -1);
  }
  const lastDay = closedDate ?? today;
  // Progress now: done tasks 100; others follow elapsed time with a unit-specific pace.
  const pace = outcome === 'overdue' ? rng.next() * 0.3 + 0.55 : rng.next() * 0.7 + 0.55;
  let progress = closedDate ? 100 : Math.min(95, Math.round(((elapsed / span) * 100 * pace) / 5) * 5);
  if (outcome === 'pending') progress = 100;
  if (outcome === 'assigned') progress = 0;

  const reports: ProgressReport[] = [];
  const audit: Omit<AuditEntry, 'id'>[] = [];
  const reporter = { id: plan.reporterId, name: names.reporterName };
  const startPeriod = periodOf(plan.startDate);
  const lastPeriod = periodOf(lastDay);
  let p = startPeriod;
  let stepIdx = rng.int(0, STEPS.length - 1);
  const periods: string[] = [];
  for (let guard = 0; guard < 60; guard++) {
    periods.push(p);
    if (p === lastPeriod) break;
    p = periodOf(addDays(periodEnd(p), 1));
  }
  if (outcome !== 'assigned') {
    periods.forEach((period, i) => {
      const isLast = i === periods.length - 1;
      const due = periodEnd(period);
      // A month's report goes in during its last ten days; the current month may not be reported yet.
      let day = addDays(due, -rng.int(0, 9));
      if (day > lastDay) day = lastDay;
      if (day < plan.startDate) return;
      const isFinal = isLast && (closedDate !== null || outcome === 'pending' || outcome === 'returned');
      if (!isFinal && rng.chance(outcome === 'overdue' ? 0.35 : 0.2)) return;
      if (!isFinal && day >= today) return;
      if (!isFinal && isLast && due > today && rng.chance(0.5)) return;
      const share = (i + 1) / periods.length;
      const pct = isFinal ? 100 : Math.max(5, Math.min(progress, Math.round((progress * share) / 5) * 5));
      let reviewState: ProgressReport['reviewState'] = 'accepted';
      let reviewComment: string | null = null;
      if (isFinal && outcome === 'pending') reviewState = 'pending';
      else if (isFinal && outcome === 'returned') {
        reviewState = 'returned';
        reviewComment = rng.pick(RETURN_COMMENTS);
      } else if (!isFinal && rng.chance(0.06)) {
        reviewState = 'returned';
        reviewComment = rng.pick(RETURN_COMMENTS);
      } else if (!isFinal && day >= addDays(today, -10)) reviewState = 'pending';
      // A final report goes in a couple of days before the supervisor closes the task.
      const submitDay = isFinal && closedDate ? maxDate(plan.startDate, addDays(closedDate, -2)) : day;
      const submittedAt = at(submitDay, 10 + (i % 7));
      const reviewDay = isFinal && closedDate ? closedDate : minDate(addDays(submitDay, 2), today);
      const reviewedAt = reviewState === 'pending' ? null : at(reviewDay, 16);
      stepIdx = (stepIdx + 1) % STEPS.length;
      const text = isFinal
        ? `${STEPS[stepIdx]}；各项工作已按要求完成，申请办结。`
        : `${STEPS[stepIdx]}。累计完成年度目标的 ${pct}%。`;
      const id = nextReportId();
      const submittedDay = submittedAt.slice(0, 10);
      reports.push({
        id,
        taskId: plan.id,
        period: periodOf(maxDate(submittedDay, plan.startDate)),
        text,
        progress: pct,
        evidence: rng.chance(0.5) ? [`https://docs.example.org/luoshi/${plan.code}/${period}.pdf`] : [],
        submitterId: reporter.id,
        submittedAt,
        reviewState,
        reviewComment,
        reviewerId: reviewState === 'pending' ? null : names.sup.id,
        reviewedAt,
        final: isFinal,
      });
      audit.push({
        at: submittedAt,
        actorId: reporter.id,
        actorName: reporter.name,
        role: 'staff',
        action: 'report.create',
        target: `task:${plan.id}`,
        outcome: 'ok',
        detail: `${period} 进度 ${pct}%`,
      });
      if (reviewedAt) {
        audit.push({
          at: reviewedAt,
          actorId: names.sup.id,
          actorName: names.sup.name,
          role: 'supervisor',
          action: reviewState === 'accepted' ? 'report.accept' : 'report.return',
          target: `task:${plan.id}`,
          outcome: 'ok',
          detail: reviewComment ?? id,
        });
      }
    });
  }
  const lastReport = reports.at(-1);
  if (lastReport && !closedDate && outcome !== 'pending') progress = Math.max(progress, lastReport.progress);
  const statusOf: Record<Outcome, TaskStatus> = {
    'closed-early': 'closed',
    'closed-late': 'closed',
    overdue: 'in-progress',
    pending: 'pending-review',
    returned: 'returned',
    working: 'in-progress',
    extension: 'extension-requested',
    suspended: 'suspended',
    assigned: 'assigned',
  };
  const status = statusOf[outcome];
  const createdAt = at(plan.startDate, 9);
  const task: Task = {
    id: plan.id,
    code: plan.code,
    title: plan.title,
    directiveId: plan.directiveId,
    measureIndex: plan.measureIndex,
    leadUnitId: plan.leadUnitId,
    coUnitIds: plan.coUnitIds,
    responsiblePersonId: plan.responsiblePersonId,
    startDate: plan.startDate,
    deadline: plan.deadline,
    originalDeadline: plan.deadline,
    status,
    resumeStatus: status === 'extension-requested' || status === 'suspended' ? 'in-progress' : null,
    progress: outcome === 'returned' ? Math.min(progress, 90) : progress,
    priority: plan.priority,
    tags: plan.tags,
    extension:
      status === 'extension-requested'
        ? {
            requestedDeadline: endOfMonth(addDays(plan.deadline, 75)),
            reason: '受配套资金到位时间影响，关键设备招标顺延，申请延期',
            requestedAt: at(addDays(today, -rng.int(1, 6)), 11),
            requestedBy: reporter.id,
          }
        : null,
    closedAt: closedDate ? at(closedDate, 17) : null,
    createdAt,
    updatedAt: lastReport?.reviewedAt ?? lastReport?.submittedAt ?? createdAt,
    version: 1 + reports.length,
  };
  if (closedDate) {
    audit.push({
      at: at(closedDate, 17),
      actorId: names.sup.id,
      actorName: names.sup.name,
      role: 'supervisor',
      action: 'task.close',
      target: `task:${plan.id}`,
      outcome: 'ok',
      detail: '办结销号',
    });
  }
  if (outcome !== 'assigned') {
    audit.push({
      at: at(addDays(plan.startDate, 2), 9),
      actorId: reporter.id,
      actorName: reporter.name,
      role: 'staff',
      action: 'task.accept',
      target: `task:${plan.id}`,
      outcome: 'ok',
      detail: '签收',
    });
  }
  return { task, reports, audit };
}
