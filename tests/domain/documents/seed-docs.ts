import JSZip from 'jszip';
import { createMockDb } from '../../../mocks/db/store';
import { assessmentList } from '../../../mocks/handlers/assessments';
import { reviewOf } from '../../../mocks/handlers/assessments-review';
import { CITY_MEETING_ID, DEMO_TODAY, PROVINCE_MEETING_ID } from '../../../mocks/seed/build-seed';
import {
  bulletinSourceFromReview,
  type Directory,
  type DocxFile,
  type Issuer,
  meetingBreakdownDocx,
  quarterBulletinDocx,
  taskNoticeDocx,
  unitNoticesDocx,
} from '../../../src/domain/documents';

export { CITY_MEETING_ID, DEMO_TODAY, PROVINCE_MEETING_ID };

/** The seed as the server holds it: domain types straight from the demo database. */
export function seed() {
  const db = createMockDb(null);
  const { units, people, meetings, directives, tasks } = db.data;
  const directory: Directory = { units, people, meetings, directives };
  const issuer: Issuer = {
    office: '省委督查室',
    contact: { name: '陈静', title: '督查室主任' },
    date: DEMO_TODAY,
  };
  const bulletinSource = (quarter: string) =>
    bulletinSourceFromReview(reviewOf(db, quarter, 'all'), { items: assessmentList(db, quarter, 'all') });
  return { db, directory, issuer, tasks, bulletinSource };
}

/** The four seed documents the README shows and the rendering test converts. */
export async function seedDocuments(): Promise<
  Record<'notice' | 'unit' | 'breakdown' | 'bulletin', DocxFile>
> {
  const s = seed();
  const task = s.tasks.find((t) => t.code === 'DB-2023-0001')!;
  return {
    notice: await taskNoticeDocx(task, s),
    unit: await unitNoticesDocx('p-kjt', s.tasks, s),
    breakdown: await meetingBreakdownDocx(PROVINCE_MEETING_ID, s.tasks, s),
    bulletin: await quarterBulletinDocx(s.bulletinSource('2024Q1'), { issuer: s.issuer, serial: 1 }),
  };
}

/** The parts of a .docx, as XML strings. */
export async function parts(file: DocxFile) {
  const zip = await JSZip.loadAsync(file.bytes);
  const read = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  return {
    zip,
    document: await read('word/document.xml'),
    settings: await read('word/settings.xml'),
    styles: await read('word/styles.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers: await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^word\/footer\d+\.xml$/.test(p))
        .sort()
        .map(read),
    ),
  };
}

/** The visible text of document.xml, paragraph by paragraph. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!)
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/**
 * Well-formedness without a DOM: tags nest and close, every `&` starts an entity, no character XML
 * 1.0 forbids. jsdom's DOMParser needs ten seconds for the 4 MB of a 300-notice document; this, 50 ms.
 */
export function xmlProblems(xml: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(
    /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g,
  )) {
    if (m[0] === '<' || m[0] === '&') {
      out.push(`stray ${m[0]} at ${m.index}`);
      continue;
    }
    const [, close, name, , self] = m;
    if (self) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) out.push(`</${name}> at ${m.index} closes the wrong element`);
  }
  if (stack.length) out.push(`unclosed ${stack.join(', ')}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for exactly those characters
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) out.push('control character');
  return out;
}
