import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../src/api/client';
import { api } from '../../../src/domain/contract';
import { ReviewReportPage } from '../../../src/features/review';
import { renderRoute } from '../../test-utils';

const routes = [
  { path: '/review/report', element: <ReviewReportPage /> },
  { path: '*', element: <div>other page</div> },
];

describe('ReviewReportPage', () => {
  it('writes the summary from the data, in Chinese', async () => {
    const r = await call(api.review, { query: { quarter: '2024Q1' } });
    renderRoute(routes, '/review/report?quarter=2024Q1');
    const summary = await screen.findByTestId('report-summary', {}, { timeout: 5000 });
    const pp = Math.round((r.kpis.completionRate - r.previous!.completionRate) * 10) / 10;
    const change =
      pp > 0 ? `较上季度提高 ${pp} 个百分点` : pp < 0 ? `较上季度下降 ${-pp} 个百分点` : '与上季度持平';
    expect(summary.textContent).toContain(
      `2024年第一季度，纳入考核任务 ${r.kpis.total} 项，完成 ${r.kpis.done} 项，完成率 ${r.kpis.completionRate}%，${change}；按期完成率 ${r.kpis.onTimeRate}%`,
    );
    expect(summary.textContent).toContain(`平均得分 ${r.kpis.averageScore} 分`);
    expect(screen.getByText('省委督查室')).toBeInTheDocument();
    expect(screen.getByText('（未发布稿）')).toBeInTheDocument();
  });

  it('has the English equivalent', async () => {
    const r = await call(api.review, { query: { quarter: '2023Q4' } });
    renderRoute(routes, '/review/report?quarter=2023Q4', { lang: 'en' });
    const summary = await screen.findByTestId('report-summary', {}, { timeout: 5000 });
    expect(summary.textContent).toMatch(
      new RegExp(
        `^In Q4 2023, ${r.kpis.total} tasks were assessed and ${r.kpis.done} completed, a completion rate of ${r.kpis.completionRate}%`,
      ),
    );
    expect(screen.queryByText('(unpublished draft)')).not.toBeInTheDocument();
  });

  it('prints the ranking with ratings and the overdue list, without screen tools', async () => {
    const r = await call(api.review, { query: { quarter: '2024Q1' } });
    const list = await call(api.assessments, { query: { quarter: '2024Q1' } });
    renderRoute(routes, '/review/report?quarter=2024Q1');
    const ranking = await screen.findByRole('table', { name: '单位得分排名表' }, { timeout: 5000 });
    expect(within(ranking).getAllByRole('row')).toHaveLength(list.items.length + 1);
    expect(within(ranking).queryByRole('button')).not.toBeInTheDocument();
    const overdue = screen.getByRole('table', { name: '四、逾期任务' });
    expect(within(overdue).getAllByRole('row')).toHaveLength(Math.min(50, r.overdue.total) + 1);
    await waitFor(() => expect(screen.getAllByRole('figure')).toHaveLength(5), { timeout: 8000 });
    expect(screen.queryByRole('button', { name: '显示数据表' })).not.toBeInTheDocument();
  });

  it('prints from the browser', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderRoute(routes, '/review/report?quarter=2024Q1');
    await screen.findByTestId('report-summary', {}, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: /打印 \/ 存为 PDF/ }));
    expect(print).toHaveBeenCalledOnce();
  });
});
