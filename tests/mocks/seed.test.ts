import { describe, expect, it } from 'vitest';
import { buildSeedDb, DEMO_TODAY } from '../../mocks/seed/build-seed';
import { SEED_ARTICLE } from '../../src/domain/extraction/fixtures/seed-article';
import { computeWarning } from '../../src/domain/warnings';
import { SEED_DIRECTIVES } from '../fixtures/seed-annotations';

describe('the deterministic seed', () => {
  const db = buildSeedDb();

  it('has the 22 directives and 70 measures of the 2023-04-24 speeches, with their speakers', () => {
    expect(db.directives).toHaveLength(22);
    expect(db.directives.reduce((n, d) => n + d.measures.length, 0)).toBe(70);
    const bySpeaker = (name: string) => db.directives.filter((d) => d.speaker === name).length;
    expect([bySpeaker('韩俊'), bySpeaker('王清宪'), bySpeaker('孙正东')]).toEqual([10, 4, 8]);
    const sevenTasks = db.directives.filter((d) => d.speaker === '韩俊' && d.kind === 'zai-shang');
    expect(sevenTasks).toHaveLength(7);
    const parent = db.directives.find((d) => d.heading === '以更大力度创建国家创新型城市')!;
    expect(db.directives.filter((d) => d.parentId === parent.id).map((d) => d.heading)).toHaveLength(6);
  });

  it('every span slices the article to its heading or measure', () => {
    for (const d of db.directives) {
      expect(SEED_ARTICLE.slice(...d.headingSpan)).toBe(d.heading);
      expect(d.measureSpans.map((s) => SEED_ARTICLE.slice(...s))).toEqual(d.measures);
    }
  });

  it('makes one task per measure, with owners and deadlines from 2023-Q2 to 2024-Q4', () => {
    expect(db.tasks).toHaveLength(70);
    const deadlines = db.tasks.map((t) => t.deadline).sort();
    expect(deadlines[0]! >= '2023-04-01').toBe(true);
    expect(deadlines.at(-1)! <= '2024-12-31').toBe(true);
    const units = new Set(db.units.map((u) => u.id));
    for (const t of db.tasks) {
      expect(units.has(t.leadUnitId)).toBe(true);
      expect(t.responsiblePersonId).toBeTruthy();
    }
  });

  it('looks like the middle of real work', () => {
    const statuses = new Set(db.tasks.map((t) => t.status));
    for (const s of [
      'closed',
      'in-progress',
      'pending-review',
      'returned',
      'assigned',
      'extension-requested',
    ]) {
      expect(statuses.has(s as never), s).toBe(true);
    }
    const last = (id: string) =>
      db.reports
        .filter((r) => r.taskId === id)
        .at(-1)
        ?.submittedAt.slice(0, 10) ?? null;
    const kinds = new Set(db.tasks.map((t) => computeWarning(t, DEMO_TODAY, last(t.id)).kind));
    for (const k of ['overdue', 'behind', 'not-reported', 'normal'])
      expect(kinds.has(k as never), k).toBe(true);
    expect(db.reports.some((r) => r.reviewState === 'returned')).toBe(true);
    expect(db.assessments.some((a) => a.published)).toBe(true);
  });

  it('is the same on every build', () => {
    expect(JSON.stringify(buildSeedDb())).toBe(JSON.stringify(db));
  });
});

describe('the seed comes from the extraction engine', () => {
  it('equals the hand annotation of the seed article: 22 directives, 70 measures, speakers and spans', () => {
    const db = buildSeedDb();
    expect(
      db.directives.map((d) => ({
        speaker: d.speaker,
        heading: d.heading,
        measures: d.measures,
        kind: d.kind,
        parent: d.parentId ? db.directives.findIndex((x) => x.id === d.parentId) : null,
        headingSpan: d.headingSpan,
        measureSpans: d.measureSpans,
      })),
    ).toEqual(SEED_DIRECTIVES);
  });
});
