import { coreEndpoints } from './core';
import { inboxEndpoints } from './inbox';
import { taskEndpoints } from './tasks';

export * from './core';
export * from './endpoint';
export * from './inbox';
export * from './tasks';

/** Every endpoint of the Luoshi API. `docs/api.md` is generated from this object. */
export const api = {
  ...coreEndpoints,
  ...taskEndpoints,
  ...inboxEndpoints,
};
export type Api = typeof api;
