import { alignmentHandlers } from './handlers/alignment';
import { assessmentHandlers } from './handlers/assessments';
import { auditHandlers } from './handlers/audit';
import { dashboardHandlers } from './handlers/dashboard';
import { demoHandlers } from './handlers/demo';
import { importHandlers } from './handlers/imports';
import { inboxHandlers } from './handlers/inbox';
import { meetingHandlers } from './handlers/meetings';
import { reportHandlers } from './handlers/reports';
import { sessionHandlers } from './handlers/session';
import { taskHandlers } from './handlers/tasks';
import { unitHandlers } from './handlers/units';
import { largeDatasetLoader } from './seed/large-loader';

/** Every mock API handler, one file per resource. */
export const handlers = [
  ...sessionHandlers,
  ...unitHandlers,
  ...meetingHandlers,
  ...taskHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...auditHandlers,
  ...inboxHandlers,
  ...dashboardHandlers,
  ...alignmentHandlers,
  ...assessmentHandlers,
  // Loads the 10,000-task generator on demand, then falls through to the reset handler.
  largeDatasetLoader,
  ...demoHandlers,
];
