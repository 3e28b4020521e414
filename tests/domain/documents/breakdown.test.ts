import { describe, expect, it } from 'vitest';
import { breakdownModel, meetingBreakdownDocx } from '../../../src/domain/documents';
import { CITY_MEETING_ID, PROVINCE_MEETING_ID, paragraphs, parts, seed } from './seed-docs';

const rowsOf = (xml: string) =>
  [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('')),
  );

describe('重点任务分解表', () => {
  it('lists the meeting directive by directive, each task in measure order, numbered 1…N', async () => {
    const s = await seed();
    const file = await meetingBreakdownDocx(PROVINCE_MEETING_ID, s.tasks, s);
    expect(file.filename).toBe(
      '重点任务分解表-全省深入推进创新型省份建设加快打造科技创新策源地工作会议.docx',
    );
    const { document } = await parts(file);
    const text = paragraphs(document);
    expect(text[0]).toBe('附件');
    expect(text[1]).toBe('全省深入推进创新型省份建设加快打造科技创新策源地工作会议重点任务分解表');
    const rows = rowsOf(document);
    expect(rows[0]).toEqual(['序号', '部署', '具体任务', '牵头单位', '配合单位', '责任人', '完成时限']);
    const directives = s.directory.directives.filter((d) => d.meetingId === PROVINCE_MEETING_ID);
    const expected = directives
      .sort((a, b) => a.seq - b.seq)
      .flatMap((d) =>
        s.tasks
          .filter((t) => t.directiveId === d.id)
          .sort((a, b) => (a.measureIndex ?? 0) - (b.measureIndex ?? 0))
          .map((t) => t.title),
      );
    const dataRows = rows.slice(1).filter((r) => r.length > 1);
    expect(dataRows.map((r) => r[0])).toEqual(expected.map((_, i) => String(i + 1)));
    // The first row of a directive carries its heading (merged down), the others do not.
    expect(dataRows.map((r) => (r.length === 7 ? r[2] : r[1]))).toEqual(expected);
    expect(dataRows[0]).toEqual([
      '1',
      '一、学深悟透习近平总书记重要讲话重要指示精神',
      expected[0],
      '省科技厅',
      '省委组织部',
      '刘洋',
      expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
    ]);
  });

  it('numbers sub-directives （一）（二） under their parent, which spans the table when it has no task', async () => {
    const s = await seed();
    const m = breakdownModel(CITY_MEETING_ID, s.tasks, s.directory, s.issuer);
    expect(m.groups.map((g) => [g.label, g.rows.length])).toEqual([
      ['一、以更高的站位推进科技创新', 4],
      ['二、以更大力度创建国家创新型城市', 0],
      ['（一）在增强科技综合实力和产业竞争力上下功夫', 2],
      ['（二）在提升创新要素集聚能力上下功夫', 3],
      ['（三）在加大科技投入上下功夫', 2],
      ['（四）在加强科技创新对民生领域支撑能力上下功夫', 1],
      ['（五）在优化创新政策体系和治理架构上下功夫', 1],
      ['（六）在落实落细任务上下功夫', 5],
    ]);
    const rows = rowsOf((await parts(await meetingBreakdownDocx(CITY_MEETING_ID, s.tasks, s))).document);
    // The parent heads its sub-directives in one cell across all seven columns.
    expect(rows[5]).toEqual(['二、以更大力度创建国家创新型城市']);
    expect(rows.at(-1)![0]).toBe('18');
  });

  it('a meeting without tasks yields a document that says so', async () => {
    const s = await seed();
    const file = await meetingBreakdownDocx(CITY_MEETING_ID, [], s);
    expect(paragraphs((await parts(file)).document)).toContain('本次会议尚未分解出具体任务。');
  });
});
