import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Layout } from '../../src/app/layout';
import { RouteError, RouteLoading } from '../../src/app/route-error';
import { routes } from '../../src/app/router';
import { renderRoute } from '../test-utils';

describe('the shell', () => {
  it('names the browser tab after the page, in the chosen language', async () => {
    renderRoute(routes, '/ledger', { lang: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Supervision ledger' });
    await waitFor(() => expect(document.title).toBe('Supervision ledger · Luoshi'));
    await userEvent.click(screen.getByRole('button', { name: /^中文/ }));
    await waitFor(() => expect(document.title).toBe('督办台账 · 落实'));
  });

  it('the language button is named by what it shows, then what it does', async () => {
    renderRoute(routes, '/ledger');
    await screen.findByRole('heading', { level: 1, name: '督办台账' });
    expect(screen.getByRole('button', { name: /English/ })).toHaveAccessibleName('English — 切换语言');
  });

  it('a page whose code fails to load shows an error with a retry inside the shell', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    renderRoute(
      [
        {
          path: '/',
          element: createElement(Layout),
          children: [
            {
              path: 'broken',
              lazy: () =>
                Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/x.js')),
              ErrorBoundary: RouteError,
              HydrateFallback: RouteLoading,
            },
          ],
        },
      ],
      '/broken',
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('页面未能打开');
    expect(alert).toHaveTextContent('页面程序未能下载，可能是网络中断或系统刚刚更新。请重试。');
    // The navigation is still there.
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(reload).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
