import { describe, expect, it } from 'vitest';
import {
  type BulletinSource,
  bulletinModel,
  bulletinSummary,
  quarterBulletinDocx,
} from '../../../src/domain/documents';
import { paragraphs, parts, seed } from './seed-docs';

const zero = {
  total: 0,
  done: 0,
  onTime: 0,
  due: 0,
  inProgress: 0,
  overdue: 0,
  completionRate: 0,
  onTimeRate: 0,
};

describe('季度督查通报', () => {
  it('has the 发文字号, the title and a summary whose every number is the quarter’s', async () => {
    const s = await seed();
    const src = await s.bulletinSource('2024Q1');
    const file = await quarterBulletinDocx(src, { issuer: s.issuer, serial: 1 });
    expect(file.filename).toBe('督查通报〔2024〕1号-2024年第一季度.docx');
    const text = paragraphs((await parts(file)).document);
    expect(text.slice(0, 3)).toEqual([
      '省委督查室',
      '督查通报〔2024〕1号',
      '关于2024年第一季度讲话部署落实情况的通报',
    ]);
    const k = src.kpis;
    const p = src.previous!;
    const summary = text.find((t) => t.startsWith('2024年第一季度，'))!;
    expect(summary).toContain(
      `纳入考核的重点任务共${k.total}项，截至2024年3月31日已完成${k.done}项，完成率${k.completionRate}%`,
    );
    const d = Math.round((k.completionRate - p.completionRate) * 10) / 10;
    expect(summary).toContain(
      d > 0 ? `较上季度提高${d}个百分点` : d < 0 ? `较上季度下降${-d}个百分点` : '与上季度持平',
    );
    expect(summary).toContain(`按期完成率${k.onTimeRate}%`);
    expect(summary).toContain(`逾期未完成${k.overdue}项`);
    expect(summary).toContain(`参加考核单位${src.units.length}个`);
    expect(text.slice(-2)).toEqual(['省委督查室', '2024年5月20日']);
  });

  it('ranks every scored unit with score, last quarter and rating, and lists overdue tasks by unit', async () => {
    const s = await seed();
    const src = await s.bulletinSource('2024Q1');
    const { document } = await parts(await quarterBulletinDocx(src, { issuer: s.issuer, serial: 1 }));
    const cells = [...document.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('')),
    );
    expect(cells[0]).toEqual(['名次', '单位', '得分', '上季度得分', '等次']);
    const zh = { excellent: '好', good: '较好', fair: '一般', poor: '差' } as const;
    expect(cells.slice(1)).toEqual(
      src.units.map((u) => [
        String(u.rank),
        u.unitName,
        String(u.score),
        u.previousScore === null ? '—' : String(u.previousScore),
        zh[u.rating],
      ]),
    );
    const text = paragraphs(document);
    for (const o of src.overdue.items) {
      expect(text).toContainEqual(expect.stringContaining(`${o.code} ${o.title}（完成时限`));
      expect(text).toContainEqual(
        expect.stringMatching(new RegExp(`^（[一二三四五六七八九十]+）${o.unitName}（\\d+项）$`)),
      );
    }
  });

  it('commends units rated 好 with nothing overdue and asks 差 or overdue leads to explain, stating the rule', async () => {
    const s = await seed();
    const src = await s.bulletinSource('2024Q1');
    const m = bulletinModel(src, s.issuer, 1);
    expect(m.rules.commend).toBe('考核得分95分以上、评定为“好”且本季度无牵头任务逾期的单位，予以通报表扬');
    expect(m.rules.explain).toBe('考核得分低于70分、评定为“差”或本季度有牵头任务逾期的单位，应作出书面说明');
    const lateLead = (name: string) =>
      src.units.find((u) => u.unitName === name)!.breakdown.filter((b) => b.ruleId === 'overdue-lead').length;
    for (const c of m.commended) {
      expect(src.units.find((u) => u.unitName === c)!.score).toBeGreaterThanOrEqual(95);
      expect(lateLead(c)).toBe(0);
    }
    expect(m.explain).toContainEqual({
      unit: '省科技厅',
      reason: expect.stringMatching(/^考核得分44\.5分，评定为“差”，牵头任务逾期\d+项$/),
    });
    for (const e of m.explain) expect(m.commended).not.toContain(e.unit);
    expect(m.explainBy).toBe('2024年5月30日');
  });

  it('addresses the units its figures cover', async () => {
    const s = await seed();
    const src = await s.bulletinSource('2024Q1');
    expect(bulletinModel(src, s.issuer, 1).addressee).toBe('各有关单位：');
    expect(bulletinModel({ ...src, level: 'province' }, s.issuer, 1).addressee).toBe('省直有关部门：');
    expect(bulletinModel({ ...src, level: 'city' }, s.issuer, 1).addressee).toBe('各有关市、市直有关部门：');
  });

  it('a quarter with no data yields a document that says so', async () => {
    const s = await seed();
    const empty: BulletinSource = {
      quarter: '2025Q1',
      asOf: '2025-03-31',
      kpis: zero,
      previous: null,
      units: [],
      overdue: { total: 0, items: [] },
    };
    expect(bulletinSummary(empty)).toBe(
      '2025年第一季度，没有纳入考核的讲话部署任务，本期不作考核排名，亦无逾期任务。',
    );
    const text = paragraphs(
      (await parts(await quarterBulletinDocx(empty, { issuer: s.issuer, serial: 3 }))).document,
    );
    expect(text).toContain('督查通报〔2025〕3号');
    expect(text).toContain(bulletinSummary(empty));
    expect(text).not.toContain('二、考核排名');
  });

  it('first quarter: no comparison; a capped overdue list says how many more there are', async () => {
    const s = await seed();
    const src = { ...(await s.bulletinSource('2024Q1')), previous: null };
    expect(bulletinSummary(src)).not.toContain('上季度');
    const capped = { ...src, overdue: { total: src.overdue.items.length + 7, items: src.overdue.items } };
    expect(bulletinModel(capped, s.issuer, 1).overdueRest).toBe(7);
  });
});
