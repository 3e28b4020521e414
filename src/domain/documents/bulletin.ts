import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import {
  body,
  cell,
  headerRow,
  heading,
  pageNumberFooters,
  pageProperties,
  run,
  signature,
  thinBorders,
  title,
} from './blocks';
import type { BulletinModel } from './bulletin-model';
import { BODY_LINE, fontOf, mm, size } from './format';
import { type DocxFile, pack } from './pack';

/** A chart from the review page, as PNG bytes with its pixel size. */
export interface BulletinChart {
  title: string;
  png: Uint8Array;
  width: number;
  height: number;
}

export const RANKING_COLUMNS = ['名次', '单位', '得分', '上季度得分', '等次'];
const WIDTHS = [mm(16), mm(64), mm(24), mm(28), mm(24)];

/** 版头: the 发文机关标志 in red 小标宋, the 发文字号 and the red separator line below it (§7.2). */
function masthead(m: BulletinModel): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: BODY_LINE, after: BODY_LINE, line: 1000, lineRule: 'exact' },
      children: [new TextRun({ text: m.office, font: fontOf('xiaobiaosong'), size: 72, color: 'D40000' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: BODY_LINE, lineRule: 'exact', after: BODY_LINE },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'D40000', space: 8 } },
      children: [run(m.docNumber)],
    }),
  ];
}

function ranking(m: BulletinModel): Table {
  return new Table({
    width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: WIDTHS,
    borders: thinBorders,
    alignment: AlignmentType.CENTER,
    rows: [
      headerRow(RANKING_COLUMNS, WIDTHS),
      ...m.ranking.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [String(r.rank), r.unit, r.score, r.previous, r.rating].map((v, i) =>
              cell(v, { width: WIDTHS[i], align: i === 1 ? 'left' : 'center' }),
            ),
          }),
      ),
    ],
  });
}

function charts(list: readonly BulletinChart[]): Paragraph[] {
  if (!list.length) return [];
  // Charts fit the 156 mm text block: 156 mm at 96 px per inch is 590 px.
  const maxWidth = 590;
  return [
    new Paragraph({ pageBreakBefore: true, children: [run('附件', 'hei')] }),
    title('季度考核图表'),
    ...list.flatMap((c) => {
      const scale = Math.min(1, maxWidth / c.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: c.png,
              transformation: { width: Math.round(c.width * scale), height: Math.round(c.height * scale) },
              altText: { name: c.title, title: c.title, description: c.title },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: BODY_LINE },
          children: [run(c.title, 'fang', size.s4)],
        }),
      ];
    }),
  ];
}

function sections(m: BulletinModel): (Paragraph | Table)[] {
  if (m.empty) return [heading(1, 1, '总体情况'), body(m.summary)];
  const overdue =
    m.overdueByUnit.length === 0
      ? [body('本季度无逾期未完成任务。')]
      : [
          body(`截至本季度考核截止日，逾期未完成任务如下，请相关单位抓紧推进、限期办结。`),
          ...m.overdueByUnit.flatMap((g, i) => [
            heading(2, i + 1, `${g.unit}（${g.items.length}项）`),
            ...g.items.map((t, j) => body(`${j + 1}. ${t}`)),
          ]),
          ...(m.overdueRest ? [body(`另有${m.overdueRest}项逾期任务，详见督办台账。`)] : []),
        ];
  return [
    heading(1, 1, '总体情况'),
    body(m.summary),
    heading(1, 2, '考核排名'),
    body(`按照季度考核评分细则，各单位得分及等次如下（${m.ranking.length}个单位）：`),
    ranking(m),
    heading(1, 3, '逾期任务'),
    ...overdue,
    heading(1, 4, '通报表扬和书面说明'),
    body(`按照考核评分细则，${m.rules.commend}；${m.rules.explain}。`),
    heading(2, 1, '通报表扬'),
    body(m.commended.length ? `${m.commended.join('、')}。` : '本季度没有符合通报表扬条件的单位。'),
    heading(2, 2, '书面说明'),
    ...(m.explain.length
      ? [
          ...m.explain.map((e, i) => body(`${i + 1}. ${e.unit}：${e.reason}。`)),
          body(`请以上单位于${m.explainBy}前向督查室书面说明原因及整改措施。`),
        ]
      : [body('本季度没有需要作出书面说明的单位。')]),
  ];
}

/** 季度督查通报: 版头, title, 主送, the four parts, signature and date, charts as an attachment. */
export async function renderBulletin(
  m: BulletinModel,
  filename: string,
  chartImages: readonly BulletinChart[] = [],
): Promise<DocxFile> {
  const children = [
    ...masthead(m),
    title(m.titleLines),
    body([run(m.addressee)], { indent: false }),
    body(`现将${m.quarterLabel}讲话部署落实情况通报如下。`),
    ...sections(m),
    ...signature([m.office, m.date]),
    ...charts(chartImages),
  ];
  return pack([{ properties: pageProperties(), footers: pageNumberFooters(), children }], m.title, filename);
}
