import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../../mocks/node';
import { getDb } from '../../../mocks/store/instance';
import { LedgerPage } from '../../../src/features/ledger';
import { COLUMN_KEYS, useColumnPrefs } from '../../../src/features/ledger/column-store';
import { renderRoute } from '../../test-utils';

const routes = [
  { path: '/ledger', element: <LedgerPage /> },
  { path: '/ledger/:taskId', element: <div>task detail</div> },
];

/** Every list request the page makes, as its query parameters. */
function captureListRequests(): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  server.use(
    http.get('*/api/tasks', ({ request }) => {
      seen.push(new URL(request.url).searchParams);
      // Returning nothing hands the request on to the real mock handler.
    }),
  );
  return seen;
}

const bodyRows = () =>
  within(screen.getByTestId('ledger-scroll'))
    .getAllByRole('row')
    .filter((r) => r.querySelector('td a'));
const codesShown = () => bodyRows().map((r) => r.querySelector('td a')!.textContent);

beforeEach(() => {
  useColumnPrefs.setState({ order: [...COLUMN_KEYS], hidden: [] });
});
afterEach(() => vi.restoreAllMocks());

describe('LedgerPage', () => {
  it('reads the filters from the URL, asks the API with them and shows the matching rows', async () => {
    const seen = captureListRequests();
    renderRoute(routes, '/ledger?warning=overdue&unit=p-kjt&sort=deadline');
    const expected = getDb()
      .data.tasks.filter((t) => t.leadUnitId === 'p-kjt' || t.coUnitIds.includes('p-kjt'))
      .map((t) => t.code);
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    const q = seen.at(-1)!;
    expect(q.get('warning')).toBe('overdue');
    expect(q.get('unit')).toBe('p-kjt');
    expect(q.get('sort')).toBe('deadline');
    expect(q.get('pageSize')).toBe('100');
    for (const code of codesShown()) expect(expected).toContain(code);
    for (const r of bodyRows()) expect(within(r).getByText('逾期')).toBeInTheDocument();
    // Deadlines ascend, as the URL asked.
    const deadlines = bodyRows().map((r) => r.querySelector('.ledger__cell--deadline')!.textContent!);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(screen.getByTestId('chip-warning:overdue')).toHaveTextContent('预警：逾期');
    expect(screen.getByTestId('chip-unit')).toHaveTextContent('单位：省科技厅');
    expect(screen.getByTestId('ledger-total')).toHaveTextContent(`共 ${bodyRows().length} 项任务`);
  });

  it('removing a chip removes the filter from the URL and the query', async () => {
    const seen = captureListRequests();
    const user = userEvent.setup();
    const { router } = renderRoute(routes, '/ledger?warning=overdue&speaker=韩俊');
    await screen.findByTestId('chip-warning:overdue');
    await user.click(screen.getByRole('button', { name: '移除筛选：预警：逾期' }));
    await waitFor(() => expect(router.state.location.search).not.toContain('warning'));
    expect(new URLSearchParams(router.state.location.search).get('speaker')).toBe('韩俊');
    await waitFor(() => expect(seen.at(-1)!.has('warning')).toBe(false));
    expect(screen.queryByTestId('chip-warning:overdue')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '移除筛选：讲话人：韩俊' }));
    await waitFor(() => expect(screen.getByTestId('ledger-total')).toHaveTextContent('共 70 项任务'));
  });

  it('a facet button adds its filter to the URL and shows counts under the other filters', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(routes, '/ledger');
    const btn = await screen.findByTestId('facet-status-closed');
    const closed = getDb().data.tasks.filter((t) => t.status === 'closed').length;
    await waitFor(() => expect(btn).toHaveTextContent(`已办结${closed}`));
    await user.click(btn);
    expect(btn).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(router.state.location.search).toBe('?status=closed'));
    await waitFor(() => expect(screen.getByTestId('ledger-total')).toHaveTextContent(`共 ${closed} 项任务`));
  });

  it('sorts on a header click, server-side, and says so to screen readers', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(routes, '/ledger');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    const header = screen.getByRole('columnheader', { name: /进度/ });
    await user.click(within(header).getByRole('button'));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=progress'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(header).getByRole('button'));
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    await waitFor(() =>
      expect(bodyRows()[0]!.querySelector('.ledger__cell--progress')).toHaveTextContent('100%'),
    );
  });

  it('lets the user hide and reorder columns, and keeps the choice', async () => {
    const user = userEvent.setup();
    renderRoute(routes, '/ledger');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    expect(screen.getByRole('columnheader', { name: /配合单位/ })).toBeInTheDocument();
    await user.click(screen.getByTestId('columns-button'));
    await user.click(screen.getByRole('checkbox', { name: '配合单位' }));
    expect(screen.queryByRole('columnheader', { name: /配合单位/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '上移“任务”' }));
    const headers = screen
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.replace(/[▲▼]|升序|降序/g, ''));
    // The first header is the selection checkbox (the supervisor may act in bulk).
    expect(headers.slice(1, 3)).toEqual(['任务', '编号']);
    expect(headers.indexOf('任务')).toBeLessThan(headers.indexOf('编号'));
    expect(useColumnPrefs.getState().hidden).toEqual(['coUnits']);
    expect(JSON.parse(localStorage.getItem('luoshi.ledger-columns')!).state.order.slice(0, 2)).toEqual([
      'title',
      'code',
    ]);
  });

  it('exports the filtered view as CSV: BOM, chosen columns, every matching row, file named by date and filter', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:ledger';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    useColumnPrefs.setState({ order: ['code', 'title', 'deadline', 'progress', 'warning'], hidden: [] });
    const user = userEvent.setup();
    renderRoute(routes, '/ledger?warning=overdue');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('编号,任务,完成时限,进度,预警');
    const overdue = getDb().data.tasks.filter(
      (t) => t.status !== 'closed' && t.status !== 'suspended' && t.deadline < '2024-05-20',
    );
    expect(lines).toHaveLength(1 + overdue.length);
    expect(lines[1]).toMatch(/^DB-2023-\d{4},.+,\d{4}-\d{2}-\d{2},\d+,逾期（逾期 \d+ 天）$/);
    expect(names).toEqual(['督办台账_2024-05-20_逾期.csv']);
  });

  it('exports the same view as an Excel workbook with a frozen header and real dates', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:ledger';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    useColumnPrefs.setState({
      order: ['code', 'title', 'deadline', 'progress', 'status'],
      hidden: ['status'],
    });
    const user = userEvent.setup();
    renderRoute(routes, '/ledger?unit=p-kjt&status=closed');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 10_000 });
    expect(names).toEqual(['督办台账_2024-05-20_已办结_省科技厅.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await blobs[0]!.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '任务', '完成时限', '进度']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const closed = getDb().data.tasks.filter(
      (t) => t.status === 'closed' && (t.leadUnitId === 'p-kjt' || t.coUnitIds.includes('p-kjt')),
    );
    expect(ws.rowCount).toBe(1 + closed.length);
    expect(ws.getCell('C2').value).toBeInstanceOf(Date);
    expect(ws.getCell('D2').value).toBe(100);
  });

  it('shows an error with a retry when the first load fails, and recovers', async () => {
    let fail = true;
    server.use(
      http.get('*/api/tasks', () => {
        if (fail)
          return HttpResponse.json(
            { error: { code: 'server-error', message: '服务器暂时不可用' } },
            { status: 500 },
          );
      }),
    );
    const user = userEvent.setup();
    renderRoute(routes, '/ledger');
    expect(await screen.findByRole('alert')).toHaveTextContent('督办台账：服务器暂时不可用');
    fail = false;
    await user.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('links each task to its detail page', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(routes, '/ledger');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('link', { name: 'DB-2023-0001' }));
    expect(router.state.location.pathname).toBe('/ledger/T-0001');
  });

  it('says so when nothing matches', async () => {
    renderRoute(routes, '/ledger?q=没有这样的任务');
    expect(await screen.findByText('没有符合条件的任务')).toBeInTheDocument();
  });

  it('works in English', async () => {
    renderRoute(routes, '/ledger?warning=overdue', { lang: 'en' });
    expect(await screen.findByTestId('chip-warning:overdue')).toHaveTextContent('Warning: Overdue');
    expect(await screen.findByRole('columnheader', { name: /Lead unit/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('ledger-total')).toHaveTextContent(/^\d+ tasks$/));
  });
});
