import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { routes } from '../../../src/app/router';
import { useDemoSettings } from '../../../src/shared/stores/demo';
import { renderRoute } from '../../test-utils';
import { storedReports, storedTask } from '../task-detail/helpers';
import { PASSWORD, resetMode, signInServer } from './sign-in-server';

afterEach(resetMode);

const dialog = () => within(screen.getByRole('dialog'));

async function openTaskAs(taskId: string, personId: string) {
  useDemoSettings.setState({ personId });
  const user = userEvent.setup();
  const utils = renderRoute(routes, `/ledger/${taskId}`, { as: personId });
  await screen.findByRole('heading', { level: 1, name: storedTask(taskId).title });
  return { user, ...utils };
}

async function signInAgain(user: ReturnType<typeof userEvent.setup>) {
  expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
  await user.type(screen.getByLabelText('登录名'), 'liuyang');
  await user.type(screen.getByLabelText('密码'), PASSWORD);
  await user.click(screen.getByRole('button', { name: '登录' }));
}

describe('an expired session while writing', () => {
  it('a progress report: sign in again, back on the task, the dialog is open with the text; it then saves', async () => {
    const { expire } = signInServer('liuyang', 'u-kjt');
    const { user, router } = await openTaskAs('T-0003', 'u-kjt');
    await user.click(screen.getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '中试线完成设备安装调试，进入试运行');
    const pct = dialog().getByLabelText('完成进度（%）');
    await user.clear(pct);
    await user.type(pct, '80');
    expire();
    await user.click(dialog().getByRole('button', { name: '提交' }));
    // The form stays open (with why) until the page changes to 登录.
    expect(await dialog().findByRole('alert')).toHaveTextContent('登录已过期，请重新登录');
    expect(dialog().getByLabelText('进展情况')).toHaveValue('中试线完成设备安装调试，进入试运行');
    await signInAgain(user);
    await screen.findByRole('heading', { level: 1, name: storedTask('T-0003').title });
    expect(router.state.location.pathname).toBe('/ledger/T-0003');
    expect(dialog().getByLabelText('进展情况')).toHaveValue('中试线完成设备安装调试，进入试运行');
    expect(dialog().getByLabelText('完成进度（%）')).toHaveValue(80);
    await user.click(dialog().getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedReports('T-0003').at(-1)).toMatchObject({
      text: '中试线完成设备安装调试，进入试运行',
      progress: 80,
    });
    // Saved: the draft is gone, so the next report starts empty.
    await user.click(screen.getByRole('button', { name: '报送进展' }));
    expect(dialog().getByLabelText('进展情况')).toHaveValue('');
  });

  it('a cancelled form leaves no draft behind', async () => {
    const { user } = await openTaskAs('T-0003', 'u-kjt');
    await user.click(screen.getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '不要了');
    await user.click(dialog().getByRole('button', { name: '取消' }));
    await user.click(screen.getByRole('button', { name: '报送进展' }));
    expect(dialog().getByLabelText('进展情况')).toHaveValue('');
  });

  it("signing in as someone else in the same tab does not show the previous person's text", async () => {
    const { expire } = signInServer('sunyue', 'u-kjt2');
    const { user } = await openTaskAs('T-0003', 'u-kjt');
    await user.click(screen.getByRole('button', { name: '报送进展' }));
    await user.type(dialog().getByLabelText('进展情况'), '刘洋写的');
    expire();
    await user.click(dialog().getByRole('button', { name: '提交' }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('登录名'), 'sunyue');
    await user.type(screen.getByLabelText('密码'), PASSWORD);
    await user.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByRole('heading', { level: 1, name: storedTask('T-0003').title });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('刘洋写的')).not.toBeInTheDocument();
  });
});
