import type { English } from '../../define';
import type { auditMessages } from '../audit';

/** English for ../audit.ts: the same keys (the compiler checks), loaded only when English is chosen. */
export const auditEn: English<typeof auditMessages> = {
  'audit.title': 'Audit log',
  'audit.what': 'Audit log',
  'audit.readonly': 'The audit log is read-only: nobody can change or delete it.',
  'audit.col.at': 'Time',
  'audit.col.actor': 'Actor',
  'audit.col.action': 'Action',
  'audit.col.target': 'Target',
  'audit.col.outcome': 'Outcome',
  'audit.col.detail': 'Detail',
  'audit.filter.outcome': 'Outcome',
  'audit.filter.target': 'Target (e.g. task:T-0001)',
  'audit.outcome.ok': 'OK',
  'audit.outcome.denied': 'Denied',
  'audit.outcome.invalid': 'Invalid',
  'audit.outcome.conflict': 'Conflict',
  'audit.outcome.not-found': 'Not found',
  'audit.outcome.error': 'Error',
};
