import { describe, expect, it } from 'vitest';
import type { AssessmentList, Review } from '../../../src/domain/contract';
import { summaryText } from '../../../src/features/review/report-summary';
import { translate } from '../../../src/i18n';

const kpis = (completionRate: number, overdue: number) => ({
  total: 40,
  done: 12,
  onTime: 9,
  due: 20,
  inProgress: 40 - 12 - overdue,
  overdue,
  completionRate,
  onTimeRate: 45,
  averageScore: 96.3,
  scoredUnits: 2,
});
function review(cur: number, prev: number | null, overdue = 3, sentBack = 2): Review {
  return {
    quarter: '2024Q1',
    level: 'all',
    state: 'published',
    publishedAt: null,
    asOf: '2024-03-31',
    kpis: kpis(cur, overdue),
    previous: prev === null ? null : { ...kpis(prev, 1), quarter: '2023Q4' },
    byUnit: [],
    byDirective: [],
    bySpeaker: [],
    byMeeting: [],
    warnings: {},
    trend: [],
    overdue: { total: overdue, items: [] },
    sentBack: { total: sentBack, items: [] },
  };
}
const unit = (unitName: string, score: number, rating: 'excellent' | 'good') => ({
  unitId: unitName,
  unitName,
  level: 'province-dept' as const,
  rank: 1,
  score,
  rating,
  previousScore: null,
  adjustment: null,
  breakdown: [],
});
const list: AssessmentList = {
  quarter: '2024Q1',
  level: 'all',
  state: 'published',
  publishedAt: null,
  asOf: '2024-03-31',
  adjustmentLimit: 5,
  items: [unit('省科技厅', 101, 'excellent'), unit('省财政厅', 91.6, 'good')],
};
const zh = (r: Review) => summaryText((k, v) => translate('zh', k, v), 'zh', r, list);

describe('summaryText', () => {
  it('writes the quarter, counts, rate and its rise in percentage points', () => {
    expect(zh(review(30, 23.7))).toBe(
      '2024年第一季度，纳入考核任务 40 项，完成 12 项，完成率 30%，较上季度提高 6.3 个百分点；按期完成率 45%；季度末逾期任务 3 项，退回进展报告 2 份。2 个单位参加考核，平均得分 96.3 分，省科技厅得分最高（101 分）；评级为“好”的 1 个、“较好” 1 个、“一般” 0 个、“差” 0 个。',
    );
  });

  it('says a fall, no change, or nothing for the first quarter', () => {
    expect(zh(review(20, 25.5))).toContain('完成率 20%，较上季度下降 5.5 个百分点；');
    expect(zh(review(20, 20))).toContain('完成率 20%，与上季度持平；');
    expect(zh(review(20, null))).toContain('完成率 20%；按期完成率');
  });

  it('says so when nothing is overdue and nothing was sent back', () => {
    expect(zh(review(20, 20, 0, 0))).toContain('；季度末无逾期任务。');
  });

  it('has an English equivalent', () => {
    expect(summaryText((k, v) => translate('en', k, v), 'en', review(30, 23.7), list)).toMatch(
      /^In Q1 2024, 40 tasks were assessed and 12 completed, a completion rate of 30%, up 6.3 percentage points on the previous quarter; the on-time rate was 45%/,
    );
  });
});
