import {
  type DocxFile,
  meetingBreakdownDocx,
  quarterBulletinDocx,
  taskNoticeDocx,
  unitNoticesDocx,
} from '../../domain/documents';
import type { DocJob } from './job';

/** Build the job's document with the pure generators (in the worker, or inline where there is none). */
export function runJob(job: DocJob): Promise<DocxFile> {
  switch (job.kind) {
    case 'task-notice':
      return taskNoticeDocx(job.task, job.input);
    case 'unit-notices':
      return unitNoticesDocx(job.unitId, job.tasks, job.input);
    case 'breakdown':
      return meetingBreakdownDocx(job.meetingId, job.tasks, job.input);
    case 'bulletin':
      return quarterBulletinDocx(job.source, job.input);
  }
}
