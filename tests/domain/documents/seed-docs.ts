import JSZip from 'jszip';
import { CITY_MEETING_ID, DEMO_TODAY, PROVINCE_MEETING_ID } from '../../../mocks/seed/build-seed';
import { call } from '../../../src/api/client';
import { api } from '../../../src/domain/contract';
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

/**
 * The seed through the API (the mock API in tests, whatever backend serves it): the same responses the
 * UI builds its documents from, and the rows a server would pass.
 */
export async function seed() {
  const [units, people, directives, list, page] = await Promise.all([
    call(api.units),
    call(api.people),
    call(api.directives, { query: {} }),
    call(api.meetings),
    call(api.listTasks, { query: { pageSize: 20000 } }),
  ]);
  const meetings = await Promise.all(list.map((m) => call(api.meeting, { params: { id: m.id } })));
  const directory: Directory = { units, people, meetings, directives };
  const issuer: Issuer = {
    office: '省委督查室',
    contact: { name: '陈静', title: '督查室主任' },
    date: DEMO_TODAY,
  };
  const bulletinSource = async (quarter: string) =>
    bulletinSourceFromReview(
      await call(api.review, { query: { quarter } }),
      await call(api.assessments, { query: { quarter } }),
    );
  return { directory, issuer, tasks: page.items, bulletinSource };
}

/** The four seed documents the README shows and the rendering test converts. */
export async function seedDocuments(): Promise<
  Record<'notice' | 'unit' | 'breakdown' | 'bulletin', DocxFile>
> {
  const s = await seed();
  const task = s.tasks.find((t) => t.code === 'DB-2023-0001')!;
  return {
    notice: await taskNoticeDocx(task, s),
    unit: await unitNoticesDocx('p-kjt', s.tasks, s),
    breakdown: await meetingBreakdownDocx(PROVINCE_MEETING_ID, s.tasks, s),
    bulletin: await quarterBulletinDocx(await s.bulletinSource('2024Q1'), { issuer: s.issuer, serial: 1 }),
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
