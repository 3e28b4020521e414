import { AlignmentType, Paragraph, Table, TableRow, WidthType } from 'docx';
import { body, cell, pageNumberFooters, pageProperties, run, signature, thinBorders, title } from './blocks';
import { BODY_LINE, size } from './format';
import type { NoticeModel } from './notice-model';
import { type DocxFile, pack } from './pack';
import { clean } from './text';

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
