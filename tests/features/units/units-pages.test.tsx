import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { UnitDetailPage, UnitsPage } from '../../../src/features/units';
import { renderRoute } from '../../test-utils';

const open = (url: string, as = 'u-leader', lang: 'zh' | 'en' = 'zh') =>
  renderRoute(
    [
      { path: '/units', element: <UnitsPage /> },
      { path: '/units/:unitId', element: <UnitDetailPage /> },
    ],
    url,
    { as, lang },
  );

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('责任单位 list', () => {
  it('shows the org tree: province departments, then each city followed by its bureaus', async () => {
    open('/units');
    await screen.findByRole('table', { name: '责任单位列表' });
    const names = screen.getAllByRole('rowheader').map((h) => h.textContent);
    expect(names.indexOf('省科技厅')).toBeLessThan(names.indexOf('合肥市'));
    expect(names.indexOf('阜阳市') + 1).toBe(names.indexOf('└阜阳市科技局'));
    expect(screen.getAllByRole('rowheader', { name: '省直部门' })).toHaveLength(1);
  });

  it('gives each unit its counts by warning (each a ledger link) and its latest published score', async () => {
    open('/units');
    await screen.findByRole('table');
    const kjt = rowOf('省科技厅');
    expect(cells(kjt)).toEqual(['25', '9', '2', '2', '4', '8', '16', '732023Q4', '一般']);
    expect(within(kjt).getByRole('link', { name: '省科技厅 逾期 9' })).toHaveAttribute(
      'href',
      '/ledger?leadUnit=p-kjt&warning=overdue',
    );
    expect(within(kjt).getByRole('link', { name: '省科技厅 临期或滞后 2' })).toHaveAttribute(
      'href',
      '/ledger?leadUnit=p-kjt&warning=due-soon,behind',
    );
  });

  it('a supervisor also sees the latest score before it is published, marked as such', async () => {
    open('/units', 'u-sup');
    await screen.findByRole('table');
    expect(within(rowOf('省科技厅')).getByText('2024Q1 · 未发布')).toBeInTheDocument();
  });

  it('unit staff find their own unit marked in the list', async () => {
    open('/units', 'u-fy-kjj');
    const tag = await screen.findByText('本单位');
    expect(within(tag.closest('tr')!).getByRole('link', { name: '阜阳市科技局' })).toBeInTheDocument();
    expect(screen.getAllByText('本单位')).toHaveLength(1);
    expect(within(rowOf('省科技厅')).queryByText('本单位')).not.toBeInTheDocument();
  });

  it('a failed load offers a retry', async () => {
    server.use(
      http.get('*/api/unit-summaries', () =>
        HttpResponse.json({ error: { code: 'server-error', message: '服务暂不可用' } }, { status: 500 }),
      ),
    );
    open('/units');
    expect(await screen.findByRole('alert')).toHaveTextContent('服务暂不可用');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});

describe("a unit's page", () => {
  it('shows its tasks as lead and as cooperating unit, and its overdue list', async () => {
    open('/units/p-kjt', 'u-leader', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: '省科技厅' })).toBeInTheDocument();
    const lead = screen.getByRole('region', { name: 'Tasks as lead unit (25)' });
    expect(within(lead).getAllByRole('row')).toHaveLength(26);
    const co = screen.getByRole('region', { name: 'Tasks as cooperating unit (16)' });
    expect(within(co).getByRole('columnheader', { name: 'Lead unit' })).toBeInTheDocument();
    const overdue = screen.getByRole('region', { name: /Overdue tasks \(\d+\)/ });
    expect(within(overdue).getAllByRole('listitem').length).toBeGreaterThanOrEqual(9);
    expect(within(overdue).getAllByText(/cooperating/).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: /Overdue\s*9/ })).toHaveAttribute(
      'href',
      '/ledger?leadUnit=p-kjt&warning=overdue',
    );
  });

  it('shows the reports it owes, the missed ones first', async () => {
    open('/units/p-kjt', 'u-leader', 'en');
    const due = await screen.findByRole('region', { name: 'Progress reports due' });
    const items = within(due).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('2024-04 not reported');
    expect(
      within(due).getByText(/reports due this period, by 2024-05-31 \(11 days left\)/),
    ).toBeInTheDocument();
  });

  it('shows a leader the published scores only, each with its breakdown, in a table on request', async () => {
    open('/units/p-kjt', 'u-leader', 'en');
    const scores = await screen.findByRole('region', { name: 'Quarterly assessment scores' });
    expect(await within(scores).findByText('Q4 2023')).toBeInTheDocument();
    expect(within(scores).queryByText('Q2 2024')).not.toBeInTheDocument();
    expect(within(scores).queryByText('Q1 2024')).not.toBeInTheDocument();
    await userEvent.click(within(scores).getByRole('button', { name: 'Show data table' }));
    const q4 = within(scores).getByRole('table', { name: 'Score breakdown, Q4 2023' });
    expect(within(q4).getByRole('cell', { name: 'Base score' })).toBeInTheDocument();
    expect(within(q4).getAllByRole('cell', { name: 'Report missing' }).length).toBeGreaterThan(0);
  });

  it('shows the office the running quarter so far, marked as not final', async () => {
    open('/units/p-kjt', 'u-sup', 'en');
    const scores = await screen.findByRole('region', { name: 'Quarterly assessment scores' });
    expect(within(scores).getByText('Q2 2024')).toBeInTheDocument();
    expect(within(scores).getByText('this quarter so far (not final)')).toBeInTheDocument();
  });

  it('an unknown unit says it was not found', async () => {
    open('/units/nope');
    expect(await screen.findByRole('alert')).toHaveTextContent('单位不存在：nope');
  });
});
