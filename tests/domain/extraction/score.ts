// The matching rules of ../shared/corpus/score.mjs, so that vitest can assert the same numbers:
// spaces, punctuation, ordinal markers and a leading 要 are ignored; a pair matches when equal, or
// when the shorter is inside the longer and is at least 80 % of its length.
import type { ExtractionResult } from '../../../src/domain/extraction';

export interface GoldDirective {
  speaker: string | null;
  heading: string;
  measures: string[];
}
export interface GoldText {
  id: string;
  title: string;
  text: string;
  directives: GoldDirective[];
}
export interface Score {
  headingF1: number;
  measureF1: number;
  speaker: number;
  missed: string[];
  extra: string[];
}

const ORDINAL =
  /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])/;
const PUNCT = /[\s\u3000\u2003，,。.;；:：、“”"'‘’《》〈〉()（）!！?？—\-…·]/g;
const norm = (s: string) => s.replace(PUNCT, '').replace(ORDINAL, '').replace(/^要/, '');

export function same(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return l.includes(s) && s.length / l.length >= 0.8;
}

function pairs<G, P>(gold: G[], pred: P[], kg: (g: G) => string, kp: (p: P) => string): [G, P][] {
  const used = new Set<number>();
  const out: [G, P][] = [];
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !used.has(k) && same(kg(g), kp(p)));
    if (j >= 0) {
      used.add(j);
      out.push([g, pred[j]!]);
    }
  }
  return out;
}

const f1 = (m: number, g: number, p: number) => (g + p === 0 ? 1 : (2 * m) / (g + p));

export function scoreText(gold: GoldText, r: ExtractionResult): Score {
  const pred = r.directives;
  const hp = pairs(
    gold.directives,
    pred,
    (g) => g.heading,
    (p) => p.heading,
  );
  let mm = 0;
  let sp = 0;
  for (const [g, p] of hp) {
    mm += pairs(
      g.measures,
      p.measures,
      (x) => x,
      (x) => x,
    ).length;
    if (g.speaker === p.speaker) sp++;
  }
  const gm = gold.directives.reduce((n, d) => n + d.measures.length, 0);
  const pm = pred.reduce((n, d) => n + d.measures.length, 0);
  const hitG = new Set(hp.map(([g]) => g));
  const hitP = new Set(hp.map(([, p]) => p));
  return {
    headingF1: f1(hp.length, gold.directives.length, pred.length),
    measureF1: f1(mm, gm, pm),
    speaker: hp.length ? sp / hp.length : 0,
    missed: gold.directives.filter((g) => !hitG.has(g)).map((g) => g.heading),
    extra: pred.filter((p) => !hitP.has(p)).map((p) => p.heading),
  };
}
