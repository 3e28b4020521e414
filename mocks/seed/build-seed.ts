import { addDays, endOfMonth } from '../../src/domain/dates';
import { extract } from '../../src/domain/extraction';
import { SEED_ARTICLE } from '../../src/domain/extraction/fixtures/seed-article';
import { quarterRange, quartersBetween } from '../../src/domain/quarter';
import { DEFAULT_PREFS, type ReminderPrefs } from '../../src/domain/reminders/rules';
import type {
  Assessment,
  AuditEntry,
  Directive,
  Meeting,
  Person,
  ProgressReport,
  Task,
} from '../../src/domain/schemas';
import { DEFAULT_SCHEME, scoreQuarter } from '../../src/domain/scoring';
import { DB_VERSION, type Db, DEFAULT_SETTINGS } from '../../src/service/db';
import { simulateTask, type TaskPlan } from './lifecycle';
import { SEED_PEOPLE, SEED_UNITS } from './org';
import { createRandom } from './random';

/** The demo's pinned "today": inside the tasks' span, after 2024Q1 closed, before 2024Q2 ends. */
export const DEMO_TODAY = '2024-05-20';

export const PROVINCE_MEETING_ID = 'm-2023-0424-ah';
export const CITY_MEETING_ID = 'm-2023-0424-fy';

/** Lead and cooperating units for each seed directive (by position in the article). */
const OWNERS: Record<number, [string, string[]]> = {
  0: ['p-kjt', ['p-zzb']],
  1: ['p-kjt', ['p-fgw']],
  2: ['p-kjt', ['p-fgw', 'c-hf']],
  3: ['p-jxt', ['p-kjt']],
  4: ['p-jxt', ['p-kjt', 'p-czt']],
  5: ['p-fgw', ['p-jxt', 'c-hf']],
  6: ['p-zzb', ['p-rst', 'p-jyt']],
  7: ['p-kjt', ['p-jyt', 'p-czt', 'p-fgw']],
  8: ['p-kjt', ['c-hf', 'c-fy', 'c-wh']],
  9: ['p-zzb', ['p-kjt']],
  10: ['p-kjt', ['p-fgw']],
  11: ['p-kjt', ['p-fgw']],
  12: ['p-jxt', ['p-czt']],
  13: ['p-kjt', ['p-rst', 'p-czt']],
  14: ['b-fy-kjj', ['b-fy-fgw']],
  16: ['b-fy-jxj', ['b-fy-kjj']],
  17: ['b-fy-zzb', ['b-fy-rsj', 'b-fy-kjj']],
  18: ['b-fy-czj', ['b-fy-kjj']],
  19: ['b-fy-kjj', []],
  20: ['b-fy-fgw', ['b-fy-kjj']],
  21: ['c-fy', ['b-fy-kjj']],
};

/** A measure that names a specialised field goes to the department that owns that field. */
const MEASURE_OWNER: [RegExp, string][] = [
  [/人才评价|激励机制/, 'p-rst'],
  [/科技投入/, 'p-czt'],
  [/长三角/, 'p-fgw'],
  [/教育、科技、人才/, 'p-jyt'],
];

export function staffOf(people: readonly Person[], unitId: string): Person | undefined {
  return people.find((p) => p.unitId === unitId && p.role === 'staff');
}

export function seedMeetings(): Meeting[] {
  const common = { date: '2023-04-24', source: '阜阳日报 2023-04-25（编辑部）', text: SEED_ARTICLE };
  return [
    {
      id: PROVINCE_MEETING_ID,
      title: '全省深入推进创新型省份建设加快打造科技创新策源地工作会议',
      place: '合肥',
      level: 'province',
      hostUnitId: 'p-wbt',
      speakers: [
        { name: '韩俊', title: '省委书记' },
        { name: '王清宪', title: '省委副书记、省长' },
      ],
      ...common,
    },
    {
      id: CITY_MEETING_ID,
      title: '阜阳市贯彻落实全省创新型省份建设工作会议精神会议',
      place: '阜阳',
      level: 'city',
      hostUnitId: 'c-fy',
      speakers: [{ name: '孙正东', title: '市委书记' }],
      ...common,
    },
  ];
}

/**
 * The seed's directives are what the extraction engine finds in the seed article (a test checks they
 * equal the hand annotation: 22 directives, 70 measures); 孙正东's belong to the 阜阳 meeting.
 */
export function seedDirectives(): Directive[] {
  const result = extract(SEED_ARTICLE, { meetingDate: '2023-04-24' });
  const idOf = (engineId: string) => `d-${engineId.replace(/^d/, '').padStart(2, '0')}`;
  const titleOf = new Map(result.speakers.map((s) => [s.name, s.title]));
  return result.directives.map((d, i) => ({
    id: idOf(d.id),
    meetingId: d.speaker === '孙正东' ? CITY_MEETING_ID : PROVINCE_MEETING_ID,
    seq: i,
    speaker: d.speaker,
    speakerTitle: d.speaker ? (titleOf.get(d.speaker) ?? null) : null,
    heading: d.heading,
    measures: d.measures,
    kind: d.kind,
    parentId: d.parentId ? idOf(d.parentId) : null,
    headingSpan: d.headingSpan,
    measureSpans: d.measureSpans,
    implements: SEED_LINKS[idOf(d.id)] ?? [],
  }));
}

/**
 * Links the supervision office has already confirmed between 孙正东's 阜阳 directives and the provincial
 * ones they carry out (see docs/alignment.md). Others are left open, so the matrix shows real gaps and
 * the suggestions still have work to offer (d-18 → d-07 among them).
 */
const SEED_LINKS: Record<string, string[]> = {
  'd-15': ['d-01', 'd-11'],
  'd-17': ['d-05', 'd-13'],
  'd-19': ['d-08'],
  'd-22': ['d-10'],
};

/** Month ends from 2023-06 to 2024-12: where the seed's deadlines fall. */
const DEADLINES = Array.from({ length: 19 }, (_, i) =>
  endOfMonth(`${2023 + Math.floor((i + 5) / 12)}-${String(((i + 5) % 12) + 1).padStart(2, '0')}-01`),
);

export function buildSeedDb(today: string = DEMO_TODAY): Db {
  const rng = createRandom(20230424);
  const directives = seedDirectives();
  const sup = SEED_PEOPLE.find((p) => p.id === 'u-sup')!;
  let reportSeq = 0;
  const nextReportId = () => `R-${String(++reportSeq).padStart(4, '0')}`;
  const tasks: Task[] = [];
  const reports: ProgressReport[] = [];
  const auditRaw: Omit<AuditEntry, 'id'>[] = [
    {
      at: '2023-04-25T09:00:00+08:00',
      actorId: sup.id,
      actorName: sup.name,
      role: 'supervisor',
      action: 'meeting.import',
      target: `meeting:${PROVINCE_MEETING_ID}`,
      outcome: 'ok',
      detail: '导入讲话，生成部署 14 项',
    },
    {
      at: '2023-04-25T09:05:00+08:00',
      actorId: sup.id,
      actorName: sup.name,
      role: 'supervisor',
      action: 'meeting.import',
      target: `meeting:${CITY_MEETING_ID}`,
      outcome: 'ok',
      detail: '导入讲话，生成部署 8 项',
    },
  ];
  let n = 0;
  directives.forEach((d, di) => {
    d.measures.forEach((measure, mi) => {
      n += 1;
      const [lead0, co0] = OWNERS[di] ?? ['p-kjt', []];
      const special =
        d.speaker === '孙正东' ? undefined : MEASURE_OWNER.find(([re]) => re.test(measure))?.[1];
      const leadUnitId = special ?? lead0;
      const coUnitIds = special ? [lead0, ...co0.filter((u) => u !== special)] : co0;
      const reporter = staffOf(SEED_PEOPLE, leadUnitId)!;
      // Deadlines spread over 2023Q2–2024Q4; the headline measures of each directive come first.
      let slot = (di * 3 + mi * 4 + rng.int(0, 4)) % DEADLINES.length;
      if (slot < 6 && rng.chance(0.5)) slot += 7;
      const deadline = DEADLINES[slot]!;
      const late = n % 23 === 0;
      const forced = n % 17 === 5 ? 'extension' : n % 31 === 9 ? 'suspended' : undefined;
      const plan: TaskPlan = {
        id: `T-${String(n).padStart(4, '0')}`,
        code: `DB-2023-${String(n).padStart(4, '0')}`,
        title: measure,
        directiveId: d.id,
        measureIndex: mi,
        leadUnitId,
        coUnitIds,
        responsiblePersonId: reporter.id,
        reporterId: reporter.id,
        startDate: late ? addDays(today, -12) : '2023-04-25',
        deadline: late ? addDays(today, 120) : deadline < '2023-07-01' && mi > 1 ? '2023-09-30' : deadline,
        priority: mi === 0 ? 'high' : rng.chance(0.15) ? 'low' : 'normal',
        ...(forced ? { forced } : {}),
        tags: [
          d.speaker === '孙正东' ? '市级' : '省级',
          ...(/人才/.test(measure) ? ['人才'] : []),
          ...(/平台|实验室|装置|中心/.test(measure) ? ['平台'] : []),
        ],
      };
      const sim = simulateTask(plan, today, rng, { sup, reporterName: reporter.name }, nextReportId);
      tasks.push(sim.task);
      reports.push(...sim.reports);
      auditRaw.push(...sim.audit);
    });
  });
  const assessments = seedAssessments(tasks, reports, today);
  return {
    version: DB_VERSION,
    dataset: 'seed',
    units: SEED_UNITS,
    people: SEED_PEOPLE,
    meetings: seedMeetings(),
    directives,
    tasks,
    reports,
    assessments,
    audit: numberAudit(auditRaw),
    settings: { ...DEFAULT_SETTINGS, reminderPrefs: seedReminderPrefs() },
    seq: {
      task: tasks.length,
      report: reportSeq,
      audit: auditRaw.length,
      meeting: 2,
      directive: directives.length,
      assessment: assessments.length,
    },
  };
}

/**
 * Everyone in the demo takes reminders by e-mail at an invented address (the reserved `.example`
 * domain: nothing can ever reach a real mailbox); the rest is the default.
 */
function seedReminderPrefs(): Record<string, ReminderPrefs> {
  return Object.fromEntries(
    SEED_PEOPLE.map((p) => [p.id, { ...DEFAULT_PREFS, email: `${p.id.replace(/^u-/, '')}@luoshi.example` }]),
  );
}

export function numberAudit(raw: Omit<AuditEntry, 'id'>[]): AuditEntry[] {
  return raw
    .slice()
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e, i) => ({ ...e, id: `A-${String(i + 1).padStart(6, '0')}` }));
}

/** Scores for the quarters that have closed; all but the latest are already published. */
export function seedAssessments(
  tasks: Task[],
  reports: ProgressReport[],
  today: string,
  firstQuarter = '2023Q2',
): Assessment[] {
  const closed = quartersBetween(firstQuarter, '2024Q4').filter((q) => quarterRange(q).end < today);
  const out: Assessment[] = [];
  closed.forEach((q, qi) => {
    const published = qi < closed.length - 1;
    for (const s of scoreQuarter(q, tasks, reports, quarterRange(q).end, DEFAULT_SCHEME)) {
      out.push({
        id: `S-${q}-${s.unitId}`,
        quarter: q,
        unitId: s.unitId,
        score: s.score,
        rating: s.rating,
        breakdown: s.breakdown,
        adjustment: null,
        published,
        publishedAt: published ? `${addDays(quarterRange(q).end, 10)}T10:00:00+08:00` : null,
      });
    }
  });
  return out;
}
