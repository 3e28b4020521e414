import { describe, expect, it } from 'vitest';
import {
  type DocxFile,
  meetingBreakdownDocx,
  quarterBulletinDocx,
  taskNoticeDocx,
  unitNoticesDocx,
} from '../../../src/domain/documents';
import { fixture, issuer, LONG, NASTY } from './hostile';
import { paragraphs, parts, seed, xmlProblems } from './seed-docs';

/** Every XML part parses: Word refuses a document with one malformed part. */
async function wellFormed(file: DocxFile) {
  const { zip } = await parts(file);
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  for (const n of names) {
    const xml = await zip.file(n)!.async('string');
    expect(xmlProblems(xml), n).toEqual([]);
  }
  return paragraphs(await zip.file('word/document.xml')!.async('string'));
}

describe('documents from hostile input', () => {
  it('the XML check finds what Word would refuse', () => {
    expect(xmlProblems('<a><b>x</b></a>')).toEqual([]);
    expect(xmlProblems('<a>1 < 2</a>')).toEqual(['stray < at 5']);
    expect(xmlProblems('<a>R&D</a>')).toEqual(['stray & at 4']);
    expect(xmlProblems('<a><b></a>')).toHaveLength(2);
  });

  it('escapes markup, keeps emoji, drops characters XML cannot hold, and quotes a 2,000-character sentence', async () => {
    const { dir, tasks } = fixture(1);
    const text = await wellFormed(await taskNoticeDocx(tasks[0]!, { directory: dir, issuer }));
    expect(text).toContain(`<script>alert("x")</script> & 'quotes' “引号” 🚀👍🏽  end`);
    expect(text).toContain(`省<科技>厅 & "合作"`);
    expect(text.find((t) => t.startsWith('原文：'))).toHaveLength(`原文：“会议指出，${LONG}。”`.length);
  });

  it('a 2,000-character measure fills its cell in the breakdown table', async () => {
    const { dir, tasks } = fixture(3);
    const text = await wellFormed(await meetingBreakdownDocx('m1', tasks, { directory: dir, issuer }));
    expect(text).toContain(`（举措：${LONG}）`);
  });

  it('a unit with 300 open tasks gets 300 notices in one valid document', async () => {
    const { dir, tasks } = fixture(300);
    const file = await unitNoticesDocx('u1', tasks, { directory: dir, issuer });
    const text = await wellFormed(file);
    expect(text.filter((t) => t.startsWith('编号：'))).toHaveLength(300);
    expect(file.bytes.length).toBeLessThan(3_000_000);
  }, 60_000);

  it('a bulletin with hostile unit names and task titles stays valid', async () => {
    const s = await seed();
    const src = await s.bulletinSource('2024Q1');
    const hostile = {
      ...src,
      units: src.units.map((u, i) => (i === 0 ? { ...u, unitName: NASTY } : u)),
      overdue: { ...src.overdue, items: src.overdue.items.map((o) => ({ ...o, title: NASTY })) },
    };
    const text = await wellFormed(await quarterBulletinDocx(hostile, { issuer, serial: 1 }));
    expect(text.some((t) => t.includes('🚀👍🏽'))).toBe(true);
  });
});
