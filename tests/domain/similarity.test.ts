import { describe, expect, it } from 'vitest';
import { CITY_MEETING_ID, PROVINCE_MEETING_ID, seedDirectives } from '../../mocks/seed/build-seed';
import {
  bigramsOf,
  buildIndex,
  compare,
  evaluate,
  type Match,
  rank,
  segments,
} from '../../src/domain/similarity';

/** The pairs judged right in docs/alignment.md (city directive → provincial directives it carries out). */
const SEED_GOLD: Record<string, string[]> = {
  'd-15': ['d-01', 'd-02', 'd-09', 'd-11'],
  'd-16': ['d-09'],
  'd-17': ['d-05', 'd-06', 'd-13'],
  'd-18': ['d-07', 'd-14'],
  'd-19': ['d-08'],
  'd-21': ['d-08', 'd-14'],
  'd-22': ['d-10'],
};

const directives = seedDirectives();
const index = buildIndex(directives);
const province = directives.filter((d) => d.meetingId === PROVINCE_MEETING_ID).map((d) => d.id);
const city = directives.filter((d) => d.meetingId === CITY_MEETING_ID).map((d) => d.id);
const rankings = new Map<string, Match[]>(city.map((id) => [id, rank(index, id, province)]));
const ids = (id: string) => rankings.get(id)!.map((m) => m.id);

describe('segments and bigrams', () => {
  it('cuts out the rhetorical frame and set phrases, keeping the topic', () => {
    expect(segments('在提升创新要素集聚能力上下功夫')).toEqual(['创新要素集聚能力']);
    expect(segments('在建设创新人才高地上走在前列')).toEqual(['创新人才高地']);
    expect(segments('深入学习贯彻习近平总书记重要讲话重要指示精神')).toEqual([]);
  });
  it('never builds a bigram across a particle or punctuation', () => {
    expect(bigramsOf('科技、人才的创新')).toEqual(['科技', '人才', '创新']);
  });
});

describe('ranking on the seed', () => {
  it('ranks 在建设创新人才高地上走在前列 near the top for 在提升创新要素集聚能力上下功夫, with 人才 as a reason', () => {
    const top = rankings.get('d-18')!.slice(0, 3);
    expect(top.map((m) => m.id)).toContain('d-07');
    const d07 = top.find((m) => m.id === 'd-07')!;
    expect(d07.terms).toContain('人才');
  });

  it.each([
    ['d-17', 'd-05'],
    ['d-19', 'd-08'],
    ['d-22', 'd-10'],
    ['d-16', 'd-09'],
  ])('%s → %s first', (lower, higher) => {
    expect(ids(lower)[0]).toBe(higher);
  });

  it('shows the shared words as the reason: 科技投入 for 在加大科技投入上下功夫', () => {
    expect(compare(index, 'd-19', 'd-08').terms[0]).toBe('科技投入');
  });

  it('scores the judged pairs well: MRR 1.0, a right answer in the top 3 for every query', () => {
    const m = evaluate(rankings, SEED_GOLD, 3);
    expect(m.queries).toBe(7);
    expect(m.mrr).toBe(1);
    expect(m.hitsAtK).toBe(1);
    expect(m.pairRecallAtK).toBeGreaterThanOrEqual(0.75);
  });

  it('is deterministic and symmetric in score', () => {
    expect(compare(index, 'd-18', 'd-07').score).toBe(compare(index, 'd-07', 'd-18').score);
    expect(rank(index, 'd-18', province)).toEqual(rankings.get('d-18'));
  });

  it('a directive compared with an unknown id scores 0', () => {
    expect(compare(index, 'd-18', 'nope')).toEqual({ id: 'nope', score: 0, terms: [] });
  });
});

describe('evaluate', () => {
  it('computes MRR, hits@k and pair recall@k', () => {
    const r = new Map<string, Match[]>([
      [
        'a',
        [
          { id: 'x', score: 1, terms: [] },
          { id: 'y', score: 0.5, terms: [] },
        ],
      ],
      ['b', [{ id: 'z', score: 1, terms: [] }]],
    ]);
    expect(evaluate(r, { a: ['y'], b: ['q'] }, 1)).toEqual({
      mrr: 0.25,
      hitsAtK: 0,
      pairRecallAtK: 0,
      queries: 2,
    });
    expect(evaluate(r, { a: ['x', 'y'] }, 2)).toEqual({ mrr: 1, hitsAtK: 1, pairRecallAtK: 1, queries: 1 });
  });
});
