import type { api, LevelFilter } from '../../domain/contract';
import type { Directory, Issuer } from '../../domain/documents/model';
import type { DocxFile } from '../../domain/documents/pack';
import { bulletinSourceFromReview } from '../../domain/documents/source';
import { parseQuarter, quarterOf, quarterRange } from '../../domain/quarter';
import type { Person } from '../../domain/schemas';
import type { ReadCtx } from '../context';
import type { Db } from '../db';
import { isRefusal, type Refusal, refuse } from '../result';
import type { ReadDef } from '../runner';
import { views } from '../views';
import { assessments as assessmentList, review as reviewCase } from './assessments';
import { bulletinSerialKey } from './bulletin-serial';

/**
 * 公文 from the server: the same generators as the demo (src/domain/documents), over the data the
 * reader may see. A document is authorised like its data: a task's notice like the task, a unit's
 * notices for the office, leaders and the unit's own staff, a quarter's bulletin like its scores
 * (unpublished: the 督查室 only). The bulletin's 发文字号 is the one the quarter got when it was
 * published (kept per year by the server: see `publishQuarter`).
 */
export interface DocumentRoute {
  path: string;
  /** The read-access row (src/service/read-access.ts). */
  name: string;
  build: (ctx: ReadCtx<Record<string, string>>) => Promise<DocxFile | Refusal>;
}

/** The generators (docx) load only when a document is asked for. */
const generators = () => import('../../domain/documents');

function directoryOf(data: Db): Directory {
  return { units: data.units, people: data.people, meetings: data.meetings, directives: data.directives };
}

/** The 督查室 issues them; its contact is the signed-in supervisor, else its first one. */
function issuerOf(data: Db, actor: Person, date: string): Issuer {
  const office = data.units.find((u) => u.id === 'p-dcs') ?? data.units.find((u) => /督查/.test(u.name));
  const contact =
    actor.role === 'supervisor' && data.people.some((p) => p.id === actor.id)
      ? actor
      : data.people.find((p) => p.role === 'supervisor');
  return {
    office: office?.name ?? '督查室',
    contact: contact ? { name: contact.name, title: contact.title } : null,
    date,
  };
}

export const DOCUMENT_ROUTES: DocumentRoute[] = [
  {
    path: '/api/documents/tasks/:id/notice',
    name: 'documentTaskNotice',
    async build({ data, params, actor, today }) {
      const task = data.tasks.find((t) => t.id === params.id);
      if (!task) return refuse('not-found', `任务不存在：${params.id}`);
      const { taskNoticeDocx } = await generators();
      return taskNoticeDocx(task, {
        directory: directoryOf(data),
        issuer: issuerOf(data, actor, today),
        scheme: data.settings.scoring,
      });
    },
  },
  {
    path: '/api/documents/units/:id/notices',
    name: 'documentUnitNotices',
    async build({ data, params, actor, today }) {
      const unit = data.units.find((u) => u.id === params.id);
      if (!unit) return refuse('not-found', `单位不存在：${params.id}`);
      if (actor.role === 'staff' && actor.unitId !== unit.id)
        return refuse('forbidden', '只能下载本单位的督办通知单 (forbidden)');
      const { unitNoticesDocx } = await generators();
      return unitNoticesDocx(unit.id, data.tasks, {
        directory: directoryOf(data),
        issuer: issuerOf(data, actor, today),
        scheme: data.settings.scoring,
      });
    },
  },
  {
    path: '/api/documents/meetings/:id/breakdown',
    name: 'documentMeetingBreakdown',
    async build({ data, params, actor, today }) {
      if (!data.meetings.some((m) => m.id === params.id))
        return refuse('not-found', `会议不存在：${params.id}`);
      const { meetingBreakdownDocx } = await generators();
      return meetingBreakdownDocx(params.id!, views(data, today).rows, {
        directory: directoryOf(data),
        issuer: issuerOf(data, actor, today),
      });
    },
  },
  {
    path: '/api/documents/bulletins/:quarter',
    name: 'documentBulletin',
    async build(ctx) {
      const quarter = ctx.params.quarter ?? quarterOf(ctx.today);
      const level = (
        ['all', 'province', 'city'].includes(ctx.query.level ?? '') ? ctx.query.level : 'all'
      ) as LevelFilter;
      const query = { quarter, level };
      const list = await (assessmentList as ReadDef<typeof api.assessments>).resolve({
        ...ctx,
        query,
      } as never);
      if (isRefusal(list)) return list;
      const typed = list as Exclude<typeof list, Refusal> & {
        state: string;
        publishedAt: string | null;
        items: unknown[];
      };
      if (typed.state !== 'published' && ctx.actor.role !== 'supervisor')
        return refuse('forbidden', '本季度考核结果尚未发布，通报只供督查室预览 (forbidden)');
      const review = await (reviewCase as ReadDef<typeof api.review>).resolve({ ...ctx, query } as never);
      if (isRefusal(review)) return review;
      const serial = ctx.data.seq[bulletinSerialKey(quarter)] ?? parseQuarter(quarter)?.q ?? 1;
      const date = typed.publishedAt?.slice(0, 10) ?? [ctx.today, quarterRange(quarter).end].sort()[0]!;
      const { quarterBulletinDocx } = await generators();
      return quarterBulletinDocx(bulletinSourceFromReview(review as never, typed as never), {
        issuer: issuerOf(ctx.data, ctx.actor, date),
        serial,
        scheme: ctx.data.settings.scoring,
      });
    },
  },
];
