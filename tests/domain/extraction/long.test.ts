// @vitest-environment node
// Long texts (speeches, a work-report section, a multi-speaker meeting report) written for this
// project and hand-annotated by the corpus conventions; see long/build.mjs for the source format.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { expectSpansExact } from './helpers';
import { type GoldText, scoreText } from './score';

const files = import.meta.glob<GoldText>('./long/*.json', { eager: true, import: 'default' });
const golds = Object.keys(files)
  .sort()
  .map((k) => files[k]!);
const byId = (prefix: string) => golds.find((g) => g.id.startsWith(prefix))!;

describe('long texts', () => {
  it('are all present and long', () => {
    expect(golds.length).toBeGreaterThanOrEqual(16);
    for (const g of golds) expect(g.text.length).toBeGreaterThan(700);
    expect(golds.reduce((n, g) => n + g.text.length, 0)).toBeGreaterThan(24_000);
  });

  it.each(golds.map((g) => [g.id, g] as const))('%s meets the per-text floors', (_id, g) => {
    const r = extract(g.text);
    expectSpansExact(g.text, r);
    const s = scoreText(g, r);
    expect({ id: g.id, missed: s.missed, extra: s.extra }).toEqual({ id: g.id, missed: [], extra: [] });
    expect(s.headingF1).toBeGreaterThanOrEqual(0.95);
    expect(s.measureF1).toBeGreaterThanOrEqual(0.9);
    expect(s.speaker).toBeGreaterThanOrEqual(0.95);
  });

  it('a speech titled with its author gives every directive to the author', () => {
    const r = extract(byId('long-04').text);
    expect(new Set(r.directives.map((d) => d.speaker))).toEqual(new Set(['李国栋']));
  });

  it('a work-report section has no speaker', () => {
    const r = extract(byId('long-02').text);
    expect(r.directives.length).toBeGreaterThan(5);
    expect(r.directives.every((d) => d.speaker === null)).toBe(true);
  });

  it('the speaker switches where a second speech begins', () => {
    const r = extract(byId('long-06').text);
    const sp = r.directives.map((d) => d.speaker);
    const firstLiu = sp.indexOf('刘文斌');
    expect(firstLiu).toBeGreaterThan(0);
    expect(sp.slice(0, firstLiu).every((s) => s === '王振华')).toBe(true);
    expect(sp.slice(firstLiu).every((s) => s === '刘文斌')).toBe(true);
  });

  it('a news report follows the person named at the start of each paragraph', () => {
    const r = extract(byId('long-03').text);
    const order = r.directives.map((d) => d.speaker).filter((s, i, a) => i === 0 || a[i - 1] !== s);
    expect(order).toEqual(['陈建华', '刘春梅', '周敏', '王涛', '陈建华', null]);
  });

  it('assessments (要清醒看到…) and conditional subjects are not directives', () => {
    const heads = extract(byId('long-01').text).directives.map((d) => d.heading);
    expect(heads.some((h) => h.includes('看到'))).toBe(false);
    expect(heads.some((h) => h.includes('实现这个目标'))).toBe(false);
  });
});
