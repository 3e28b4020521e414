import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { DashboardPage } from '../../../src/features/dashboard';
import { renderRoute } from '../../test-utils';

function Probe() {
  const loc = useLocation();
  return <p data-testid="location">{`${loc.pathname}${loc.search}`}</p>;
}

const open = (lang: 'zh' | 'en' = 'en') =>
  renderRoute(
    [
      { path: '/', element: <DashboardPage /> },
      { path: '/ledger', element: <Probe /> },
      { path: '/ledger/:id', element: <Probe /> },
    ],
    '/',
    { as: 'u-leader', lang },
  );

describe('总览 for a leader', () => {
  it('shows the six KPI cards with their change since the quarter began', async () => {
    open();
    const overdue = await screen.findByTestId('kpi-overdue');
    expect(overdue).toHaveAccessibleName(
      'Overdue 13 +4 since quarter start (needs attention). Open in the supervision ledger',
    );
    expect(screen.getByTestId('kpi-scope')).toHaveTextContent('70');
    expect(screen.getByTestId('kpi-closed')).toHaveTextContent('+10 since quarter start (better)');
    expect(screen.getByTestId('kpi-atRisk')).toHaveTextContent('−4 since quarter start (better)');
    expect(overdue).toHaveTextContent('needs attention');
  });

  it('the red KPI opens the ledger filtered on overdue', async () => {
    open();
    await userEvent.click(await screen.findByTestId('kpi-overdue'));
    expect(await screen.findByTestId('location')).toHaveTextContent('/ledger?warning=overdue');
  });

  it.each([
    ['kpi-closed', '/ledger?status=closed'],
    ['kpi-atRisk', '/ledger?warning=due-soon,behind'],
    ['kpi-noReport', '/ledger?warning=not-reported'],
  ])('%s links to %s', async (id, href) => {
    open();
    expect(await screen.findByTestId(id)).toHaveAttribute('href', href);
  });

  it('shows the seven 要在…上 and the six 下功夫 in the roll-up, each linking to its tasks', async () => {
    open('zh');
    const rollup = await screen.findByRole('region', { name: '讲话部署落实进度' });
    expect(within(rollup).getAllByText('要在…上')).toHaveLength(7);
    expect(within(rollup).getAllByText('下功夫')).toHaveLength(6);
    expect(within(rollup).getByRole('link', { name: '在建设创新人才高地上走在前列' })).toHaveAttribute(
      'href',
      '/ledger?directive=d-07',
    );
    expect(within(rollup).getByRole('progressbar', { name: '韩俊部署的总体进度 84%' })).toBeInTheDocument();
  });

  it('a speech folds to its summary bar and opens again', async () => {
    open('zh');
    const fold = await screen.findByRole('button', { name: '收起韩俊的部署' });
    await userEvent.click(fold);
    expect(screen.queryByRole('link', { name: '在建设创新人才高地上走在前列' })).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '韩俊部署的总体进度 84%' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '展开韩俊的部署' }));
    expect(screen.getByRole('link', { name: '在建设创新人才高地上走在前列' })).toBeInTheDocument();
  });

  it('says how many provincial directives a city takes up, linking to the alignment view', async () => {
    open('zh');
    const link = await screen.findByTestId('dash-alignment');
    expect(link).toHaveTextContent('上下贯通：省级部署 14 项，已有市级承接 6 项');
    expect(link).toHaveAttribute('href', '/alignment');
  });

  it('opens a directive to show its tasks, each a link to the task', async () => {
    open('zh');
    await userEvent.click(
      await screen.findByRole('button', { name: '展开“在建设创新人才高地上走在前列”的任务' }),
    );
    const task = await screen.findByRole('link', { name: /实施人才强省战略/ });
    expect(task.getAttribute('href')).toMatch(/^\/ledger\/T-\d{4}$/);
    expect(screen.getByRole('button', { name: '收起“在建设创新人才高地上走在前列”的任务' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('lists the overdue tasks longest first and the deadlines of the next 30 days', async () => {
    open();
    const overdue = await screen.findByRole('region', { name: /Overdue tasks/ });
    const rows = within(overdue).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toHaveTextContent('294 days');
    expect(within(overdue).getByRole('link', { name: 'All 13' })).toHaveAttribute(
      'href',
      '/ledger?warning=overdue',
    );
    const upcoming = screen.getByRole('region', { name: 'Due in the next 30 days' });
    expect(within(upcoming).getAllByRole('listitem')).toHaveLength(3);
    expect(within(upcoming).getAllByText('in 11 days')).toHaveLength(3);
  });

  it('the trend chart has a data-table toggle with one row per week', async () => {
    open();
    const trend = await screen.findByRole('region', { name: 'This quarter' });
    await userEvent.click(within(trend).getByRole('button', { name: 'Show data table' }));
    const table = within(trend).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(9);
    const today = within(table).getByRole('rowheader', { name: '2024-05-20' }).closest('tr')!;
    expect(
      within(today)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['30', '15', '6', '13', '5']);
  });

  it('a failed load says so, offers a retry, and recovers', async () => {
    let fail = true;
    server.use(
      http.get('*/api/dashboard', () =>
        fail
          ? HttpResponse.json({ error: { code: 'server-error', message: '服务暂不可用' } }, { status: 500 })
          : undefined,
      ),
    );
    open();
    expect(await screen.findByRole('alert')).toHaveTextContent('服务暂不可用');
    expect(screen.getByTestId('kpi-overdue-loading')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByTestId('kpi-overdue')).toHaveTextContent('13'));
  });
});
