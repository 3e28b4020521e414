// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { SEED_ARTICLE } from '../../../src/domain/extraction/fixtures/seed-article';
import { expectSpansExact, prng } from './helpers';

const ALPHABET = Array.from(
  '要在上下功夫是一二三四五第，,；;。：:、“”"（）()\n 各部门全市强调指出会议他她韩俊的了将望',
);

function check(text: string) {
  const r = extract(text);
  expect(Array.isArray(r.directives)).toBe(true);
  expect(Array.isArray(r.warnings)).toBe(true);
  expectSpansExact(text, r);
  return r;
}

describe('robustness', () => {
  it('random Unicode never throws and spans stay exact', () => {
    const rnd = prng(42);
    for (let n = 0; n < 200; n++) {
      const len = Math.floor(rnd() * 400);
      let s = '';
      for (let i = 0; i < len; i++) {
        const r = rnd();
        if (r < 0.6) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
        else if (r < 0.9) s += String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5000));
        else s += String.fromCharCode(Math.floor(rnd() * 0x10000)); // includes lone surrogates
      }
      check(s);
    }
  });

  it('random bytes decoded leniently never throw', () => {
    const rnd = prng(7);
    for (let n = 0; n < 100; n++) {
      const bytes = new Uint8Array(Math.floor(rnd() * 2000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
      check(new TextDecoder('utf-8').decode(bytes));
    }
  });

  it('mutated seed article keeps spans exact', () => {
    const rnd = prng(99);
    for (let n = 0; n < 60; n++) {
      const chars = Array.from(SEED_ARTICLE);
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(rnd() * chars.length);
        const op = rnd();
        if (op < 0.4) chars.splice(at, 1);
        else if (op < 0.8) chars.splice(at, 0, ALPHABET[Math.floor(rnd() * ALPHABET.length)]!);
        else chars[at] = '要';
      }
      check(chars.join(''));
    }
  });

  it('5 MB of 要 completes', () => {
    const r = check('要'.repeat(5 * 1024 * 1024));
    expect(r.directives.length).toBeLessThanOrEqual(1);
  });

  it('text with no punctuation, unbalanced quotes, a lone 要 at the end', () => {
    check('要加强领导落实责任推动发展'.repeat(2000));
    check('要坚持“四个面向，聚焦重点领域；要推动“科大硅谷建设。'.repeat(100));
    check('”要加强”领导“，“要”');
    check('要加强组织领导，落实责任。要');
    check('要');
    check('（一）');
    check('一、\n（一）\n1．\n第一，');
  });

  it('empty and whitespace input give a warning, not an exception', () => {
    expect(extract('').warnings).toEqual(['empty text']);
    expect(extract(' \n\u3000\t').warnings).toEqual(['empty text']);
    expect(extract(undefined as unknown as string).directives).toEqual([]);
    expect(extract('要加强领导。', null as unknown as undefined).directives).toHaveLength(1);
    expect(
      extract('要加强领导。', { unitKeywords: [null, { keyword: 1 }] as never }).directives,
    ).toHaveLength(1);
  });
});
