import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsPage } from '../../../src/features/accounts';
import { useServerIdentity } from '../../../src/shared/stores/server-identity';
import { renderPage } from '../../test-utils';
import { resetMode } from '../auth/sign-in-server';
import { accountsServer } from './accounts-server';

afterEach(resetMode);

async function openAccounts(as = 'u-sup') {
  useServerIdentity.setState({ mode: 'session' });
  const backend = accountsServer();
  const user = userEvent.setup();
  const utils = renderPage(<AccountsPage />, '/accounts', '/accounts', { as });
  await screen.findByRole('heading', { level: 1, name: '人员与账号' });
  return { user, backend, ...utils };
}

const table = () => within(screen.getByRole('table', { name: '账号列表' }));
const row = (name: string) =>
  within(
    table()
      .getByRole('rowheader', { name: new RegExp(name) })
      .closest('tr')!,
  );
const form = () => within(screen.getByRole('form', { name: '新建账号' }));
const dialog = () => within(screen.getByRole('dialog'));

describe('人员与账号', () => {
  it('lists every account with unit, role, state and password date in words', async () => {
    await openAccounts();
    await screen.findByRole('table', { name: '账号列表' });
    expect(
      table()
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['姓名', '登录名', '单位', '角色', '状态', '密码修改时间', '操作']);
    const liu = row('刘洋');
    expect(liu.getByRole('cell', { name: 'liuyang' })).toBeInTheDocument();
    expect(await liu.findByRole('cell', { name: '省科技厅' })).toBeInTheDocument();
    expect(liu.getByRole('cell', { name: '责任单位' })).toBeInTheDocument();
    expect(liu.getByRole('cell', { name: '正常' })).toBeInTheDocument();
    expect(liu.getByRole('cell', { name: '未修改' })).toBeInTheDocument();
    // Beijing time: 01:30 UTC is 09:30.
    expect(row('陈静').getByRole('cell', { name: '2024-05-01 09:30' })).toBeInTheDocument();
  });

  it('creates an account; field errors (form, 400 and 409) appear at their fields and keep what was typed', async () => {
    const { user, backend } = await openAccounts();
    await screen.findByRole('table', { name: '账号列表' });
    await user.type(form().getByLabelText('登录名'), 'liuyang');
    await user.type(form().getByLabelText('姓名'), '周敏');
    await user.selectOptions(form().getByLabelText('单位'), '省教育厅');
    await user.selectOptions(form().getByLabelText('角色'), '责任单位');
    await user.type(form().getByLabelText('职务'), '科技处副处长');
    const password = form().getByLabelText('初始密码');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(password).toHaveAttribute('type', 'password');
    await user.type(password, 'short');
    await user.click(form().getByRole('button', { name: '创建账号' }));
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('密码至少 12 个字符 至少 12 个字符，不要使用常见密码');
    expect(password).toHaveFocus();
    expect(backend.requests).toHaveLength(0);

    await user.clear(password);
    await user.type(password, 'password1234');
    await user.click(form().getByRole('button', { name: '创建账号' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/密码过于常见，请换一个/));
    expect(form().getByLabelText('姓名')).toHaveValue('周敏');

    await user.clear(password);
    await user.type(password, '长江黄河淮河一起奔流到海');
    await user.click(form().getByRole('button', { name: '创建账号' }));
    const login = form().getByLabelText('登录名');
    await waitFor(() => expect(login).toHaveAccessibleDescription(/登录名已被使用/));
    expect(login).toHaveAttribute('aria-invalid', 'true');

    await user.clear(login);
    await user.type(login, 'zhoumin');
    await user.click(form().getByRole('button', { name: '创建账号' }));
    expect(await table().findByRole('rowheader', { name: /周敏/ })).toBeInTheDocument();
    expect(row('周敏').getByRole('cell', { name: '省教育厅' })).toBeInTheDocument();
    expect(backend.requests.at(-1)?.body).toEqual({
      login: 'zhoumin',
      name: '周敏',
      unitId: 'p-jyt',
      role: 'staff',
      title: '科技处副处长',
      password: '长江黄河淮河一起奔流到海',
    });
    expect(form().getByLabelText('登录名')).toHaveValue('');
    expect(form().getByLabelText('初始密码')).toHaveValue('');
  });

  it('disables and enables an account after a confirmation', async () => {
    const { user, backend } = await openAccounts();
    await screen.findByRole('table', { name: '账号列表' });
    await user.click(row('刘洋').getByRole('button', { name: '停用' }));
    expect(
      dialog().getByText('停用 刘洋（liuyang）的账号？其登录会立即失效，之后不能再登录。'),
    ).toBeInTheDocument();
    await user.click(dialog().getByRole('button', { name: '停用' }));
    await waitFor(() => expect(row('刘洋').getByRole('cell', { name: '停用' })).toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/api/accounts/u-kjt/active',
      body: { active: false },
    });
    await user.click(row('刘洋').getByRole('button', { name: '启用' }));
    await user.click(dialog().getByRole('button', { name: '启用' }));
    await waitFor(() => expect(row('刘洋').getByRole('cell', { name: '正常' })).toBeInTheDocument());
  });

  it('cancelling the confirmation changes nothing', async () => {
    const { user, backend } = await openAccounts();
    await screen.findByRole('table', { name: '账号列表' });
    await user.click(row('刘洋').getByRole('button', { name: '停用' }));
    await user.click(dialog().getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(row('刘洋').getByRole('cell', { name: '正常' })).toBeInTheDocument();
    expect(backend.requests).toHaveLength(0);
  });

  it('resets a password: too short is refused in the form, then it is set', async () => {
    const { user, backend } = await openAccounts();
    await screen.findByRole('table', { name: '账号列表' });
    await user.click(row('刘洋').getByRole('button', { name: '重置密码' }));
    expect(dialog().getByRole('heading', { name: '重置密码 · 刘洋' })).toBeInTheDocument();
    const field = dialog().getByLabelText('新密码');
    expect(field).toHaveAttribute('autocomplete', 'new-password');
    await user.type(field, '太短了');
    await user.click(dialog().getByRole('button', { name: '重置密码' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/密码至少 12 个字符/);
    expect(backend.requests).toHaveLength(0);
    await user.clear(field);
    await user.type(field, 'Fuyang-2024-spring-kjt');
    await user.click(dialog().getByRole('button', { name: '重置密码' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.requests).toEqual([
      { method: 'POST', path: '/api/accounts/u-kjt/password', body: { password: 'Fuyang-2024-spring-kjt' } },
    ]);
    expect(await row('刘洋').findByRole('cell', { name: '2024-05-20 11:15' })).toBeInTheDocument();
  });

  it('a unit (not a supervisor) is told it may not manage accounts', async () => {
    await openAccounts('u-kjt');
    expect(await screen.findByRole('alert')).toHaveTextContent('当前身份无权执行此操作');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
