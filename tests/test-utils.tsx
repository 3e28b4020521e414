import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { setIdentity } from '../src/api/client';
import { usePreferences } from '../src/shared/stores/preferences';

/** Render a page at a URL with a fresh query client, as the given demo identity. */
export function renderRoute(
  routes: RouteObject[],
  url: string,
  opts: { as?: string; lang?: 'zh' | 'en' } = {},
) {
  setIdentity(opts.as ?? 'u-sup');
  usePreferences.setState({ lang: opts.lang ?? 'zh' });
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const utils = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...utils, router, client };
}

/** Render one element at `path` (with `url` as the current location). */
export function renderPage(
  element: ReactElement,
  path: string,
  url: string,
  opts: { as?: string; lang?: 'zh' | 'en' } = {},
) {
  return renderRoute(
    [
      { path, element },
      { path: '*', element: <div>other page</div> },
    ],
    url,
    opts,
  );
}
