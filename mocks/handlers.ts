import { auditHandlers } from './handlers/audit';
import { demoHandlers } from './handlers/demo';
import { importHandlers } from './handlers/imports';
import { inboxHandlers } from './handlers/inbox';
import { meetingHandlers } from './handlers/meetings';
import { reportHandlers } from './handlers/reports';
import { sessionHandlers } from './handlers/session';
import { taskHandlers } from './handlers/tasks';
import { unitHandlers } from './handlers/units';

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
  ...demoHandlers,
];
