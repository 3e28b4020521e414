import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoQueue, getDb } from '../../../mocks/store/instance';
import { call, setIdentity } from '../../../src/api/client';
import { nowMs } from '../../../src/domain/clock';
import { api } from '../../../src/domain/contract';
import { OutboxPage, PrefsPage, RulesPage } from '../../../src/features/reminders';
import { scheduleOnce, workOnce } from '../../../src/service/jobs/jobs';
import { renderPage } from '../../test-utils';

/** A manual 催办 delivered by the demo's own jobs, as the browser's loop would. */
async function remindAndDeliver(taskId: string) {
  setIdentity('u-sup');
  const t = getDb().data.tasks.find((x) => x.id === taskId)!;
  await call(api.bulkTasks, { body: { action: 'remind', items: [{ id: t.id, version: t.version }] } });
  const deps = {
    store: getDb(),
    queue: demoQueue(),
    channels: { email: async () => {}, webhook: async () => {} },
    clock: nowMs,
    baseUrl: 'http://luoshi.test',
    workerId: 'test',
  };
  await scheduleOnce(deps);
  await workOnce(deps);
}

describe('发送记录', () => {
  it('lists the message with its state in words, and sends it again', async () => {
    await remindAndDeliver('T-0003');
    renderPage(<OutboxPage />, '/outbox', '/outbox?rule=manual');
    const table = await screen.findByRole('table', { name: '发送记录' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('手动催办');
    expect(row).toHaveTextContent('已发送');
    expect(row).toHaveTextContent('kjt@luoshi.example');
    expect(within(row).getByRole('link', { name: 'DB-2023-0003' })).toHaveAttribute('href', '/ledger/T-0003');
    await userEvent.click(within(row).getByRole('button', { name: '重新发送给 刘洋' }));
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('待发送'));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('已重发 1 次');
  });

  it('says so when nothing matches the filters', async () => {
    renderPage(<OutboxPage />, '/outbox', '/outbox?state=dead');
    expect(await screen.findByText('没有符合条件的发送记录。')).toBeInTheDocument();
  });
});

describe('我的提醒设置 and 催办规则', () => {
  it('a person saves their digest and quiet hours', async () => {
    renderPage(<PrefsPage />, '/my-reminders', '/my-reminders', { as: 'u-kjt' });
    expect(await screen.findByLabelText('邮箱地址')).toHaveValue('kjt@luoshi.example');
    await userEvent.click(screen.getByLabelText(/每日汇总/));
    await userEvent.click(screen.getByLabelText('启用免打扰'));
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() =>
      expect(getDb().data.settings.reminderPrefs?.['u-kjt']).toMatchObject({
        digest: true,
        quiet: { start: '22:00', end: '07:30' },
      }),
    );
  });

  it('the office changes the due-soon days; a bad list is explained and not saved', async () => {
    renderPage(<RulesPage />, '/reminder-rules', '/reminder-rules');
    const days = await screen.findByLabelText(/临期提醒/);
    await userEvent.clear(days);
    await userEvent.type(days, '0, 3');
    expect(screen.getByText('请填写 1 到 90 之间、互不相同的天数')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存规则' })).toBeDisabled();
    await userEvent.clear(days);
    await userEvent.type(days, '3, 10');
    await userEvent.click(screen.getByRole('button', { name: '保存规则' }));
    await waitFor(() => expect(getDb().data.settings.reminders?.dueSoonDays).toEqual([10, 3]));
    expect(getDb().data.audit.at(-1)).toMatchObject({ action: 'settings.reminders', outcome: 'ok' });
  });
});
