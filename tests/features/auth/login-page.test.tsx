import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { sessionQueries } from '../../../src/api/queries';
import { LoginPage } from '../../../src/features/auth';
import { renderRoute } from '../../test-utils';
import { lockedOut, PASSWORD, resetMode, signInServer } from './sign-in-server';

afterEach(resetMode);

function renderLogin(url: string, lang: 'zh' | 'en' = 'zh') {
  const user = userEvent.setup();
  const utils = renderRoute(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <p>目标页面</p> },
    ],
    url,
    { lang },
  );
  return { user, ...utils };
}

const loginField = () => screen.getByLabelText('登录名');
const passwordField = () => screen.getByLabelText('密码');
const submit = () => screen.getByRole('button', { name: '登录' });

describe('登录', () => {
  it('signs in and goes back to `next`, with the session in a fresh cache', async () => {
    const { attempts } = signInServer();
    const { user, router, client } = renderLogin('/login?next=%2Fledger%2FT-0003%3Ftab%3Dreports');
    client.setQueryData(['tasks', 'list', {}], { stale: 'from before' });
    expect(screen.getByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(screen.getByText('登录后将回到刚才的页面，已填写的内容会保留。')).toBeInTheDocument();
    expect(loginField()).toHaveAttribute('autocomplete', 'username');
    expect(loginField()).toHaveAttribute('name', 'username');
    expect(passwordField()).toHaveAttribute('type', 'password');
    expect(passwordField()).toHaveAttribute('autocomplete', 'current-password');
    await user.type(loginField(), 'liuyang');
    await user.type(passwordField(), `${PASSWORD}{Enter}`);
    expect(await screen.findByText('目标页面')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/ledger/T-0003');
    expect(router.state.location.search).toBe('?tab=reports');
    expect(attempts).toEqual([{ login: 'liuyang', password: PASSWORD }]);
    expect(client.getQueryData(['tasks', 'list', {}])).toBeUndefined();
    expect(client.getQueryData(sessionQueries.current().queryKey)?.person.name).toBe('刘洋');
  });

  it('without `next`, or with one pointing elsewhere, goes to the dashboard', async () => {
    signInServer();
    const { user, router } = renderLogin('/login?next=https%3A%2F%2Fevil.example');
    await user.type(loginField(), 'liuyang');
    await user.type(passwordField(), PASSWORD);
    await user.click(submit());
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('a wrong password: one message for both fields, the login kept, the password emptied, focus on the message', async () => {
    signInServer();
    const { user } = renderLogin('/login');
    await user.type(loginField(), 'liuyang');
    await user.type(passwordField(), 'wrong password!');
    await user.click(submit());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('登录名或密码不正确。');
    expect(alert).toHaveFocus();
    expect(loginField()).toHaveValue('liuyang');
    expect(passwordField()).toHaveValue('');
    expect(loginField()).toHaveAttribute('aria-invalid', 'true');
    expect(passwordField()).toHaveAttribute('aria-invalid', 'true');
    expect(passwordField()).toHaveAccessibleDescription('登录名或密码不正确。');
    // A second try with the right password works from the same form.
    await user.type(passwordField(), PASSWORD);
    await user.click(submit());
    expect(await screen.findByText('目标页面')).toBeInTheDocument();
  });

  it('empty fields are caught before asking the server', async () => {
    const { attempts } = signInServer();
    const { user } = renderLogin('/login');
    await user.type(loginField(), 'liuyang');
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写登录名和密码。');
    expect(passwordField()).toHaveAttribute('aria-invalid', 'true');
    expect(loginField()).not.toHaveAttribute('aria-invalid', 'true');
    expect(attempts).toHaveLength(0);
  });

  it('locked out (429): says how many minutes to wait', async () => {
    signInServer();
    lockedOut(14 * 60 + 5);
    const { user } = renderLogin('/login');
    await user.type(loginField(), 'liuyang');
    await user.type(passwordField(), PASSWORD);
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent('登录失败次数过多，请 15 分钟后再试。');
    expect(loginField()).toHaveValue('liuyang');
  });

  it('the network fails: says so, in English too', async () => {
    signInServer();
    server.use(http.post('*/api/session', () => HttpResponse.error()));
    const { user } = renderLogin('/login', 'en');
    await user.type(screen.getByLabelText('Login'), 'liuyang');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server cannot be reached. Check the network and try again.',
    );
  });

  it('where the server has no sign-in, says so instead of a form', () => {
    renderLogin('/login');
    expect(screen.getByText('此服务器无需登录。')).toBeInTheDocument();
    expect(screen.queryByLabelText('密码')).not.toBeInTheDocument();
  });
});
