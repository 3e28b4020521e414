import type { BulletinChart, DocxFile, NoticeInput } from '../../domain/documents';
import type { BulletinSource, Directory, DocTask, Issuer } from '../../domain/documents/models';
import type { ScoringScheme } from '../../domain/scoring';

/** One document to build: the generator's name and its inputs, as plain data a worker can receive. */
export type DocJob =
  | { kind: 'task-notice'; task: DocTask; input: NoticeInput }
  | { kind: 'unit-notices'; unitId: string; tasks: DocTask[]; input: NoticeInput }
  | {
      kind: 'breakdown';
      meetingId: string;
      tasks: DocTask[];
      input: { directory: Directory; issuer: Issuer };
    }
  | {
      kind: 'bulletin';
      source: BulletinSource;
      input: { issuer: Issuer; serial: number; scheme?: ScoringScheme; charts?: BulletinChart[] };
    };

export type JobResult = { ok: true; file: DocxFile } | { ok: false; message: string };
