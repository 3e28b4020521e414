import { api } from '../../src/domain/contract';
import { errorResponse, read } from '../http';

export const meetingHandlers = [
  read(api.meetings, ({ db }) =>
    db.data.meetings
      .map(({ text: _text, ...m }) => {
        const directiveIds = new Set(db.data.directives.filter((d) => d.meetingId === m.id).map((d) => d.id));
        return {
          ...m,
          directiveCount: directiveIds.size,
          taskCount: db.data.tasks.filter((t) => t.directiveId !== null && directiveIds.has(t.directiveId))
            .length,
        };
      })
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
  ),
  read(api.meeting, ({ db, params }) => {
    const m = db.data.meetings.find((x) => x.id === params.id);
    return m ?? errorResponse('not-found', `会议不存在：${params.id}`);
  }),
  read(api.directives, ({ db }, q) =>
    db.data.directives
      .filter((d) => !q.meetingId || d.meetingId === q.meetingId)
      .sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.seq - b.seq),
  ),
];
