import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { sendEarly, setApiReady, setIdentity } from './api/client';
import { dashboardQueries } from './api/dashboard';
import { sessionQueries } from './api/queries';
import { App, createQueryClient } from './app/app';
import { bootServer } from './app/server-boot';
import { runDemoClock } from './domain/clock';
import { loadLanguage } from './i18n';
import { useDemoSettings } from './shared/stores/demo';
import { usePreferences } from './shared/stores/preferences';
import './app/styles.css';

// In demo builds the API is the msw mock in this tab. Requests wait for it (setApiReady), and it is
// loaded only after the first frame is painted: evaluating the mock database is real main-thread work,
// and the shell and the page header should not wait for it.
let painted = () => {};
const firstPaint = new Promise<void>((resolve) => {
  // After the shell's first commit, wait one frame (the paint) and then yield once more.
  painted = () => requestAnimationFrame(() => setTimeout(resolve, 0));
});

if (__LUOSHI_DEMO__) {
  const demo = useDemoSettings.getState();
  setIdentity(demo.personId);
  // The demo date is set before the first render, so every "today" on screen is the demo's.
  runDemoClock(demo.clockDate);
  setApiReady(firstPaint.then(() => import('./app/demo-boot').then((m) => m.bootDemo())));
} else {
  setApiReady(bootServer());
}

const client = createQueryClient();
// On the server the first screen's own requests go out now, before React's first render keeps the
// main thread busy: who is signed in, and the 总览 data when that is the page opened. The queries
// take these answers once the server has said how it identifies people (sendEarly); a 401 lands in
// the cache like any answer and the session gate acts on it.
if (!__LUOSHI_DEMO__) {
  const dashboard = /^#?\/?(\?|$)/.test(location.hash);
  sendEarly('/api/session');
  if (dashboard) sendEarly('/api/dashboard');
  void client.prefetchQuery(sessionQueries.current());
  if (dashboard) void client.prefetchQuery(dashboardQueries.overview());
}

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} onMounted={painted} />
    </StrictMode>,
  );
// Someone who chose English gets English from the first paint (its chunk is fetched first); zh-CN
// renders at once. A failed chunk falls back to zh-CN rather than no page.
if (usePreferences.getState().lang === 'zh') render();
else
  void loadLanguage(usePreferences.getState().lang)
    .catch(() => {})
    .then(render);
