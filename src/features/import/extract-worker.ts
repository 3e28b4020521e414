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

// Typed structurally: a `webworker` lib reference here would change the globals of the whole project.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ExtractRequest>) => void) | null;
  postMessage: (message: unknown) => void;
};
scope.onmessage = (e: MessageEvent<ExtractRequest>) => {
  const { id, text, options } = e.data;
  scope.postMessage({ id, result: extract(text, options) });
};
