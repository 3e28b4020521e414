import { describe, expect, it } from 'vitest';
import { buildSeedDb, DEMO_TODAY } from '../../mocks/seed/build-seed';
import {
  DEFAULT_SCHEME,
  ranks,
  ratingFor,
  type ScoringReport,
  type ScoringScheme,
  type ScoringTask,
  schemeProblems,
  scoreQuarter,
} from '../../src/domain/scoring';

const Q = '2024Q1';
const AFTER = '2024-05-20';

function task(over: Partial<ScoringTask> & { id: string }): ScoringTask {
  return {
    leadUnitId: 'lead',
    coUnitIds: [],
    startDate: '2023-12-01',
    deadline: '2024-06-30',
    status: 'in-progress',
    closedAt: null,
    ...over,
  };
}
const closedAt = (d: string) => `${d}T10:00:00+08:00`;
/** Monthly reports for every period of the quarter, so only the rule under test fires. */
const reportsFor = (taskId: string, periods = ['2024-01', '2024-02', '2024-03']): ScoringReport[] =>
  periods.map((period) => ({
    taskId,
    period,
    submittedAt: `${period}-20T09:00:00+08:00`,
    reviewState: 'accepted',
    reviewedAt: null,
  }));

function unit(scores: ReturnType<typeof scoreQuarter>, id: string) {
  const s = scores.find((x) => x.unitId === id);
  if (!s) throw new Error(`unit ${id} not scored`);
  return { ...s, rules: s.breakdown.map((b) => [b.ruleId, b.points]) };
}

describe('scoreQuarter: one rule at a time', () => {
  it.each<[string, ScoringTask[], ScoringReport[], string, [string, number][], number]>([
    [
      'a task on track with every report: base only',
      [task({ id: 'a' })],
      reportsFor('a'),
      'lead',
      [['base', 100]],
      100,
    ],
    [
      'overdue at quarter end: −5 for the lead unit',
      [task({ id: 'a', deadline: '2024-02-15', coUnitIds: ['co'] })],
      reportsFor('a'),
      'lead',
      [
        ['base', 100],
        ['overdue-lead', -5],
      ],
      95,
    ],
    [
      'overdue: −2.5 for each cooperating unit',
      [task({ id: 'a', deadline: '2024-02-15', coUnitIds: ['co'] })],
      reportsFor('a'),
      'co',
      [
        ['base', 100],
        ['overdue-co', -2.5],
      ],
      97.5,
    ],
    [
      'closed late inside the quarter still counts as overdue',
      [task({ id: 'a', deadline: '2023-12-31', status: 'closed', closedAt: closedAt('2024-01-10') })],
      [],
      'lead',
      [
        ['base', 100],
        ['overdue-lead', -5],
      ],
      95,
    ],
    [
      'closed on its deadline: no deduction, no bonus',
      [task({ id: 'a', deadline: '2024-01-31', status: 'closed', closedAt: closedAt('2024-01-31') })],
      reportsFor('a', []),
      'lead',
      [['base', 100]],
      100,
    ],
    [
      'suspended tasks lose nothing for lateness or reports',
      [task({ id: 'a', deadline: '2024-01-15', status: 'suspended' })],
      [],
      'lead',
      [['base', 100]],
      100,
    ],
    [
      'a missing monthly report: −1 per month',
      [task({ id: 'a' })],
      reportsFor('a', ['2024-02']),
      'lead',
      [
        ['base', 100],
        ['missing-report', -1],
        ['missing-report', -1],
      ],
      98,
    ],
    [
      'a report sent back inside the quarter: −1',
      [task({ id: 'a' })],
      [
        ...reportsFor('a'),
        {
          taskId: 'a',
          period: '2024-02',
          submittedAt: '2024-02-10T09:00:00+08:00',
          reviewState: 'returned',
          reviewedAt: '2024-02-12T09:00:00+08:00',
        },
      ],
      'lead',
      [
        ['base', 100],
        ['returned-report', -1],
      ],
      99,
    ],
    [
      'closed at least 7 days early: +2',
      [task({ id: 'a', deadline: '2024-03-31', status: 'closed', closedAt: closedAt('2024-03-24') })],
      reportsFor('a', ['2024-01', '2024-02']),
      'lead',
      [
        ['base', 100],
        ['early', 2],
      ],
      102,
    ],
    [
      'closed 6 days early: no bonus',
      [task({ id: 'a', deadline: '2024-03-31', status: 'closed', closedAt: closedAt('2024-03-25') })],
      reportsFor('a', ['2024-01', '2024-02']),
      'lead',
      [['base', 100]],
      100,
    ],
  ])('%s', (_name, tasks, reports, unitId, rules, score) => {
    const s = unit(scoreQuarter(Q, tasks, reports, AFTER), unitId);
    expect(s.rules).toEqual(rules);
    expect(s.score).toBe(score);
  });

  it('names the task and the reason of every point', () => {
    const s = unit(
      scoreQuarter(Q, [task({ id: 'T-9', deadline: '2024-02-15' })], reportsFor('T-9'), AFTER),
      'lead',
    );
    expect(s.breakdown[1]).toEqual({
      ruleId: 'overdue-lead',
      taskId: 'T-9',
      points: -5,
      note: '逾期 45 天',
      days: 45,
    });
  });

  it('ignores a task closed before the quarter and one not yet started', () => {
    const scores = scoreQuarter(
      Q,
      [
        task({
          id: 'old',
          leadUnitId: 'old',
          deadline: '2023-11-30',
          status: 'closed',
          closedAt: closedAt('2023-12-20'),
        }),
        task({ id: 'new', leadUnitId: 'new', startDate: '2024-04-02' }),
      ],
      [],
      AFTER,
    );
    expect(scores).toEqual([]);
  });

  it('a running quarter counts only what has happened by today', () => {
    const scores = scoreQuarter('2024Q2', [task({ id: 'a', deadline: '2024-06-30' })], [], '2024-05-20');
    expect(
      unit(scores, 'lead')
        .breakdown.filter((b) => b.ruleId === 'missing-report')
        .map((b) => b.period),
    ).toEqual(['2024-04']);
  });
});

describe('caps, adjustment and bands', () => {
  const early = (id: string) =>
    task({ id, deadline: '2024-03-31', status: 'closed', closedAt: closedAt('2024-02-01') });
  const four = ['a', 'b', 'c', 'd'].map(early);
  const reports = four.flatMap((t) => reportsFor(t.id, ['2024-01']));

  it('cuts bonuses back to the bonus cap, keeping each bonus listed', () => {
    const s = unit(scoreQuarter(Q, four, reports, AFTER), 'lead');
    expect(s.rules).toEqual([
      ['base', 100],
      ['early', 2],
      ['early', 2],
      ['early', 2],
      ['early', 2],
      ['bonus-cap', -2],
    ]);
    expect(s.score).toBe(106);
  });

  it('adds an adjustment with its reason and clamps it to the limit', () => {
    const adj = new Map([['lead', { points: 9, reason: '主动攻坚' }]]);
    const s = unit(scoreQuarter(Q, [task({ id: 'a' })], reportsFor('a'), AFTER, DEFAULT_SCHEME, adj), 'lead');
    expect(s.breakdown.at(-1)).toEqual({ ruleId: 'adjustment', taskId: null, points: 5, note: '主动攻坚' });
    expect(s.score).toBe(105);
  });

  it('scores a unit that has only an adjustment', () => {
    const adj = new Map([['solo', { points: -3, reason: '材料弄虚作假' }]]);
    expect(unit(scoreQuarter(Q, [], [], AFTER, DEFAULT_SCHEME, adj), 'solo').score).toBe(97);
  });

  it('clamps the total at the maximum', () => {
    const adj = new Map([['lead', { points: 5, reason: '表彰' }]]);
    const s = unit(scoreQuarter(Q, four, reports, AFTER, DEFAULT_SCHEME, adj), 'lead');
    expect(s.rules.at(-1)).toEqual(['cap', -1]);
    expect(s.score).toBe(110);
  });

  it('clamps the total at the minimum', () => {
    const harsh: ScoringScheme = { ...DEFAULT_SCHEME, overdueLead: -60 };
    const late = [task({ id: 'a', deadline: '2024-01-31' }), task({ id: 'b', deadline: '2024-01-31' })];
    const s = unit(scoreQuarter(Q, late, [...reportsFor('a'), ...reportsFor('b')], AFTER, harsh), 'lead');
    expect(s.rules.at(-1)).toEqual(['cap', 20]);
    expect(s.score).toBe(0);
    expect(s.rating).toBe('poor');
  });

  it.each([
    [110, 'excellent'],
    [95, 'excellent'],
    [94.9, 'good'],
    [85, 'good'],
    [84.9, 'fair'],
    [70, 'fair'],
    [69.9, 'poor'],
  ] as const)('score %s is rated %s', (score, rating) => {
    expect(ratingFor(score)).toBe(rating);
  });

  it('follows an edited scheme', () => {
    const scheme: ScoringScheme = {
      ...DEFAULT_SCHEME,
      overdueLead: -10,
      bands: { excellent: 99, good: 90, fair: 80 },
    };
    const s = unit(
      scoreQuarter(Q, [task({ id: 'a', deadline: '2024-02-15' })], reportsFor('a'), AFTER, scheme),
      'lead',
    );
    expect(s.score).toBe(90);
    expect(s.rating).toBe('good');
  });

  it('refuses schemes that cannot work', () => {
    expect(schemeProblems(DEFAULT_SCHEME)).toEqual([]);
    const bad = { ...DEFAULT_SCHEME, min: 120, bands: { excellent: 80, good: 85, fair: 70 }, overdueCo: -8 };
    expect(
      schemeProblems(bad)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['bands', 'base', 'max', 'overdueCo']);
  });

  it('ranks ties together', () => {
    expect(ranks([{ score: 100 }, { score: 98 }, { score: 98 }, { score: 90 }])).toEqual([1, 2, 2, 4]);
  });
});

describe('the seed', () => {
  it('scores every closed quarter, all published but the latest', () => {
    const db = buildSeedDb(DEMO_TODAY);
    const byQuarter = new Map<string, typeof db.assessments>();
    for (const a of db.assessments) byQuarter.set(a.quarter, [...(byQuarter.get(a.quarter) ?? []), a]);
    expect([...byQuarter.keys()]).toEqual(['2023Q2', '2023Q3', '2023Q4', '2024Q1']);
    expect(byQuarter.get('2023Q4')!.every((a) => a.published)).toBe(true);
    expect(byQuarter.get('2024Q1')!.every((a) => !a.published)).toBe(true);
    for (const a of db.assessments)
      expect(a.breakdown.reduce((s, b) => s + b.points, 0)).toBeCloseTo(a.score, 5);
  });
});
