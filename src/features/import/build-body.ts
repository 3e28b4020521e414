import type { ImportBody } from '../../domain/contract';
import { isValidDate } from '../../domain/dates';
import type { MessageKey } from '../../i18n';
import type { ImportDraft, WizardStep } from '../../shared/stores/import-draft';
import { startDateOf, type TaskRowDraft } from './task-rows';

/** The one request that creates the meeting, its directives and the chosen tasks. */
export function buildImportBody(d: ImportDraft, rows: readonly TaskRowDraft[], today: string): ImportBody {
  const titleOf = new Map(d.speakers.map((s) => [s.name, s.title]));
  const start = startDateOf(d, today);
  return {
    meeting: {
      ...d.meeting,
      speakers: d.speakers,
      text: d.extractedText ?? d.text,
    },
    directives: d.directives.map((x) => ({
      clientId: x.id,
      speaker: x.speaker,
      speakerTitle: x.speaker ? (titleOf.get(x.speaker) ?? null) : null,
      heading: x.heading.trim(),
      measures: x.measures.map((m) => m.text.trim()),
      kind: x.kind,
      parentClientId: x.parentId,
      headingSpan: x.headingSpan,
      measureSpans: x.measures.map((m) => m.span),
    })),
    tasks: rows
      .filter((r) => r.chosen)
      .map((r) => ({
        directiveClientId: r.directiveId,
        measureIndex: r.measureIndex,
        title: r.title,
        leadUnitId: r.leadUnitId,
        coUnitIds: r.coUnitIds,
        responsiblePersonId: r.responsiblePersonId,
        startDate: start,
        deadline: r.deadline,
        priority: r.priority,
      })),
  };
}

export interface Problem {
  step: WizardStep;
  key: MessageKey;
  vars?: Record<string, string | number>;
  /** The directive to open when the clerk follows the problem. */
  directiveId?: string;
}

/** What still stops the import, each with the step where it is fixed. */
export function findProblems(d: ImportDraft, rows: readonly TaskRowDraft[], today: string): Problem[] {
  const out: Problem[] = [];
  if (!d.meeting.title.trim()) out.push({ step: 1, key: 'import.problem.title' });
  if (!isValidDate(d.meeting.date)) out.push({ step: 1, key: 'import.problem.date' });
  if (d.extractedText !== null && d.text !== d.extractedText)
    out.push({ step: 1, key: 'import.problem.stale' });
  if (d.directives.length === 0) out.push({ step: 2, key: 'import.problem.noDirectives' });
  d.directives.forEach((x, i) => {
    if (!x.heading.trim())
      out.push({ step: 2, key: 'import.problem.heading', vars: { n: i + 1 }, directiveId: x.id });
    if (x.measures.some((m) => !m.text.trim()))
      out.push({ step: 2, key: 'import.problem.measure', vars: { n: i + 1 }, directiveId: x.id });
  });
  const chosen = rows.filter((r) => r.chosen);
  if (chosen.length === 0) out.push({ step: 2, key: 'import.problem.noTasks' });
  const start = startDateOf(d, today);
  const noLead = chosen.filter((r) => !r.leadUnitId).length;
  if (noLead) out.push({ step: 3, key: 'import.problem.lead', vars: { n: noLead } });
  const early = chosen.filter((r) => !isValidDate(r.deadline) || r.deadline < start).length;
  if (early) out.push({ step: 3, key: 'import.problem.deadline', vars: { n: early, start } });
  return out;
}
