import type { ExtractionResult } from '../../../src/domain/extraction';

/** Every span lies inside the text and slices exactly to its heading/measure. */
export function expectSpansExact(text: string, r: ExtractionResult): void {
  for (const d of r.directives) {
    const [hs, he] = d.headingSpan;
    if (!(hs >= 0 && hs <= he && he <= text.length)) throw new Error(`heading span out of range: ${d.id}`);
    if (text.slice(hs, he) !== d.heading) throw new Error(`heading span mismatch: ${d.id}`);
    if (d.measureSpans.length !== d.measures.length) throw new Error(`measure count mismatch: ${d.id}`);
    d.measureSpans.forEach(([s, e], i) => {
      if (!(s >= 0 && s <= e && e <= text.length)) throw new Error(`measure span out of range: ${d.id}`);
      if (text.slice(s, e) !== d.measures[i]) throw new Error(`measure span mismatch: ${d.id}#${i}`);
    });
  }
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
