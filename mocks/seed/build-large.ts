import { addDays, endOfMonth } from '../../src/domain/dates';
import type {
  Assessment,
  AuditEntry,
  Directive,
  Meeting,
  Person,
  ProgressReport,
  Task,
  Unit,
} from '../../src/domain/schemas';
import { DB_VERSION, type Db, DEFAULT_SETTINGS } from '../../src/service/db';
import { DEMO_TODAY, seedAssessments, seedDirectives, seedMeetings } from './build-seed';
import { simulateTask, type TaskPlan } from './lifecycle';
import { SEED_PEOPLE, SEED_UNITS } from './org';
import { createRandom, type Random } from './random';

/** The seed's 22 directives (as the extraction engine finds them in the seed article). */
const SEED_DIRECTIVES = seedDirectives();

/**
 * The large demo dataset: 10,000 tasks over 60 units and eight quarters of meetings (2022Q3–2024Q2),
 * built deterministically so every reset and every machine gets the same ledger. The seed's two
 * meetings of 2023-04-24 are kept as they are; the other meetings are invented (invented speakers
 * too: the demo never puts words into real officials' mouths) and reuse the seed's measures.
 */
export const LARGE_TASK_COUNT = 10_000;

const EXTRA_PROVINCE: [string, string, string][] = [
  ['p-zrt', '省自然资源厅', '省自然资源厅'],
  ['p-sthjt', '省生态环境厅', '省生态环境厅'],
  ['p-zjt', '省住房城乡建设厅', '省住建厅'],
  ['p-jtt', '省交通运输厅', '省交通运输厅'],
  ['p-nyt', '省农业农村厅', '省农业农村厅'],
  ['p-swt', '省商务厅', '省商务厅'],
  ['p-wjw', '省卫生健康委', '省卫健委'],
  ['p-scj', '省市场监管局', '省市场监管局'],
  ['p-tjj', '省统计局', '省统计局'],
  ['p-sjj', '省数据资源局', '省数据资源局'],
  ['p-jrj', '省地方金融监管局', '省金融监管局'],
  ['p-zscq', '省知识产权局', '省知识产权局'],
  ['p-gzw', '省国资委', '省国资委'],
  ['p-slt', '省水利厅', '省水利厅'],
];
const EXTRA_CITIES: [string, string][] = [
  ['c-bb', '蚌埠'],
  ['c-hn', '淮南'],
  ['c-mas', '马鞍山'],
  ['c-hb', '淮北'],
  ['c-tl', '铜陵'],
  ['c-aq', '安庆'],
  ['c-hs', '黄山'],
  ['c-cz', '滁州'],
  ['c-sz', '宿州'],
  ['c-la', '六安'],
  ['c-bz', '亳州'],
  ['c-chz', '池州'],
  ['c-xc', '宣城'],
];
const EXTRA_BUREAUS: [string, string, string][] = [
  ['b-hf-fgw', 'c-hf', '合肥市发展改革委'],
  ['b-hf-jxj', 'c-hf', '合肥市经济和信息化局'],
  ['b-wh-kjj', 'c-wh', '芜湖市科技局'],
  ['b-wh-fgw', 'c-wh', '芜湖市发展改革委'],
  ['b-bb-kjj', 'c-bb', '蚌埠市科技局'],
  ['b-hn-kjj', 'c-hn', '淮南市科技局'],
  ['b-mas-kjj', 'c-mas', '马鞍山市科技局'],
  ['b-tl-kjj', 'c-tl', '铜陵市科技局'],
  ['b-aq-kjj', 'c-aq', '安庆市科技局'],
  ['b-cz-kjj', 'c-cz', '滁州市科技局'],
  ['b-sz-kjj', 'c-sz', '宿州市科技局'],
  ['b-la-kjj', 'c-la', '六安市科技局'],
  ['b-bz-kjj', 'c-bz', '亳州市科技局'],
  ['b-xc-kjj', 'c-xc', '宣城市科技局'],
];

export function largeUnits(): Unit[] {
  return [
    ...SEED_UNITS,
    ...EXTRA_PROVINCE.map(
      ([id, name, shortName]): Unit => ({ id, name, shortName, level: 'province-dept', parentId: null }),
    ),
    ...EXTRA_CITIES.map(
      ([id, short]): Unit => ({ id, name: `${short}市`, shortName: short, level: 'city', parentId: null }),
    ),
    ...EXTRA_BUREAUS.map(
      ([id, parentId, name]): Unit => ({
        id,
        name,
        shortName: name.replace('市', ''),
        level: 'city-bureau',
        parentId,
      }),
    ),
  ];
}

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程';
export const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '洋',
  '艳',
  '杰',
  '军',
  '勇',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '海燕',
  '志强',
  '文博',
  '雅婷',
  '子涵',
];

function largePeople(units: readonly Unit[], rng: Random): Person[] {
  const people = [...SEED_PEOPLE];
  const staffed = new Set(people.filter((p) => p.role === 'staff').map((p) => p.unitId));
  for (const u of units) {
    if (staffed.has(u.id) || u.id === 'p-wbt' || u.id === 'p-dcs') continue;
    const name = `${rng.pick([...SURNAMES])}${rng.pick(GIVEN)}`;
    people.push({
      id: `u-${u.id}`,
      name,
      unitId: u.id,
      role: 'staff',
      title: u.level === 'city' ? '市委督查室主任' : '综合处处长',
    });
  }
  return people;
}

export const THEMES = [
  '全省科技创新大会',
  '全省制造业高质量发展推进会',
  '全省优化营商环境大会',
  '全省数字经济发展推进会',
  '全省人才工作会议',
  '全省重点项目建设调度会',
  '全省乡村振兴工作会议',
  '全省生态环境保护大会',
];
export const PROVINCE_SPEAKERS = [
  { name: '林志远', title: '副省长（演示虚构）' },
  { name: '苏文华', title: '省委常委（演示虚构）' },
  { name: '高明德', title: '副省长（演示虚构）' },
];
export const CITY_SPEAKERS = [
  { name: '方启航', title: '市委书记（演示虚构）' },
  { name: '程立群', title: '市长（演示虚构）' },
];
const CITY_HOSTS = ['c-hf', 'c-fy', 'c-wh', 'c-bb', 'c-aq', 'c-cz', 'c-la', 'c-mas'];

/** The quarter's meeting dates: one provincial meeting and two city meetings. */
function quarterDates(qi: number): string[] {
  const base = 2022 * 12 + 6 + qi * 3; // 2022-07 + three months per quarter
  const month = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  return [`${month(base)}-12`, `${month(base + 1)}-08`, `${month(base + 2)}-16`];
}

export interface Built {
  meetings: Meeting[];
  directives: Directive[];
}

/** A synthetic meeting's text is its directives written out, so every span points at real text. */
export function buildMeeting(
  id: string,
  title: string,
  date: string,
  level: Meeting['level'],
  host: string,
  speaker: { name: string; title: string },
  picks: number[],
  dirSeq: { n: number },
): Built {
  let text = `${date} ${title}召开。${speaker.title}${speaker.name}出席并讲话。\n`;
  const directives: Directive[] = [];
  picks.forEach((si, seq) => {
    const src = SEED_DIRECTIVES[si]!;
    const heading = src.heading;
    const hs = text.length;
    text += heading;
    const headingSpan: [number, number] = [hs, text.length];
    text += '。';
    const measureSpans: [number, number][] = [];
    src.measures.forEach((m, mi) => {
      const ms = text.length;
      text += m;
      measureSpans.push([ms, text.length]);
      text += mi === src.measures.length - 1 ? '。\n' : '；';
    });
    dirSeq.n += 1;
    directives.push({
      id: `d-L${String(dirSeq.n).padStart(4, '0')}`,
      meetingId: id,
      seq,
      speaker: speaker.name,
      speakerTitle: speaker.title,
      heading,
      measures: [...src.measures],
      kind: src.kind,
      parentId: null,
      headingSpan,
      measureSpans,
      implements: [],
    });
  });
  const meeting: Meeting = {
    id,
    title,
    date,
    place: level === 'province' ? '合肥' : '',
    source: '演示数据（虚构会议）',
    level,
    hostUnitId: host,
    speakers: [speaker],
    text,
  };
  return { meetings: [meeting], directives };
}

function largeMeetings(rng: Random, units: readonly Unit[]): Built {
  const meetings = seedMeetings();
  const directives = seedDirectives();
  const dirSeq = { n: 0 };
  const provinceSeeds = SEED_DIRECTIVES.map((d, i) => [d, i] as const)
    .filter(([d]) => d.speaker !== '孙正东')
    .map(([, i]) => i);
  const citySeeds = SEED_DIRECTIVES.map((d, i) => [d, i] as const)
    .filter(([d]) => d.speaker === '孙正东')
    .map(([, i]) => i);
  const cityName = new Map(units.map((u) => [u.id, u.name]));
  for (let qi = 0; qi < 8; qi++) {
    const [pd, cd1, cd2] = quarterDates(qi);
    const pick = (pool: number[], n: number) => Array.from({ length: n }, () => rng.pick(pool));
    const out = [
      buildMeeting(
        `m-L${qi}-p`,
        THEMES[qi]!,
        pd!,
        'province',
        'p-wbt',
        PROVINCE_SPEAKERS[qi % 3]!,
        pick(provinceSeeds, 14),
        dirSeq,
      ),
      ...[cd1!, cd2!].map((date, k) => {
        const host = CITY_HOSTS[(qi * 2 + k) % CITY_HOSTS.length]!;
        return buildMeeting(
          `m-L${qi}-c${k}`,
          `${cityName.get(host)}贯彻落实${THEMES[qi]}精神会议`,
          date,
          'city',
          host,
          CITY_SPEAKERS[k]!,
          pick(citySeeds, 8),
          dirSeq,
        );
      }),
    ];
    for (const b of out) {
      meetings.push(...b.meetings);
      directives.push(...b.directives);
    }
  }
  return { meetings, directives };
}

/** Deadlines fall on a month end 3–15 months after the meeting, like the offices' usual time limits. */
export function deadlineFor(rng: Random, meetingDate: string): string {
  return endOfMonth(addDays(meetingDate, 30 * rng.int(3, 15)));
}

export function buildLargeDb(today: string = DEMO_TODAY): Db {
  const rng = createRandom(20240520);
  const units = largeUnits();
  const people = largePeople(units, rng);
  const { meetings, directives } = largeMeetings(rng, units);
  const meetingDate = new Map(meetings.map((m) => [m.id, m.date]));
  const meetingLevel = new Map(meetings.map((m) => [m.id, m.level]));
  const staff = new Map<string, Person>();
  for (const p of people) if (p.role === 'staff' && !staff.has(p.unitId)) staff.set(p.unitId, p);
  const leadPool = units.filter((u) => staff.has(u.id));
  const provincePool = leadPool.filter((u) => u.level === 'province-dept');
  const cityPool = leadPool.filter((u) => u.level !== 'province-dept');
  const measures = directives.flatMap((d) => d.measures.map((m, mi) => ({ d, m, mi })));
  const sup = people.find((p) => p.id === 'u-sup')!;
  let reportSeq = 0;
  const nextReportId = () => `R-${String(++reportSeq).padStart(6, '0')}`;
  const tasks: Task[] = [];
  const reports: ProgressReport[] = [];
  const auditRaw: Omit<AuditEntry, 'id'>[] = [];
  for (let n = 1; n <= LARGE_TASK_COUNT; n++) {
    const { d, m, mi } = measures[(n - 1) % measures.length]!;
    const date = meetingDate.get(d.meetingId)!;
    const pool =
      meetingLevel.get(d.meetingId) === 'city' ? cityPool : rng.chance(0.6) ? provincePool : leadPool;
    const lead = rng.pick(pool);
    const coCount = rng.int(0, 3);
    const co = [...new Set(Array.from({ length: coCount }, () => rng.pick(leadPool).id))].filter(
      (u) => u !== lead.id,
    );
    const reporter = staff.get(lead.id)!;
    const round = Math.floor((n - 1) / measures.length);
    const startDate = addDays(date, rng.int(1, 10));
    const year = startDate.slice(0, 4);
    const plan: TaskPlan = {
      id: `T-${String(n).padStart(5, '0')}`,
      code: `DB-${year}-${String(n).padStart(5, '0')}`,
      // A measure handed to several units becomes one task per unit, as the offices split them.
      title: round === 0 ? m : `${m}（${lead.shortName}）`,
      directiveId: d.id,
      measureIndex: mi,
      leadUnitId: lead.id,
      coUnitIds: co,
      responsiblePersonId: reporter.id,
      reporterId: reporter.id,
      startDate,
      deadline: deadlineFor(rng, date),
      priority: mi === 0 ? 'high' : rng.chance(0.15) ? 'low' : 'normal',
      tags: [meetingLevel.get(d.meetingId) === 'city' ? '市级' : '省级'],
      ...(n % 41 === 7
        ? { forced: 'extension' as const }
        : n % 53 === 11
          ? { forced: 'suspended' as const }
          : {}),
    };
    if (plan.startDate > today) plan.startDate = addDays(today, -rng.int(1, 15));
    if (plan.deadline < plan.startDate) plan.deadline = endOfMonth(addDays(plan.startDate, 60));
    const sim = simulateTask(plan, today, rng, { sup, reporterName: reporter.name }, nextReportId);
    tasks.push(sim.task);
    for (const r of sim.reports) reports.push(r);
    for (const a of sim.audit) auditRaw.push(a);
  }
  const assessments = largeAssessments(tasks, reports, today);
  return {
    version: DB_VERSION,
    dataset: 'large',
    units,
    people,
    meetings,
    directives,
    tasks,
    reports,
    assessments,
    audit: numberAuditFast(auditRaw),
    settings: DEFAULT_SETTINGS,
    seq: {
      task: tasks.length,
      report: reportSeq,
      audit: auditRaw.length,
      meeting: meetings.length,
      directive: directives.length,
      assessment: assessments.length,
    },
  };
}

/** Eight quarters of scores (2022Q3 on); every closed quarter but the latest is already published. */
/** The large set's history starts in 2022Q3; scored like the seed's. */
function largeAssessments(tasks: Task[], reports: ProgressReport[], today: string): Assessment[] {
  return seedAssessments(tasks, reports, today, '2022Q3');
}

/** Like the seed's numbering, with a plain comparison: ISO instants sort as strings, and 150,000 collations cost a second. */
export function numberAuditFast(raw: Omit<AuditEntry, 'id'>[]): AuditEntry[] {
  return raw
    .slice()
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((e, i) => ({ ...e, id: `A-${String(i + 1).padStart(6, '0')}` }));
}
