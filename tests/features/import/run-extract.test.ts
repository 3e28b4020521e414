import { afterEach, describe, expect, it, vi } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { SEED_ARTICLE } from '../../../src/domain/extraction/fixtures/seed-article';
import {
  disposeExtractWorker,
  extractAsync,
  WORKER_THRESHOLD,
} from '../../../src/features/import/run-extract';

const LONG = Array.from(
  { length: Math.ceil(WORKER_THRESHOLD / SEED_ARTICLE.length) + 1 },
  () => SEED_ARTICLE,
).join('\n');

/** A stand-in for the browser's Worker that answers like extract-worker.ts, or fails to start. */
function fakeWorker(mode: 'answer' | 'fail') {
  const created: string[] = [];
  class FakeWorker extends EventTarget {
    constructor(url: URL) {
      super();
      created.push(String(url));
    }
    postMessage(msg: { id: number; text: string; options: object }) {
      setTimeout(() => {
        if (mode === 'fail') this.dispatchEvent(new Event('error'));
        else
          this.dispatchEvent(
            new MessageEvent('message', { data: { id: msg.id, result: extract(msg.text, msg.options) } }),
          );
      }, 0);
    }
    terminate() {}
  }
  vi.stubGlobal('Worker', FakeWorker);
  return created;
}

afterEach(() => {
  disposeExtractWorker();
  vi.unstubAllGlobals();
});

describe('extractAsync', () => {
  it('runs short texts on the main thread, with the same result as the engine', async () => {
    const created = fakeWorker('answer');
    expect(await extractAsync(SEED_ARTICLE, {})).toEqual(extract(SEED_ARTICLE, {}));
    expect(created).toEqual([]);
  });

  it('sends long texts to the worker and returns its answer', async () => {
    const created = fakeWorker('answer');
    const result = await extractAsync(LONG, { meetingDate: '2023-04-24' });
    expect(created.some((u) => u.includes('extract-worker'))).toBe(true);
    expect(result.directives.length).toBe(extract(LONG, { meetingDate: '2023-04-24' }).directives.length);
  });

  it('falls back to the main thread when the worker fails', async () => {
    const created = fakeWorker('fail');
    const result = await extractAsync(LONG, {});
    expect(created).toHaveLength(1);
    expect(result.directives.length).toBe(extract(LONG, {}).directives.length);
  });
});
