import { screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { DashboardPage } from '../../../src/features/dashboard';
import { renderPage } from '../../test-utils';
import { dialog, openTask, storedReports, toolbar } from './helpers';

/** Every API request fails from now on, as with the demo's failure rate at 100 %. */
function outage() {
  server.use(
    http.all('*/api/*', () =>
      HttpResponse.json({ error: { code: 'server-error', message: '服务器暂时不可用' } }, { status: 500 }),
    ),
  );
}

/** The database is gone: the Node server answers every API call 503 `unavailable` (tests/server/faults-db-gone). */
const DB_GONE = '数据库暂时不可用，请稍后重试 (database unavailable)';
function databaseGone() {
  server.use(
    http.all('*/api/*', () =>
      HttpResponse.json({ error: { code: 'unavailable', message: DB_GONE } }, { status: 503 }),
    ),
  );
}

describe('a sustained outage keeps the page and what was typed', () => {
  it('the database gone (503): the message, a retry, the typed report kept and sent once it is back', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '数据库停机时写的进展');
    databaseGone();
    await user.click(dialog().getByRole('button', { name: '提交' }));
    const alert = await dialog().findByRole('alert');
    expect(alert).toHaveTextContent(DB_GONE);
    expect(alert).toHaveTextContent('您填写的内容仍在，可直接重试');
    await waitFor(() => expect(screen.getAllByTestId('stale-notice').length).toBeGreaterThan(0));
    const notice = screen.getAllByTestId('stale-notice')[0]!;
    expect(notice).toHaveTextContent(DB_GONE);
    expect(notice.querySelector('button')).toHaveTextContent('重试');
    expect(dialog().getByLabelText('进展情况')).toHaveValue('数据库停机时写的进展');

    server.resetHandlers();
    for (const n of screen.getAllByTestId('stale-notice')) await user.click(n.querySelector('button')!);
    await waitFor(() => expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument());
    await user.click(dialog().getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedReports('T-0003').at(-1)).toMatchObject({ text: '数据库停机时写的进展' });
  });

  it('a failed save and the failed refresh after it leave the task page and the report form in place', async () => {
    const { user } = await openTask('T-0003', 'u-kjt');
    await user.click(toolbar().getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '完成首批中试项目遴选');
    outage();
    await user.click(dialog().getByRole('button', { name: '提交' }));
    expect(await dialog().findByRole('alert')).toHaveTextContent('您填写的内容仍在');
    // The refetch after the failed save fails too: a notice, not an error screen.
    await waitFor(() =>
      expect(screen.getAllByTestId('stale-notice').map((n) => n.querySelector('p')?.textContent)).toContain(
        '任务：刷新失败（服务器暂时不可用），页面显示的是上次加载的数据，可能不是最新。',
      ),
    );
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(dialog().getByLabelText('进展情况')).toHaveValue('完成首批中试项目遴选');

    server.resetHandlers();
    for (const notice of screen.getAllByTestId('stale-notice'))
      await user.click(notice.querySelector('button')!);
    await waitFor(() => expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument());
    await user.click(dialog().getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedReports('T-0003').at(-1)).toMatchObject({ text: '完成首批中试项目遴选' });
  });

  it('only a first load with no data shows the error state', async () => {
    outage();
    renderPage(<DashboardPage />, '/', '/');
    expect(await screen.findByRole('alert')).toHaveTextContent('总览数据：服务器暂时不可用');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument();
  });

  it('a failed refresh of the overview keeps it on screen', async () => {
    const { client } = renderPage(<DashboardPage />, '/', '/');
    const heading = await screen.findByRole('heading', { level: 1, name: '总览' });
    outage();
    await client.refetchQueries();
    expect(await screen.findByTestId('stale-notice')).toHaveTextContent('总览数据：刷新失败');
    expect(heading).toBeInTheDocument();
  });
});
