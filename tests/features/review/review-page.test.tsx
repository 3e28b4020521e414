import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { call } from '../../../src/api/client';
import { api } from '../../../src/domain/contract';
import { ReviewPage } from '../../../src/features/review';
import { renderRoute } from '../../test-utils';

const routes = [
  { path: '/review', element: <ReviewPage /> },
  { path: '*', element: <div>other page</div> },
];
const kpi = (key: string) => document.querySelector(`[data-kpi="${key}"] .review-kpi__value`)?.textContent;

async function ranking() {
  return screen.findByRole('table', { name: '单位得分排名表' }, { timeout: 5000 });
}

describe('ReviewPage', () => {
  it('opens on the latest closed quarter with its KPIs and ranking', async () => {
    const expected = await call(api.review, { query: { quarter: '2024Q1' } });
    renderRoute(routes, '/review');
    await ranking();
    expect(screen.getByTestId('quarter-select')).toHaveValue('2024Q1');
    expect(kpi('total')).toBe(String(expected.kpis.total));
    expect(kpi('completionRate')).toBe(`${expected.kpis.completionRate}%`);
    expect(screen.getByText(/尚未发布：得分按当前数据实时计算/)).toBeInTheDocument();
  });

  it('switching the quarter updates the URL and the numbers', async () => {
    const q4 = await call(api.review, { query: { quarter: '2023Q4' } });
    const { router } = renderRoute(routes, '/review?quarter=2024Q1');
    await ranking();
    await userEvent.selectOptions(screen.getByTestId('quarter-select'), '2023Q4');
    await waitFor(() => expect(router.state.location.search).toContain('quarter=2023Q4'));
    await waitFor(() => expect(kpi('total')).toBe(String(q4.kpis.total)));
    expect(screen.getByText(/已于 .* 发布，得分已固定/)).toBeInTheDocument();
  });

  it('narrows to a unit level through the URL', async () => {
    const { router } = renderRoute(routes, '/review?quarter=2024Q1');
    const table = await ranking();
    await userEvent.selectOptions(screen.getByLabelText('单位层级'), 'city');
    await waitFor(() => expect(router.state.location.search).toContain('level=city'));
    await waitFor(() => expect(within(table).queryByText('省科技厅')).not.toBeInTheDocument());
    expect(within(table).getAllByText('市直部门').length).toBeGreaterThan(0);
  });

  it("opens a unit's breakdown with each point's rule and task", async () => {
    renderRoute(routes, '/review?quarter=2024Q1');
    await ranking();
    await userEvent.click(screen.getByRole('button', { name: '查看 省科技厅 的得分明细' }));
    const dialog = await screen.findByRole('dialog', { name: /省科技厅 · 2024年第一季度 得分明细/ });
    expect(within(dialog).getByText('基础分', { selector: 'td' })).toBeInTheDocument();
    const links = within(dialog).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^\/ledger\/T-\d{4}$/));
    expect(links[0]?.textContent).toMatch(/^DB-2023-\d{4} /);
  });

  it('opens a breakdown from the ranking chart with the keyboard', async () => {
    const list = await call(api.assessments, { query: { quarter: '2024Q1' } });
    renderRoute(routes, '/review?quarter=2024Q1');
    const fig = await screen.findByRole('figure', { name: /单位得分排名/ }, { timeout: 8000 });
    const surface = await waitFor(() => {
      const svg = fig.querySelector<SVGSVGElement>('svg.recharts-surface');
      if (!svg) throw new Error('chart not drawn yet');
      return svg;
    });
    // Focus draws the chart's tooltip: a state update, so inside act() like any user event.
    act(() => surface.focus());
    await userEvent.keyboard('{ArrowRight}{Enter}');
    const first = list.items[0]!.unitName;
    expect(
      await screen.findByRole('dialog', { name: new RegExp(`${first} · 2024年第一季度 得分明细`) }),
    ).toBeInTheDocument();
  });

  it('refuses an adjustment without a reason, then saves one with it', async () => {
    renderRoute(routes, '/review?quarter=2024Q1');
    await ranking();
    await userEvent.click(screen.getByRole('button', { name: '查看 省科技厅 的得分明细' }));
    const dialog = await screen.findByRole('dialog');
    const points = within(dialog).getByLabelText(/调整分值/);
    await userEvent.clear(points);
    await userEvent.type(points, '2');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存调整' }));
    expect(await within(dialog).findByText('请填写理由（至少 2 个字）')).toBeInTheDocument();
    const stored = await call(api.assessments, { query: { quarter: '2024Q1' } });
    expect(stored.items.find((i) => i.unitId === 'p-kjt')!.adjustment).toBeNull();

    await userEvent.type(within(dialog).getByLabelText(/调整理由/), '牵头建成省级中试基地');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存调整' }));
    await waitFor(() =>
      expect(within(dialog).getByText('牵头建成省级中试基地', { selector: 'td' })).toBeInTheDocument(),
    );
    expect(within(dialog).getByText('督查室调整')).toBeInTheDocument();
  });

  it('refuses an adjustment beyond the limit before sending it', async () => {
    renderRoute(routes, '/review?quarter=2024Q1');
    await ranking();
    await userEvent.click(screen.getByRole('button', { name: '查看 省科技厅 的得分明细' }));
    const dialog = await screen.findByRole('dialog');
    const points = within(dialog).getByLabelText(/调整分值/);
    await userEvent.clear(points);
    await userEvent.type(points, '8');
    await userEvent.type(within(dialog).getByLabelText(/调整理由/), '超过上限的调整');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存调整' }));
    expect(await within(dialog).findByText('调整分值不能超过 ±5 分')).toBeInTheDocument();
  });

  it('publishes a closed quarter, and asks for a reason to withdraw it', async () => {
    renderRoute(routes, '/review?quarter=2024Q1');
    await ranking();
    await userEvent.click(screen.getByRole('button', { name: '发布' }));
    const confirm = await screen.findByRole('dialog');
    await userEvent.click(within(confirm).getByRole('button', { name: '发布' }));
    await screen.findByText(/已于 .* 发布/);
    await userEvent.click(screen.getByRole('button', { name: '撤销发布' }));
    const withdraw = await screen.findByRole('dialog', { name: /撤销发布/ });
    await userEvent.click(within(withdraw).getByRole('button', { name: '撤销发布' }));
    expect(await within(withdraw).findByRole('alert')).toHaveTextContent('请填写理由');
    await userEvent.type(within(withdraw).getByLabelText(/撤销理由/), '个别任务时限需重新核定');
    await userEvent.click(within(withdraw).getByRole('button', { name: '撤销发布' }));
    await screen.findByText(/尚未发布：得分按当前数据实时计算/);
    const audit = await call(api.audit, { query: { pageSize: 1 } });
    expect(audit.items[0]).toMatchObject({ action: 'assessment.unpublish', outcome: 'ok' });
  });

  it('shows leaders an unpublished quarter without any score', async () => {
    renderRoute(routes, '/review?quarter=2024Q1', { as: 'u-leader' });
    expect(await screen.findByText('本季度考核结果尚未发布，发布后可查看排名和得分。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '查看 省科技厅 的得分明细' })).not.toBeInTheDocument();
  });

  it('shows leaders the published scores without publish, settings or adjustment', async () => {
    renderRoute(routes, '/review?quarter=2023Q4', { as: 'u-leader' });
    await ranking();
    expect(await screen.findByText('当前身份只能查看考核结果。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发布' })).not.toBeInTheDocument();
    // The scheme is open to read, not to edit.
    await userEvent.click(screen.getByRole('button', { name: '考核办法' }));
    const scheme = await screen.findByRole('dialog', { name: '考核办法（评分规则）' });
    expect(await within(scheme).findByRole('row', { name: '牵头任务逾期（每项） -5' })).toBeInTheDocument();
    expect(within(scheme).queryByRole('button', { name: '保存' })).not.toBeInTheDocument();
    await userEvent.click(within(scheme).getByRole('button', { name: '关闭' }));
    await userEvent.click(screen.getByRole('button', { name: '查看 省科技厅 的得分明细' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: '保存调整' })).not.toBeInTheDocument();
  });

  it('edits the scoring scheme, refusing bands out of order in words', async () => {
    renderRoute(routes, '/review?quarter=2024Q1');
    await ranking();
    await userEvent.click(screen.getByRole('button', { name: '考核办法' }));
    const dialog = await screen.findByRole('dialog', { name: '考核办法（评分规则）' });
    const good = await within(dialog).findByLabelText('“较好”最低分');
    await userEvent.clear(good);
    await userEvent.type(good, '99');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请检查标出的数值');
    expect(within(dialog).getAllByText('评级下限须依次降低：好 > 较好 > 一般')).toHaveLength(3);
    expect((await call(api.scoringScheme)).bands.good).toBe(85);
    await userEvent.clear(good);
    await userEvent.type(good, '88');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await call(api.scoringScheme)).bands.good).toBe(88);
  });

  it('keeps the adjustment form when the save fails', async () => {
    server.use(
      http.put('*/api/assessments/:quarter/units/:unitId/adjustment', () =>
        HttpResponse.json({ error: { code: 'server-error', message: '服务器暂时不可用' } }, { status: 500 }),
      ),
    );
    renderRoute(routes, '/review?quarter=2024Q1');
    await ranking();
    await userEvent.click(screen.getByRole('button', { name: '查看 省科技厅 的得分明细' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/调整理由/), '牵头建成省级中试基地');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存调整' }));
    expect(await within(dialog).findByText('服务器暂时不可用')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/调整理由/)).toHaveValue('牵头建成省级中试基地');
  });

  it('offers a retry when the review fails to load', async () => {
    server.use(
      http.get('*/api/review', () =>
        HttpResponse.json({ error: { code: 'server-error', message: '服务暂时不可用' } }, { status: 500 }),
      ),
    );
    renderRoute(routes, '/review?quarter=2024Q1');
    expect(await screen.findByText(/服务暂时不可用/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
