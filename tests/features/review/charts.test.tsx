import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { call } from '../../../src/api/client';
import { api } from '../../../src/domain/contract';
import { ReviewPage } from '../../../src/features/review';
import { renderRoute } from '../../test-utils';

const routes = [{ path: '/review', element: <ReviewPage /> }];

async function figure(name: string) {
  return screen.findByRole('figure', { name: new RegExp(name) }, { timeout: 8000 });
}
/** Direct labels drawn in the chart's SVG (recharts LabelList). */
const chartLabels = (fig: HTMLElement) =>
  [...fig.querySelectorAll('.recharts-label-list text')].map((e) => e.textContent ?? '').filter(Boolean);

describe('review charts', () => {
  it('each chart is a named figure with export buttons named by the chart', async () => {
    renderRoute(routes, '/review?quarter=2024Q1');
    for (const name of [
      '单位得分排名',
      '各部署完成情况',
      '预警分布',
      '得分与完成率趋势',
      '按讲话人的推进情况',
    ]) {
      const fig = await figure(name);
      expect(within(fig).getByRole('button', { name: `导出 PNG：「${name}」` })).toBeInTheDocument();
      expect(fig.dataset.file).toMatch(/^季度考核_2024Q1_/);
    }
  });

  it('the warnings table shows the numbers the bars are labelled with, and those of the API', async () => {
    const review = await call(api.review, { query: { quarter: '2024Q1' } });
    renderRoute(routes, '/review?quarter=2024Q1');
    const fig = await figure('预警分布');
    await waitFor(() => expect(chartLabels(fig).length).toBe(5));
    const drawn = chartLabels(fig).map(Number);
    await userEvent.click(within(fig).getByRole('button', { name: '显示数据表' }));
    const table = within(fig).getByRole('table', { name: '预警分布' });
    const rows = within(table).getAllByRole('row').slice(1);
    const tabled = rows.map((r) => Number(within(r).getAllByRole('cell')[0]!.textContent));
    expect(tabled).toEqual(drawn);
    expect(tabled).toEqual(
      ['overdue', 'due-soon', 'behind', 'not-reported', 'normal'].map((k) => review.warnings[k]),
    );
    expect(within(fig).getByRole('button', { name: '隐藏数据表' })).toHaveAttribute('aria-pressed', 'true');
    // The chart stays beside its table.
    expect(fig.querySelector('svg.recharts-surface')).toBeVisible();
  });

  it('the ranking table lists the units and scores the bars show', async () => {
    const list = await call(api.assessments, { query: { quarter: '2024Q1' } });
    renderRoute(routes, '/review?quarter=2024Q1');
    const fig = await figure('单位得分排名');
    await waitFor(() => expect(chartLabels(fig).length).toBe(list.items.length));
    const drawn = chartLabels(fig);
    await userEvent.click(within(fig).getByRole('button', { name: '显示数据表' }));
    const rows = within(within(fig).getByRole('table')).getAllByRole('row').slice(1);
    const tabled = rows.map((r) => {
      const cells = within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
      return `${cells[1]} ${cells[2]}`;
    });
    expect(tabled).toEqual(drawn);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
      list.items.map((i) => i.unitName),
    );
  });

  it('the directive table carries the counts of the stacked bars', async () => {
    const review = await call(api.review, { query: { quarter: '2024Q1' } });
    renderRoute(routes, '/review?quarter=2024Q1');
    const fig = await figure('各部署完成情况');
    // The completion rate labels each row at its end (a right-hand category axis), in row order.
    const rates = () =>
      [...fig.querySelectorAll('.recharts-yAxis-tick-labels text')]
        .map((e) => e.textContent ?? '')
        .filter((s) => s.endsWith('%'));
    await waitFor(() => expect(rates()).toEqual(review.byDirective.map((d) => `${d.completionRate}%`)));
    await userEvent.click(within(fig).getByRole('button', { name: '显示数据表' }));
    const rows = within(within(fig).getByRole('table')).getAllByRole('row').slice(1);
    const counts = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .slice(1, 5)
        .map((c) => Number(c.textContent)),
    );
    expect(counts).toEqual(review.byDirective.map((d) => [d.total, d.done, d.inProgress, d.overdue]));
  });
});
