import { currentTransport } from '../../src/api/client';

/** A hand-made request (headers the typed client would never send) through the backend's transport. */
export function rawRequest(path: string, init: RequestInit): Promise<Response> {
  return currentTransport()(new Request(new URL(path, 'http://localhost/'), init));
}
