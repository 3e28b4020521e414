import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { getDb } from '../../../mocks/store/instance';
import { LedgerPage } from '../../../src/features/ledger';
import { renderRoute } from '../../test-utils';

const routes = [{ path: '/ledger', element: <LedgerPage /> }];
const task = (code: string) => getDb().data.tasks.find((t) => t.code === code)!;

async function openAsSupervisor(url = '/ledger?status=in-progress') {
  const user = userEvent.setup();
  const r = renderRoute(routes, url);
  await waitFor(() =>
    expect(screen.getAllByRole('checkbox', { name: /^选择 DB-/ }).length).toBeGreaterThan(0),
  );
  return { user, ...r };
}

async function select(user: ReturnType<typeof userEvent.setup>, ...codes: string[]) {
  for (const c of codes) await user.click(screen.getByRole('checkbox', { name: `选择 ${c}` }));
}

const firstCodes = (n: number) =>
  getDb()
    .data.tasks.filter((t) => t.status === 'in-progress')
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, n)
    .map((t) => t.code);

describe('ledger bulk actions', () => {
  it('sends a reminder (催办) for the selected tasks and reports how many', async () => {
    const { user } = await openAsSupervisor();
    const [a, b] = firstCodes(2);
    await select(user, a!, b!);
    const bar = screen.getByRole('region', { name: '批量操作' });
    expect(bar).toHaveTextContent('已选 2 项');
    await user.click(within(bar).getByRole('button', { name: '催办' }));
    const dialog = await screen.findByRole('dialog', { name: '催办' });
    expect(dialog).toHaveTextContent('将对选中的 2 项任务执行“催办”');
    await user.type(within(dialog).getByLabelText('催办说明（可选）'), '请本周内报送');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(bar).findByRole('status')).toHaveTextContent('已对 2 项任务发出催办');
    expect(getDb().data.reminders?.map((r) => r.taskId)).toEqual([task(a!).id, task(b!).id]);
    expect(getDb().data.audit.at(-1)).toMatchObject({ action: 'task.bulk', outcome: 'ok' });
    expect(screen.queryByRole('checkbox', { name: `选择 ${a}`, checked: true })).not.toBeInTheDocument();
  });

  it('asks for the lead unit before reassigning, then updates the rows', async () => {
    const { user } = await openAsSupervisor();
    const [a] = firstCodes(1);
    const version = task(a!).version;
    await select(user, a!);
    await user.click(screen.getByRole('button', { name: '改派牵头单位' }));
    const dialog = await screen.findByRole('dialog', { name: '改派牵头单位' });
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请填写此项');
    await user.selectOptions(within(dialog).getByLabelText('新的牵头单位'), 'p-rst');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await screen.findByText('已更新 1 项任务')).toBeInTheDocument();
    expect(task(a!)).toMatchObject({ leadUnitId: 'p-rst', version: version + 1 });
    await waitFor(() => {
      const row = screen.getByRole('link', { name: a }).closest('tr')!;
      expect(row.querySelector('.ledger__cell--leadUnit')).toHaveTextContent('省人力资源社会保障厅');
    });
  });

  it('keeps the dialog and what was chosen when the server fails, so retrying is one click', async () => {
    const { user } = await openAsSupervisor();
    const [a] = firstCodes(1);
    let fail = true;
    server.use(
      http.post('*/api/tasks/bulk', () => {
        if (fail)
          return HttpResponse.json(
            { error: { code: 'server-error', message: '服务器暂时不可用' } },
            { status: 500 },
          );
      }),
    );
    await select(user, a!);
    await user.click(screen.getByRole('button', { name: '调整完成时限' }));
    const dialog = await screen.findByRole('dialog', { name: '调整完成时限' });
    const input = within(dialog).getByLabelText('新的完成时限');
    await user.type(input, '2024-12-31');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('批量操作未执行：服务器暂时不可用');
    expect(input).toHaveValue('2024-12-31');
    expect(task(a!).deadline).not.toBe('2024-12-31');
    fail = false;
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await screen.findByText('已更新 1 项任务')).toBeInTheDocument();
    expect(task(a!).deadline).toBe('2024-12-31');
  });

  it('refuses to overwrite a task someone else changed meanwhile, and refreshes', async () => {
    const { user } = await openAsSupervisor();
    const [a] = firstCodes(1);
    await select(user, a!);
    // Another supervisor saves first.
    const t = task(a!);
    t.version += 1;
    getDb().commit();
    await user.click(screen.getByRole('button', { name: '指定责任人' }));
    const dialog = await screen.findByRole('dialog', { name: '指定责任人' });
    await user.selectOptions(within(dialog).getByLabelText('责任人'), 'u-kjt2');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await screen.findByText(/1 项任务已被他人修改/)).toBeInTheDocument();
    expect(task(a!).responsiblePersonId).not.toBe('u-kjt2');
  });

  it('selects every matching task, not only the rows loaded so far', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      http.get('*/api/tasks', ({ request }) => {
        seen.push(new URL(request.url).searchParams);
      }),
    );
    const { user } = await openAsSupervisor();
    const [a] = firstCodes(1);
    await select(user, a!);
    const n = getDb().data.tasks.filter((t) => t.status === 'in-progress').length;
    await user.click(screen.getByRole('button', { name: `选择全部 ${n} 项符合条件的任务` }));
    expect(await screen.findByText(`已选 ${n} 项`)).toBeInTheDocument();
    expect(seen.at(-1)?.get('pageSize')).toBe(String(n));
    expect(seen.at(-1)?.get('status')).toBe('in-progress');
    expect(screen.queryByRole('button', { name: /^选择全部/ })).not.toBeInTheDocument();
  });

  it.each(['u-leader', 'u-kjt'])('offers no selection or bulk actions to %s', async (who) => {
    renderRoute(routes, '/ledger', { as: who });
    await screen.findByRole('link', { name: 'DB-2023-0001' });
    expect(screen.queryByRole('checkbox', { name: /^选择/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '批量操作' })).not.toBeInTheDocument();
  });
});
