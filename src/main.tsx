import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiReady, setIdentity } from './api/client';
import { App } from './app/app';
import { bootServer } from './app/server-boot';
import { runDemoClock } from './domain/clock';
import { useDemoSettings } from './shared/stores/demo';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App onMounted={painted} />
  </StrictMode>,
);
