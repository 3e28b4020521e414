import { describe, expect, it } from 'vitest';
import { SEED_PEOPLE, SEED_UNITS } from '../../../mocks/seed/org';
import { importBodySchema } from '../../../src/domain/contract';
import { extract } from '../../../src/domain/extraction';
import { SEED_ARTICLE } from '../../../src/domain/extraction/fixtures/seed-article';
import { buildImportBody, findProblems } from '../../../src/features/import/build-body';
import {
  addDirective,
  deleteDirective,
  fromExtraction,
  mergeDirectiveWithNext,
  mergeMeasureWithNext,
  setTaskChoice,
  splitDirectiveAt,
  splitMeasure,
} from '../../../src/features/import/draft-ops';
import { defaultDeadline, deriveTaskRows, startDateOf } from '../../../src/features/import/task-rows';
import { emptyDraft, type ImportDraft } from '../../../src/shared/stores/import-draft';

const dir = { units: SEED_UNITS, people: SEED_PEOPLE };
const TODAY = '2024-05-20';

function seeded(): ImportDraft {
  const base = emptyDraft();
  const d = { ...base, ...fromExtraction(extract(SEED_ARTICLE), SEED_ARTICLE, base.meeting) } as ImportDraft;
  return d;
}
const apply = (d: ImportDraft, p: Partial<ImportDraft>): ImportDraft => ({ ...d, ...p });
const slice = (s: [number, number]) => SEED_ARTICLE.slice(s[0], s[1]);

describe('draft edits keep the source spans', () => {
  it('splits an untouched measure into two exact spans, trimming the punctuation at the cut', () => {
    const d = seeded();
    const m = d.directives[0]!.measures[0]!;
    const comma = m.text.indexOf('，');
    const at = comma > 0 ? comma + 1 : 4;
    const next = apply(d, splitMeasure(d, 'd1', m.id, at));
    const [a, b] = next.directives[0]!.measures;
    expect(next.directives[0]!.measures).toHaveLength(d.directives[0]!.measures.length + 1);
    expect(slice(a!.span)).toBe(a!.text);
    expect(slice(b!.span)).toBe(b!.text);
    expect(a!.text + (comma > 0 ? '，' : '') + b!.text).toBe(m.text);
    // Merging back restores the original wording and span.
    const back = apply(next, mergeMeasureWithNext(next, 'd1', a!.id));
    expect(back.directives[0]!.measures[0]).toMatchObject({ text: m.text, span: m.span });
  });

  it('keeps an edited measure pointing at its source sentence when split', () => {
    let d = seeded();
    const m = d.directives[0]!.measures[0]!;
    d = apply(d, {
      directives: d.directives.map((x, i) =>
        i === 0 ? { ...x, measures: [{ ...m, text: '甲乙丙丁戊己' }, ...x.measures.slice(1)] } : x,
      ),
    });
    const next = apply(d, splitMeasure(d, 'd1', m.id, 3));
    expect(next.directives[0]!.measures.slice(0, 2).map((x) => [x.text, x.span])).toEqual([
      ['甲乙丙', m.span],
      ['丁戊己', m.span],
    ]);
  });

  it('merges a directive with the next: its heading becomes a measure, its children move up', () => {
    const d = seeded();
    const i = d.directives.findIndex((x) => x.heading.startsWith('以更大力度创建国家创新型城市'));
    const parent = d.directives[i]!;
    const child = d.directives[i + 1]!;
    const next = apply(d, mergeDirectiveWithNext(d, parent.id));
    expect(next.directives).toHaveLength(21);
    const joined = next.directives[i]!;
    expect(joined.measures[0]).toMatchObject({ text: child.heading, span: child.headingSpan });
    expect(joined.measures).toHaveLength(1 + child.measures.length);
    expect(next.directives.filter((x) => x.parentId === parent.id)).toHaveLength(5);
  });

  it('deleting a parent re-parents its children; splitting at a measure starts a new directive', () => {
    const d = seeded();
    const parent = d.directives.find((x) => x.heading.startsWith('以更大力度'))!;
    const after = apply(d, deleteDirective(d, parent.id));
    expect(after.directives.some((x) => x.parentId === parent.id)).toBe(false);
    const split = apply(d, splitDirectiveAt(d, 'd3', d.directives[2]!.measures[2]!.id));
    expect(split.directives).toHaveLength(23);
    expect(split.directives[2]!.measures).toHaveLength(2);
    expect(split.directives[3]).toMatchObject({
      heading: d.directives[2]!.measures[2]!.text,
      headingSpan: d.directives[2]!.measures[2]!.span,
    });
    expect(split.directives[3]!.measures).toHaveLength(2);
    const added = apply(d, addDirective(d, 'd2', '要抓好成果转化', [5, 10]));
    expect(added.directives[2]).toMatchObject({
      heading: '要抓好成果转化',
      headingSpan: [5, 10],
      speaker: '韩俊',
    });
  });
});

describe('suggested assignments', () => {
  it('defaults the deadline to the end of the month six months after assignment', () => {
    expect(defaultDeadline('2023-04-24')).toBe('2023-10-31');
    expect(defaultDeadline('2023-08-31')).toBe('2024-02-29');
    expect(defaultDeadline('2023-12-01')).toBe('2024-06-30');
  });

  it('maps suggested unit names to ids, follows time phrases, and keeps what the clerk chose', () => {
    let d = seeded();
    d = { ...d, meeting: { ...d.meeting, date: '2023-04-24' } };
    const rows = deriveTaskRows(d, dir, TODAY);
    expect(rows).toHaveLength(71);
    expect(rows.filter((r) => r.chosen)).toHaveLength(70);
    expect(rows.find((r) => r.title.includes('人才'))!.leadUnitId).toBe('p-zzb');
    expect(rows.find((r) => r.title.includes('科技投入'))!.leadUnitId).toBe('p-czt');
    // The 2023 speech imported on 2024-05-20: tasks start today, due six months later.
    expect(rows[0]).toMatchObject({
      leadUnitId: 'p-kjt',
      responsiblePersonId: 'u-kjt',
      deadline: '2024-11-30',
      suggested: { lead: true, deadline: true },
    });
    expect(startDateOf(d, TODAY)).toBe(TODAY);
    const timed = {
      ...d,
      meeting: { ...d.meeting, date: '2024-05-10' },
      directives: d.directives.map((x, i) =>
        i === 0 ? { ...x, measures: [{ ...x.measures[0]!, text: '年底前建成中试基地' }] } : x,
      ),
    };
    expect(deriveTaskRows(timed, dir, TODAY)[0]!.deadline).toBe('2024-12-31');
    const chosen = apply(
      d,
      setTaskChoice(d, 'd1', d.directives[0]!.measures[0]!.id, {
        leadUnitId: 'p-jxt',
        deadline: '2024-03-31',
      }),
    );
    expect(deriveTaskRows(chosen, dir, TODAY)[0]).toMatchObject({
      leadUnitId: 'p-jxt',
      responsiblePersonId: 'u-jxt',
      deadline: '2024-03-31',
      suggested: { lead: false, deadline: false },
    });
  });

  it('builds a body the contract accepts, and lists what blocks the import', () => {
    let d = seeded();
    expect(findProblems(d, deriveTaskRows(d, dir, TODAY), TODAY)).toEqual([]);
    // A directive that names no field of work gets no suggested lead unit: it must be chosen by hand.
    d = apply(d, addDirective(d, 'd22', '要抓好成果转化', null));
    d = { ...d, meeting: { ...d.meeting, title: '' } };
    const rows = deriveTaskRows(d, dir, TODAY);
    const problems = findProblems(d, rows, TODAY);
    expect(problems.map((p) => p.key)).toEqual(['import.problem.title', 'import.problem.lead']);
    const fixed = { ...d, meeting: { ...d.meeting, title: '会议' } };
    const ok = deriveTaskRows(fixed, dir, TODAY).map((r) =>
      r.leadUnitId ? r : { ...r, leadUnitId: 'p-dcs' },
    );
    const body = buildImportBody(fixed, ok, TODAY);
    expect(body.tasks).toHaveLength(71);
    expect(body.directives).toHaveLength(23);
    const parsed = importBodySchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });
});
