/**
 * Knobs of the demo backend, set from the demo settings panel: artificial latency and the share of
 * requests that fail with a 500, to show what the UI does on a slow or failing network.
 */
export interface MockControls {
  latencyMs: number;
  errorRate: number;
}

export const mockControls: MockControls = { latencyMs: 0, errorRate: 0 };

export function configureMock(next: Partial<MockControls>): void {
  Object.assign(mockControls, next);
}
