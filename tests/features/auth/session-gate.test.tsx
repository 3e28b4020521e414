import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { sessionQueries } from '../../../src/api/queries';
import { routes } from '../../../src/app/router';
import { useDemoSettings } from '../../../src/shared/stores/demo';
import { useServerIdentity } from '../../../src/shared/stores/server-identity';
import { renderRoute } from '../../test-utils';
import { resetMode, unauthenticated } from './sign-in-server';

afterEach(resetMode);

function renderApp(url: string, as = 'u-sup') {
  useDemoSettings.setState({ personId: as });
  const user = userEvent.setup();
  return { user, ...renderRoute(routes, url, { as }) };
}

const nav = () => within(screen.getByRole('navigation', { name: '主导航' }));

describe('the session gate', () => {
  it('with sign-in and no session (401), any page goes to 登录 with the way back', async () => {
    useServerIdentity.setState({ mode: 'session' });
    server.use(http.get('*/api/session', unauthenticated));
    const { router } = renderApp('/meetings?from=inbox');
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/meetings?from=inbox');
    expect(screen.getByLabelText('登录名')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
  });

  it('in the demo (no sign-in) nothing redirects and there is no 退出', async () => {
    server.use(http.get('*/api/session', unauthenticated));
    const { router } = renderApp('/meetings');
    expect(await screen.findByRole('heading', { level: 1, name: '部署' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/meetings');
    expect(screen.queryByRole('button', { name: '退出' })).not.toBeInTheDocument();
    expect(screen.getByTestId('identity-select')).toBeInTheDocument();
  });

  it('shows who is signed in; 退出 ends the session, forgets the cache and opens 登录', async () => {
    useServerIdentity.setState({ mode: 'session' });
    let signedOut = false;
    server.use(
      http.delete('*/api/session', () => {
        signedOut = true;
        return HttpResponse.json({ ok: true });
      }),
      // As the server does: once signed out, the session is gone (before, the demo backend answers).
      http.get('*/api/session', () => (signedOut ? unauthenticated() : undefined)),
    );
    const { user, router, client } = renderApp('/meetings');
    expect(await screen.findByTestId('identity')).toHaveTextContent('陈静 · 督查室 · 省委督查室');
    await user.click(screen.getByRole('button', { name: '退出' }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(signedOut).toBe(true);
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
    expect(screen.queryByText(/陈静/)).not.toBeInTheDocument();
    expect(client.getQueryData(sessionQueries.current().queryKey)).toBeUndefined();
  });

  it('人员与账号 is in the navigation for supervisors where people sign in, and nowhere else', async () => {
    useServerIdentity.setState({ mode: 'session' });
    renderApp('/meetings');
    expect(await screen.findByTestId('identity')).toHaveTextContent('陈静');
    expect(nav().getByRole('link', { name: '人员与账号' })).toHaveAttribute('href', '/accounts');
  });

  it('…not for a unit, and not in the demo', async () => {
    useServerIdentity.setState({ mode: 'session' });
    const staff = renderApp('/meetings', 'u-kjt');
    expect(await screen.findByTestId('identity')).toHaveTextContent('刘洋');
    expect(nav().queryByRole('link', { name: '人员与账号' })).not.toBeInTheDocument();
    staff.unmount();
    useServerIdentity.setState({ mode: 'unknown' });
    renderApp('/meetings');
    expect(await screen.findByTestId('identity')).toHaveTextContent('陈静');
    expect(nav().queryByRole('link', { name: '人员与账号' })).not.toBeInTheDocument();
  });
});
