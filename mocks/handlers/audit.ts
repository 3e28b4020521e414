import { api } from '../../src/domain/contract';
import { read } from '../http';

/** Read-only: the contract has no endpoint that edits or deletes audit entries. */
export const auditHandlers = [
  read(api.audit, ({ db }, q) => {
    const rows = db.data.audit.filter(
      (e) =>
        (!q.target || e.target === q.target) &&
        (!q.actorId || e.actorId === q.actorId) &&
        (!q.action || e.action.startsWith(q.action)) &&
        (!q.outcome || e.outcome === q.outcome),
    );
    rows.reverse();
    const start = (q.page - 1) * q.pageSize;
    return {
      items: rows.slice(start, start + q.pageSize),
      total: rows.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }),
];
