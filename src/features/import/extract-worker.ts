/// <reference lib="webworker" />
import { type ExtractOptions, extract } from '../../domain/extraction';

/**
 * Runs the extraction engine off the main thread, so pasting a long work report keeps the wizard
 * responsive. One message in (`{ id, text, options }`), one message out (`{ id, result }`).
 */
export interface ExtractRequest {
  id: number;
  text: string;
  options: ExtractOptions;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ExtractRequest>) => {
  const { id, text, options } = e.data;
  scope.postMessage({ id, result: extract(text, options) });
};
