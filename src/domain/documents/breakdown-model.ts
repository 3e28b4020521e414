import { type Directory, type DocTask, type Issuer, lookup } from './model';
import { zhDate, zhNumber } from './text';

/** One line of the table: a task under its directive (部署) and measure. */
export interface BreakdownRow {
  /** 序号, running 1…N over the tasks. */
  no: number;
  task: string;
  /** The measure the task carries out, when its title says something else. */
  measure: string | null;
  leadUnit: string;
  coUnits: string;
  /** The person's name only: the table has no room for titles. */
  responsible: string;
  /** `2024年12月31日`. */
  deadline: string;
}

/** A directive with its tasks; `label` is its heading with its 一、 / （一） ordinal. */
export interface BreakdownGroup {
  label: string;
  level: 1 | 2;
  rows: BreakdownRow[];
}

export interface BreakdownModel {
  meeting: string;
  meetingDate: string;
  groups: BreakdownGroup[];
  office: string;
  date: string;
}

/**
 * The meeting's directive → measure → task tree, in the speech's order: top-level directives are 一、二、…,
 * their sub-directives （一）（二）…; each task sits under its directive, in measure order.
 */
export function breakdownModel(
  meetingId: string,
  tasks: readonly DocTask[],
  dir: Directory,
  issuer: Issuer,
): BreakdownModel {
  const find = lookup(dir);
  const meeting = find.meeting(meetingId);
  const directives = dir.directives.filter((d) => d.meetingId === meetingId).sort((a, b) => a.seq - b.seq);
  const ids = new Set(directives.map((d) => d.id));
  const byDirective = new Map<string, DocTask[]>();
  for (const t of tasks) {
    if (!t.directiveId || !ids.has(t.directiveId)) continue;
    const list = byDirective.get(t.directiveId) ?? [];
    list.push(t);
    byDirective.set(t.directiveId, list);
  }
  let no = 0;
  let top = 0;
  const sub = new Map<string, number>();
  const groups: BreakdownGroup[] = [];
  for (const d of directives) {
    const child = d.parentId !== null && ids.has(d.parentId);
    let label: string;
    if (child) {
      const k = (sub.get(d.parentId!) ?? 0) + 1;
      sub.set(d.parentId!, k);
      label = `（${zhNumber(k)}）${d.heading}`;
    } else label = `${zhNumber(++top)}、${d.heading}`;
    const own = (byDirective.get(d.id) ?? []).sort(
      (a, b) => (a.measureIndex ?? -1) - (b.measureIndex ?? -1) || a.code.localeCompare(b.code),
    );
    groups.push({
      label,
      level: child ? 2 : 1,
      rows: own.map((t) => {
        const measure = t.measureIndex !== null ? (d.measures[t.measureIndex] ?? null) : null;
        return {
          no: ++no,
          task: t.title,
          measure: measure && measure !== t.title ? measure : null,
          leadUnit: find.unit(t.leadUnitId),
          coUnits: t.coUnitIds.map(find.unit).join('、'),
          responsible: dir.people.find((p) => p.id === t.responsiblePersonId)?.name ?? '',
          deadline: zhDate(t.deadline),
        };
      }),
    });
  }
  return {
    meeting: meeting?.title ?? meetingId,
    meetingDate: meeting ? zhDate(meeting.date) : '',
    groups,
    office: issuer.office,
    date: zhDate(issuer.date),
  };
}
