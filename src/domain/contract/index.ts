import { alignmentEndpoints } from './alignment';
import { assessmentEndpoints } from './assessments';
import { authEndpoints } from './auth';
import { coreEndpoints } from './core';
import { importEndpoints } from './imports';
import { inboxEndpoints } from './inbox';
import { reminderEndpoints } from './reminders';
import { taskEndpoints } from './tasks';

export * from './alignment';
export * from './assessments';
export * from './auth';
export * from './core';
export * from './endpoint';
export * from './imports';
export * from './inbox';
export * from './reminders';
export * from './tasks';

/** Every endpoint of the Luoshi API. `docs/api.md` is generated from this object. */
export const api = {
  ...coreEndpoints,
  ...authEndpoints,
  ...alignmentEndpoints,
  ...taskEndpoints,
  ...importEndpoints,
  ...inboxEndpoints,
  ...reminderEndpoints,
  ...assessmentEndpoints,
};
export type Api = typeof api;
