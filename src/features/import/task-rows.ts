import { endOfMonth, isValidDate } from '../../domain/dates';
import { DEFAULT_UNIT_KEYWORDS, suggestDeadline, suggestLeadUnit } from '../../domain/extraction';
import type { Person, Priority, Unit } from '../../domain/schemas';
import type { DraftDirective, ImportDraft, TaskChoice } from '../../shared/stores/import-draft';

/** One prospective task with its effective assignment: what the clerk chose, else the suggestion. */
export interface TaskRowDraft {
  key: string;
  directiveId: string;
  measureId: string | null;
  measureIndex: number | null;
  title: string;
  speaker: string | null;
  chosen: boolean;
  leadUnitId: string;
  coUnitIds: string[];
  responsiblePersonId: string | null;
  deadline: string;
  priority: Priority;
  /** Which values came from a suggestion rather than the clerk (shown as 建议). */
  suggested: { lead: boolean; deadline: boolean };
}

export interface Directory {
  units: readonly Unit[];
  people: readonly Person[];
}

/** The default deadline when the text names none: the end of the month six months after assignment. */
export function defaultDeadline(meetingDate: string): string {
  const y = Number(meetingDate.slice(0, 4));
  const m = Number(meetingDate.slice(5, 7)) + 6;
  const first = `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;
  return endOfMonth(first);
}

/**
 * Tasks start when they are assigned (today), so their reporting calendar starts then too: an
 * import of last year's speech does not open with a dozen missed monthly reports. A meeting dated
 * after today (a plan) starts on its day.
 */
export const startDateOf = (d: ImportDraft, today: string) =>
  isValidDate(d.meeting.date) && d.meeting.date > today ? d.meeting.date : today;

export const TITLE_MAX = 300;
const clip = (s: string) => (s.length > TITLE_MAX ? s.slice(0, TITLE_MAX) : s);

export function deriveTaskRows(d: ImportDraft, dir: Directory, today: string): TaskRowDraft[] {
  const unitByName = new Map<string, string>();
  for (const u of dir.units) {
    unitByName.set(u.shortName, u.id);
    unitByName.set(u.name, u.id);
  }
  const staffOf = new Map<string, string>();
  for (const p of dir.people) if (p.role === 'staff' && !staffOf.has(p.unitId)) staffOf.set(p.unitId, p.id);
  const personUnit = new Map(dir.people.map((p) => [p.id, p.unitId]));
  const start = startDateOf(d, today);
  const fallbackDeadline = defaultDeadline(start);
  const rows: TaskRowDraft[] = [];
  const make = (
    x: DraftDirective,
    text: string,
    index: number | null,
    measureId: string | null,
    c: TaskChoice,
    dirLead: string | undefined,
  ) => {
    const leadName = suggestLeadUnit(text, [], DEFAULT_UNIT_KEYWORDS);
    const suggestedLead = (leadName && unitByName.get(leadName)) || dirLead || '';
    const leadUnitId = c.leadUnitId ?? suggestedLead;
    const timed = suggestDeadline(text, start) ?? suggestDeadline(x.heading, start);
    const person =
      c.responsiblePersonId !== undefined &&
      (c.responsiblePersonId === null || personUnit.get(c.responsiblePersonId) === leadUnitId)
        ? c.responsiblePersonId
        : (staffOf.get(leadUnitId) ?? null);
    rows.push({
      key: `${x.id}:${measureId ?? 'h'}`,
      directiveId: x.id,
      measureId,
      measureIndex: index,
      title: clip(text.trim()),
      speaker: x.speaker,
      chosen: c.chosen,
      leadUnitId,
      coUnitIds: (c.coUnitIds ?? []).filter((u) => u !== leadUnitId),
      responsiblePersonId: person,
      deadline: c.deadline ?? (timed && timed >= start ? timed : fallbackDeadline),
      priority: c.priority ?? 'normal',
      suggested: {
        lead: c.leadUnitId === undefined && leadUnitId !== '',
        deadline: c.deadline === undefined,
      },
    });
  };
  for (const x of d.directives) {
    const name = suggestLeadUnit(
      x.heading,
      x.measures.map((m) => m.text),
      DEFAULT_UNIT_KEYWORDS,
    );
    const dirLead = name ? unitByName.get(name) : undefined;
    if (x.measures.length === 0) make(x, x.heading, null, null, x.task, dirLead);
    x.measures.forEach((m, i) => {
      make(x, m.text, i, m.id, m.task, dirLead);
    });
  }
  return rows;
}
