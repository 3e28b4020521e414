import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { server } from './mocks/node';
import { DEMO_TODAY } from './mocks/seed/build-seed';
import { initDb } from './mocks/store/instance';
import { setIdentity } from './src/api/client';
import { cstMidnightMs, pinClock } from './src/domain/clock';
import { loadLanguage } from './src/i18n';

// findBy*/waitFor wait up to 5 s: CI's two cores run many jsdom files at once, and 1 s is not enough there.
configure({ asyncUtilTimeout: 5000 });

// recharts measures its container with ResizeObserver; jsdom has none, so report a fixed size.
class ResizeObserverStub {
  constructor(private cb: ResizeObserverCallback) {}
  observe(target: Element) {
    this.cb(
      [{ target, contentRect: { width: 800, height: 400 } } as unknown as ResizeObserverEntry],
      this as never,
    );
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  HTMLElement.prototype.scrollIntoView ??= () => {};
  // jsdom has window.scrollTo but only to print "Not implemented"; a page scrolling to the top is a no-op here.
  window.scrollTo = () => {};
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

// Any console.error or console.warn (an act() warning, a router warning, a jsdom "Not implemented")
// fails the test that printed it: a warning today is a bug a user meets later.
const printed: string[] = [];
for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    printed.push(`console.${level}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // English is a lazy chunk in the app; tests that render in English have it from the start.
  await loadLanguage('en');
});
beforeEach(() => {
  pinClock(cstMidnightMs(DEMO_TODAY) + 10 * 3_600_000);
  initDb(null);
  setIdentity('u-sup');
  // Form drafts live in sessionStorage; each test starts without any.
  globalThis.sessionStorage?.clear();
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  const seen = printed.splice(0);
  expect(seen, 'the test printed to console.error / console.warn').toEqual([]);
});
afterAll(() => server.close());
