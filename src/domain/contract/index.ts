import { alignmentEndpoints } from './alignment';
import { assessmentEndpoints } from './assessments';
import { authEndpoints } from './auth';
import { coreEndpoints } from './core';
import { importEndpoints } from './imports';
import { inboxEndpoints } from './inbox';
import { taskEndpoints } from './tasks';

export * from './alignment';
export * from './assessments';
export * from './auth';
export * from './core';
export * from './endpoint';
export * from './imports';
export * from './inbox';
export * from './tasks';

/** Every endpoint of the Luoshi API. `docs/api.md` is generated from this object. */
export const api = {
  ...coreEndpoints,
  ...authEndpoints,
  ...alignmentEndpoints,
  ...taskEndpoints,
  ...importEndpoints,
  ...inboxEndpoints,
  ...assessmentEndpoints,
};
export type Api = typeof api;
