import { delay, http } from 'msw';
import { mockControls } from './controls';
import { loadLargeBuilder } from './seed/large-loader';
import { demoApp } from './store/instance';

/**
 * The whole mock API is one forwarding handler: msw hands `/api/*` to the shared HTTP app over the
 * demo store. Only transport effects live here (the latency knob; loading the 10,000-task
 * generator before a reset asks for it).
 */
export const handlers = [
  http.all('*/api/*', async ({ request }) => {
    if (mockControls.latencyMs > 0) await delay(mockControls.latencyMs);
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/demo/reset') {
      const body = (await request
        .clone()
        .json()
        .catch(() => null)) as { dataset?: string } | null;
      if (body?.dataset === 'large') await loadLargeBuilder();
    }
    return demoApp().fetch(request);
  }),
];
