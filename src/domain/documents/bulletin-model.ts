import type { Counts, Rates } from '../aggregations';
import { addDays } from '../dates';
import { parseQuarter, quarterLabel } from '../quarter';
import type { Rating, ScoreItem } from '../schemas';
import { DEFAULT_SCHEME, type ScoringScheme } from '../scoring';
import type { Issuer } from './model';
import { zhDate } from './text';

/** One scored unit, as the assessments list carries it. */
export interface BulletinUnit {
  unitName: string;
  rank: number;
  score: number;
  rating: Rating;
  previousScore: number | null;
  breakdown: readonly Pick<ScoreItem, 'ruleId'>[];
}

export interface BulletinOverdue {
  code: string;
  title: string;
  unitName: string;
  deadline: string;
  overdueDays: number;
}

/** The quarter's numbers: what GET /api/review and /api/assessments return, or the server computes. */
export interface BulletinSource {
  quarter: string;
  /** Which units the figures cover (the review's level filter); `all` when absent. */
  level?: 'all' | 'province' | 'city';
  /** The day the figures stand on (the quarter's last day, or today while it runs). */
  asOf: string;
  kpis: Counts & Rates;
  previous: (Counts & Rates) | null;
  units: readonly BulletinUnit[];
  /** Overdue tasks, longest overdue first; `total` may exceed `items.length` when the list is capped. */
  overdue: { total: number; items: readonly BulletinOverdue[] };
}

const ADDRESSEE = {
  all: '各有关单位：',
  province: '省直有关部门：',
  city: '各有关市、市直有关部门：',
} as const;

export const RATING_ZH: Record<Rating, string> = { excellent: '好', good: '较好', fair: '一般', poor: '差' };

export interface BulletinModel {
  /** 发文字号, `督查通报〔2024〕1号`. */
  docNumber: string;
  title: string;
  /** The title as printed, broken after 讲话部署 so neither line ends on a lone character. */
  titleLines: [string, string];
  quarterLabel: string;
  /** 主送机关: the units the figures cover. */
  addressee: string;
  empty: boolean;
  summary: string;
  ranking: { rank: number; unit: string; score: string; previous: string; rating: string }[];
  overdueByUnit: { unit: string; items: string[] }[];
  overdueRest: number;
  /** The rules as the bulletin states them, from the scoring scheme's bands. */
  rules: { commend: string; explain: string };
  commended: string[];
  explain: { unit: string; reason: string }[];
  /** The day units must explain by: ten days after issue. */
  explainBy: string;
  office: string;
  date: string;
}

const pp = (x: number) => Math.round(x * 10) / 10;

function trend(cur: number, prev: number, unit: '个百分点' | '项', up: string, down: string): string {
  const d = pp(cur - prev);
  if (d === 0) return '与上季度持平';
  return `较上季度${d > 0 ? up : down}${Math.abs(d)}${unit}`;
}

/** 总体情况 in the offices' prose, every number from `src`. */
export function bulletinSummary(src: BulletinSource): string {
  const k = src.kpis;
  const q = quarterLabel(src.quarter, 'zh');
  if (k.total === 0) return `${q}，没有纳入考核的讲话部署任务，本期不作考核排名，亦无逾期任务。`;
  const p = src.previous && src.previous.total > 0 ? src.previous : null;
  const parts = [
    `${q}，各责任单位认真贯彻落实讲话部署要求，纳入考核的重点任务共${k.total}项，截至${zhDate(src.asOf)}已完成${k.done}项，完成率${pp(k.completionRate)}%`,
    p ? `，${trend(k.completionRate, p.completionRate, '个百分点', '提高', '下降')}` : '',
    `；按期完成率${pp(k.onTimeRate)}%`,
    p ? `，${trend(k.onTimeRate, p.onTimeRate, '个百分点', '提高', '下降')}` : '',
    k.overdue ? `；逾期未完成${k.overdue}项` : '；无逾期未完成任务',
    p ? `，${trend(k.overdue, p.overdue, '项', '增加', '减少')}` : '',
    '。',
  ];
  const n = src.units.length;
  if (n) {
    const avg = pp(src.units.reduce((s, u) => s + u.score, 0) / n);
    const count = (r: Rating) => src.units.filter((u) => u.rating === r).length;
    const bands = (['excellent', 'good', 'fair', 'poor'] as const)
      .filter((r) => count(r) > 0)
      .map((r) => `评定为“${RATING_ZH[r]}”的${count(r)}个`)
      .join('、');
    parts.push(`参加考核单位${n}个，平均得分${avg}分，其中${bands}。`);
  }
  return parts.join('');
}

const overdueLead = (u: BulletinUnit) => u.breakdown.filter((i) => i.ruleId === 'overdue-lead').length;

/**
 * The bulletin's content. Commended (通报表扬): rated 好 (score ≥ bands.excellent) with no lead task
 * overdue in the quarter. Required to explain (书面说明): rated 差 (score < bands.fair), or leading a
 * task that went overdue in the quarter.
 */
export function bulletinModel(
  src: BulletinSource,
  issuer: Issuer,
  serial: number,
  scheme: ScoringScheme = DEFAULT_SCHEME,
): BulletinModel {
  const q = quarterLabel(src.quarter, 'zh');
  const year = parseQuarter(src.quarter)?.year ?? Number(issuer.date.slice(0, 4));
  const units = [...src.units].sort((a, b) => a.rank - b.rank);
  const groups = new Map<string, string[]>();
  for (const o of src.overdue.items) {
    const list = groups.get(o.unitName) ?? [];
    list.push(`${o.code} ${o.title}（完成时限${zhDate(o.deadline)}，逾期${o.overdueDays}天）`);
    groups.set(o.unitName, list);
  }
  const explain = units
    .map((u) => {
      const n = overdueLead(u);
      const reasons = [
        ...(u.score < scheme.bands.fair ? [`考核得分${u.score}分，评定为“差”`] : []),
        ...(n ? [`牵头任务逾期${n}项`] : []),
      ];
      return { unit: u.unitName, reason: reasons.join('，') };
    })
    .filter((e) => e.reason);
  return {
    docNumber: `督查通报〔${year}〕${serial}号`,
    title: `关于${q}讲话部署落实情况的通报`,
    titleLines: [`关于${q}讲话部署`, '落实情况的通报'],
    quarterLabel: q,
    addressee: ADDRESSEE[src.level ?? 'all'],
    empty: src.kpis.total === 0,
    summary: bulletinSummary(src),
    ranking: units.map((u) => ({
      rank: u.rank,
      unit: u.unitName,
      score: String(u.score),
      previous: u.previousScore === null ? '—' : String(u.previousScore),
      rating: RATING_ZH[u.rating],
    })),
    overdueByUnit: [...groups].map(([unit, items]) => ({ unit, items })),
    overdueRest: Math.max(0, src.overdue.total - src.overdue.items.length),
    rules: {
      commend: `考核得分${scheme.bands.excellent}分以上、评定为“好”且本季度无牵头任务逾期的单位，予以通报表扬`,
      explain: `考核得分低于${scheme.bands.fair}分、评定为“差”或本季度有牵头任务逾期的单位，应作出书面说明`,
    },
    commended: units
      .filter((u) => u.score >= scheme.bands.excellent && overdueLead(u) === 0)
      .map((u) => u.unitName),
    explain,
    explainBy: zhDate(addDays(issuer.date, 10)),
    office: issuer.office,
    date: zhDate(issuer.date),
  };
}
