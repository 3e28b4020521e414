import { nextDueDate } from '../reporting';
import { DEFAULT_SCHEME, type ScoringScheme } from '../scoring';
import { type Directory, type DocTask, type Issuer, lookup } from './model';
import { sentenceAround, zhDate } from './text';

/** One 督办通知单, every field as printed. */
export interface NoticeModel {
  /** 编号: the ledger code. */
  code: string;
  /** 督办事项. */
  matter: string;
  /** 来源: meeting (with date and place), speaker, and the speech's sentence. */
  source: { meeting: string; speaker: string; sentence: string } | null;
  leadUnit: string;
  coUnits: string[];
  responsible: string;
  /** 办理时限, `2024年6月30日`. */
  deadline: string;
  /** 办理要求: numbered lines from the reporting calendar and the scoring scheme. */
  requirements: string[];
  contact: string;
  office: string;
  /** 发文日期, `2024年5月20日`. */
  date: string;
}

/** The task's notice: names resolved, the source sentence quoted, requirements from the calendar. */
export function noticeModel(
  task: DocTask,
  dir: Directory,
  issuer: Issuer,
  scheme: ScoringScheme = DEFAULT_SCHEME,
): NoticeModel {
  const find = lookup(dir);
  const d = find.directive(task.directiveId);
  const m = d ? find.meeting(d.meetingId) : undefined;
  const span = d
    ? task.measureIndex !== null
      ? d.measureSpans[task.measureIndex]
      : d.headingSpan
    : undefined;
  const sentence = m?.text && span ? sentenceAround(m.text, span) : '';
  const speaker = d?.speaker ? `${d.speaker}${d.speakerTitle ? `（${d.speakerTitle}）` : ''}` : '';
  const c = issuer.contact;
  return {
    code: task.code,
    matter: task.title,
    source: m
      ? { meeting: `${m.title}（${zhDate(m.date)}${m.place ? `，${m.place}` : ''}）`, speaker, sentence }
      : null,
    leadUnit: find.unit(task.leadUnitId),
    coUnits: task.coUnitIds.map(find.unit),
    responsible: find.person(task.responsiblePersonId),
    deadline: zhDate(task.deadline),
    requirements: requirements(task, issuer.date, scheme),
    contact: c ? [c.name, c.title ? `（${c.title}）` : '', c.phone ? `，电话：${c.phone}` : ''].join('') : '',
    office: issuer.office,
    date: zhDate(issuer.date),
  };
}

/** 办理要求, from the monthly reporting calendar (reporting.ts) and the scheme's deductions (scoring.ts). */
function requirements(task: DocTask, issued: string, s: ScoringScheme): string[] {
  const due = zhDate(nextDueDate(issued));
  const out = [
    task.deadline < issued
      ? `该事项已超过办理时限，请于${due}前报送办理情况及未按期完成的原因，此后每月最后一日前报送进展情况。`
      : `自收到本通知之日起，每月最后一日前通过落实平台报送进展情况，首次报送截止日期为${due}。`,
    '任务完成后，及时报送办结报告及佐证材料，经督查室审核后办结。',
    `确需延期的，应在办理时限届满前提出申请并说明理由；逾期未办结的，按季度考核细则牵头单位每项扣${-s.overdueLead}分、配合单位每项扣${-s.overdueCo}分。`,
  ];
  if (task.coUnitIds.length) out.push('配合单位应主动对接牵头单位，按职责分工做好配合工作。');
  return out.map((r, i) => `${i + 1}. ${r}`);
}

/** Open tasks a unit leads (not closed, not suspended), by deadline: the notices one unit receives. */
export function openTasksOfUnit<T extends DocTask>(tasks: readonly T[], unitId: string): T[] {
  return tasks
    .filter((t) => t.leadUnitId === unitId && t.status !== 'closed' && t.status !== 'suspended')
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.code.localeCompare(b.code));
}
