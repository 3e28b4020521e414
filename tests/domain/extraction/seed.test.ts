// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { SEED_ARTICLE } from '../../../src/domain/extraction/fixtures/seed-article';
import { expectSpansExact } from './helpers';

describe('seed article', () => {
  const r = extract(SEED_ARTICLE);

  it('gives 22 directives and 70 measures with exact spans', () => {
    expect(r.directives).toHaveLength(22);
    expect(r.directives.reduce((n, d) => n + d.measures.length, 0)).toBe(70);
    expectSpansExact(SEED_ARTICLE, r);
    expect(r.directives.map((d) => d.id)).toEqual(r.directives.map((_, i) => `d${i + 1}`));
  });

  it('attributes speakers in order 韩俊 → 王清宪 → 孙正东', () => {
    const sp = r.directives.map((d) => d.speaker);
    expect(sp.slice(0, 10).every((s) => s === '韩俊')).toBe(true);
    expect(sp.slice(10, 14).every((s) => s === '王清宪')).toBe(true);
    expect(sp.slice(14).every((s) => s === '孙正东')).toBe(true);
    expect(r.speakers).toEqual([
      { name: '韩俊', title: '省委书记' },
      { name: '王清宪', title: '省委副书记、省长' },
      { name: '孙正东', title: '市委书记' },
    ]);
  });

  it('puts the six 下功夫 items under 要以更大力度创建国家创新型城市', () => {
    const parent = r.directives.find((d) => d.heading === '以更大力度创建国家创新型城市');
    expect(parent).toBeDefined();
    expect(parent!.measures).toEqual([]);
    const children = r.directives.filter((d) => d.parentId === parent!.id);
    expect(children).toHaveLength(6);
    expect(children.every((d) => d.kind === 'xia-gongfu' && d.heading.endsWith('上下功夫'))).toBe(true);
    expect(children[0]!.heading).toBe('在增强科技综合实力和产业竞争力上下功夫');
    expect(children[5]!.measures).toHaveLength(5);
  });

  it('keeps frames with their clause and quotes inside measures', () => {
    const wang = r.directives.find((d) => d.heading === '深入学习贯彻习近平总书记重要讲话重要指示精神');
    expect(wang!.measures).toEqual([
      '按照省委部署要求,围绕推进创新型省份建设狠抓工作落实',
      '着力在深化科技和产业创新上当先锋',
    ]);
    const tech = r.directives.find((d) => d.heading === '在关键核心技术攻关上敢打头阵');
    expect(tech!.kind).toBe('zai-shang');
    expect(tech!.measures[0]).toBe('坚持“四个面向”');
  });

  it('finds meeting hints', () => {
    expect(r.meeting).toEqual({
      title: '全省深入推进创新型省份建设加快打造科技创新策源地工作会议',
      date: '2023-04-24',
      place: '合肥',
      source: '阜阳日报',
    });
    expect(r.warnings).toEqual([]);
  });

  it('suggests lead units from the keyword table', () => {
    const talent = r.directives.find((d) => d.heading === '在建设创新人才高地上走在前列');
    expect(talent!.suggestedLeadUnit).toBe('省委组织部');
    const lab = r.directives.find((d) => d.heading === '在服务构建国家战略科技力量上勇挑重担');
    expect(lab!.suggestedLeadUnit).toBe('省科技厅');
  });
});
