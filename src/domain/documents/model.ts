import type { Directive, Meeting, Person, Task, Unit } from '../schemas';

/**
 * What the generators read. Every field is a domain type from schemas.ts or a Pick of one, so the
 * browser (from the query caches) and the server (from its tables) build the same input.
 */
export interface Directory {
  units: readonly Pick<Unit, 'id' | 'name'>[];
  people: readonly Pick<Person, 'id' | 'name' | 'title'>[];
  /** `text` is needed to quote the source sentence; a meeting without it is named but not quoted. */
  meetings: readonly (Pick<Meeting, 'id' | 'title' | 'date' | 'place'> & { text?: string })[];
  directives: readonly Pick<
    Directive,
    | 'id'
    | 'meetingId'
    | 'seq'
    | 'speaker'
    | 'speakerTitle'
    | 'heading'
    | 'measures'
    | 'parentId'
    | 'headingSpan'
    | 'measureSpans'
  >[];
}

export type DocTask = Pick<
  Task,
  | 'id'
  | 'code'
  | 'title'
  | 'directiveId'
  | 'measureIndex'
  | 'leadUnitId'
  | 'coUnitIds'
  | 'responsiblePersonId'
  | 'deadline'
  | 'status'
>;

/** Who sends the document and when: 发文机关, the 督查室 contact and 发文日期 (`YYYY-MM-DD`). */
export interface Issuer {
  office: string;
  contact: { name: string; title?: string; phone?: string } | null;
  date: string;
}

export function lookup(dir: Directory) {
  const units = new Map(dir.units.map((u) => [u.id, u.name]));
  const people = new Map(dir.people.map((p) => [p.id, p]));
  return {
    unit: (id: string) => units.get(id) ?? id,
    person: (id: string | null) => {
      const p = id ? people.get(id) : undefined;
      return p ? (p.title ? `${p.name}（${p.title}）` : p.name) : '';
    },
    meeting: (id: string) => dir.meetings.find((m) => m.id === id),
    directive: (id: string | null) => (id ? dir.directives.find((d) => d.id === id) : undefined),
  };
}
