import { AlignmentType, Paragraph, Table, TableRow, WidthType } from 'docx';
import { nextDueDate } from '../reporting';
import { DEFAULT_SCHEME, type ScoringScheme } from '../scoring';
import { body, cell, pageNumberFooters, pageProperties, run, signature, thinBorders, title } from './blocks';
import { BODY_LINE, size } from './format';
import { type Directory, type DocTask, type Issuer, lookup } from './model';
import { type DocxFile, pack } from './pack';
import { clean, sentenceAround, zhDate } from './text';

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

const LABEL_WIDTH = 1900;
const VALUE_WIDTH = 6944;

function noticeBlocks(n: NoticeModel, first: boolean): (Paragraph | Table)[] {
  // Short rows keep together; the long ones (source, requirements) may run onto the next page.
  const row = (label: string, value: string | string[]) =>
    new TableRow({
      cantSplit: !Array.isArray(value),
      children: [
        cell(label, { sz: size.s4, width: LABEL_WIDTH, font: 'hei', align: 'center' }),
        cell(value, { sz: size.s4, width: VALUE_WIDTH }),
      ],
    });
  const source = n.source
    ? [
        `会议：${n.source.meeting}`,
        ...(n.source.speaker ? [`讲话：${n.source.speaker}`] : []),
        ...(n.source.sentence ? [`原文：“${n.source.sentence}”`] : []),
      ]
    : '—';
  return [
    new Paragraph({
      pageBreakBefore: !first,
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: 'exact', after: BODY_LINE / 2 },
      children: [run('督办通知单', 'xiaobiaosong', size.s2)],
    }),
    body([run(`编号：${n.code}`)], { indent: false }),
    new Table({
      width: { size: LABEL_WIDTH + VALUE_WIDTH, type: WidthType.DXA },
      columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
      borders: thinBorders,
      rows: [
        row('督办事项', n.matter),
        row('来源', source),
        row('牵头单位', n.leadUnit),
        row('配合单位', n.coUnits.length ? n.coUnits.join('、') : '—'),
        row('责任人', n.responsible || '—'),
        row('办理时限', n.deadline),
        row('办理要求', n.requirements),
        row('督查室联系人', n.contact || '—'),
      ],
    }),
    ...signature([n.office, n.date], 0.5),
  ];
}

/** Notices, one per page run, page breaks between: the 督办通知单 of a task or of all a unit's open tasks. */
export async function renderNotices(notices: readonly NoticeModel[], filename: string): Promise<DocxFile> {
  const children = notices.length
    ? notices.flatMap((n, i) => noticeBlocks(n, i === 0))
    : [title('督办通知单'), body('当前没有需要督办的未办结任务。')];
  return pack(
    [{ properties: pageProperties(), footers: pageNumberFooters(), children }],
    clean(notices.length === 1 ? `督办通知单 ${notices[0]!.code}` : '督办通知单'),
    filename,
  );
}
