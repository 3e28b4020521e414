import { type ExtractionResult, type ExtractOptions, extract } from '../../domain/extraction';
import type { ExtractRequest } from './extract-worker';

/** Below this length the engine answers in a few milliseconds: a worker would only add start-up time. */
export const WORKER_THRESHOLD = 20_000;

let worker: Worker | null = null;
let nextId = 0;

function getWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    worker ??= new Worker(new URL('./extract-worker.ts', import.meta.url), { type: 'module' });
    return worker;
  } catch {
    return null;
  }
}

/** Stops the worker (it is kept between extractions; tests start each case without one). */
export function disposeExtractWorker(): void {
  worker?.terminate();
  worker = null;
}

/**
 * Extracts directives in a Web Worker for long texts, synchronously for short ones and wherever
 * workers are unavailable (tests, old browsers). Never rejects: the engine never throws, and a
 * worker that fails falls back to the main thread.
 */
export function extractAsync(text: string, options: ExtractOptions): Promise<ExtractionResult> {
  const w = text.length >= WORKER_THRESHOLD ? getWorker() : null;
  if (!w) {
    // Yield once so the progress indicator paints before the work starts.
    return new Promise((resolve) => setTimeout(() => resolve(extract(text, options)), 0));
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    const done = (result: ExtractionResult) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(result);
    };
    const onMessage = (e: MessageEvent<{ id: number; result: ExtractionResult }>) => {
      if (e.data.id === id) done(e.data.result);
    };
    const onError = () => {
      worker?.terminate();
      worker = null;
      done(extract(text, options));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, text, options } satisfies ExtractRequest);
  });
}
