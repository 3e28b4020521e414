import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiReady, setIdentity } from './api/client';
import { App } from './app/app';
import { useDemoSettings } from './shared/stores/demo';
import './app/styles.css';

// In demo builds the API is the msw mock in this tab. The shell paints at once; requests wait
// until the worker is up (setApiReady), so starting it never blocks the first paint.
if (__LUOSHI_DEMO__) {
  const demo = useDemoSettings.getState();
  setIdentity(demo.personId);
  setApiReady(import('./app/demo-boot').then((m) => m.bootDemo()));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
