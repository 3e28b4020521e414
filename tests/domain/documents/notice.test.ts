import { describe, expect, it } from 'vitest';
import { noticeModel, openTasksOfUnit, taskNoticeDocx, unitNoticesDocx } from '../../../src/domain/documents';
import { paragraphs, parts, seed } from './seed-docs';

describe('督办通知单', () => {
  it('prints every field of the task: 编号, 督办事项, 来源 with the speech sentence, units, people, dates', async () => {
    const s = await seed();
    const task = s.tasks.find((t) => t.code === 'DB-2023-0001')!;
    const file = await taskNoticeDocx(task, s);
    expect(file.filename).toBe('督办通知单-DB-2023-0001.docx');
    const text = paragraphs((await parts(file)).document);
    const joined = text.join('\n');
    expect(text[0]).toBe('督办通知单');
    expect(text).toContain('编号：DB-2023-0001');
    for (const label of [
      '督办事项',
      '来源',
      '牵头单位',
      '配合单位',
      '责任人',
      '办理时限',
      '办理要求',
      '督查室联系人',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain(task.title);
    expect(text).toContain(
      '会议：全省深入推进创新型省份建设加快打造科技创新策源地工作会议（2023年4月24日，合肥）',
    );
    expect(text).toContain('讲话：韩俊（省委书记）');
    // The whole sentence the measure came from, not just the measure.
    const quote = text.find((p) => p.startsWith('原文：'))!;
    expect(quote).toMatch(
      /^原文：“要学深悟透.*切实增强加快打造具有重要影响力的科技创新策源地的责任感和使命感.*。”$/,
    );
    expect(text).toContain('省科技厅');
    expect(text).toContain('省委组织部');
    expect(text).toContain('刘洋（规划处处长）');
    expect(text).toContain(
      `${Number(task.deadline.slice(0, 4))}年${Number(task.deadline.slice(5, 7))}月${Number(task.deadline.slice(8))}日`,
    );
    expect(text).toContain('陈静（督查室主任）');
    expect(text.slice(-2)).toEqual(['省委督查室', '2024年5月20日']);
    expect(joined).toContain('每月最后一日前报送进展情况');
  });

  it('writes 办理要求 from the reporting calendar and the scoring scheme', async () => {
    const s = await seed();
    const open = s.tasks.find(
      (t) => t.deadline > '2024-06-30' && t.status !== 'closed' && t.coUnitIds.length,
    )!;
    const n = noticeModel(open, s.directory, s.issuer);
    expect(n.requirements[0]).toBe(
      '1. 自收到本通知之日起，每月最后一日前通过落实平台报送进展情况，首次报送截止日期为2024年5月31日。',
    );
    expect(n.requirements[2]).toContain('牵头单位每项扣5分、配合单位每项扣2.5分');
    expect(n.requirements[3]).toBe('4. 配合单位应主动对接牵头单位，按职责分工做好配合工作。');
    const late = s.tasks.find((t) => t.deadline < '2024-05-20' && t.status !== 'closed')!;
    expect(noticeModel(late, s.directory, s.issuer).requirements[0]).toContain('该事项已超过办理时限');
  });

  it("a unit's document holds one notice per open task it leads, by deadline, with page breaks between", async () => {
    const s = await seed();
    const open = openTasksOfUnit(s.tasks, 'p-kjt');
    expect(open.length).toBeGreaterThan(5);
    expect(
      open.every((t) => t.leadUnitId === 'p-kjt' && t.status !== 'closed' && t.status !== 'suspended'),
    ).toBe(true);
    const file = await unitNoticesDocx('p-kjt', s.tasks, s);
    expect(file.filename).toBe('督办通知单-省科技厅-2024年5月20日.docx');
    const { document } = await parts(file);
    const text = paragraphs(document);
    expect(text.filter((p) => p.startsWith('编号：'))).toEqual(open.map((t) => `编号：${t.code}`));
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(open.length - 1);
  });

  it('a unit with nothing open gets a document that says so', async () => {
    const s = await seed();
    const file = await unitNoticesDocx('p-wbt', s.tasks, s);
    expect(paragraphs((await parts(file)).document)).toContain('当前没有需要督办的未办结任务。');
  });
});
