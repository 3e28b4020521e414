import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTasksOfUnit, unitNoticesDocx } from '../../../src/domain/documents';
import { fixture, issuer } from './hostile';
import { PROVINCE_MEETING_ID, seed, seedDocuments } from './seed-docs';

/**
 * Real rendering: LibreOffice converts each seed document to PDF, poppler reads the text back and
 * counts the pages, and page images land in $DOC_RENDER_DIR (or a temp dir) for a person to look at.
 * Under CI=true missing tools fail the test (scripts/ensure-doc-tools.sh installs them); locally, and
 * only then, the test is skipped without them.
 */
const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const tools = ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'].every(has);
const ci = process.env.CI === 'true';

/** What pdftotext gives, without the line breaks and spaces layout puts between characters. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every needle found in the haystack, each after the one before it. */
function inOrder(hay: string, needles: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const n of needles) {
    const i = hay.indexOf(squash(n), at);
    if (i < 0) missing.push(n);
    else at = i + squash(n).length;
  }
  return missing;
}

describe.skipIf(!tools && !ci)('documents rendered by LibreOffice', { timeout: 300_000 }, () => {
  const dir = process.env.DOC_RENDER_DIR ?? mkdtempSync(join(tmpdir(), 'luoshi-docs-'));
  const text: Record<string, string> = {};
  const pages: Record<string, number> = {};

  // Built once, by the first test: after the setup's beforeEach has seeded the data and pinned the clock.
  let rendered: Promise<void> | null = null;
  const render = () => {
    rendered ??= convert();
    return rendered;
  };
  async function convert() {
    expect(tools, 'soffice, pdftotext, pdfinfo, pdftoppm: run scripts/ensure-doc-tools.sh').toBe(true);
    mkdirSync(dir, { recursive: true });
    // 300 notices of a page each, the first with the hostile title and the 2,000-character sentence.
    const { dir: hostileDir, tasks: all } = fixture(300, 'first');
    const tasks = all.map((t, i) => (i === 0 ? t : { ...t, title: `第${i + 1}项任务` }));
    const docs = {
      ...(await seedDocuments()),
      hostile: await unitNoticesDocx('u1', tasks, { directory: hostileDir, issuer }),
    };
    for (const [kind, file] of Object.entries(docs)) writeFileSync(join(dir, `${kind}.docx`), file.bytes);
    // A profile of its own: another soffice running on the machine must not take the conversion over.
    const profile = `file://${mkdtempSync(join(tmpdir(), 'luoshi-lo-'))}`;
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...Object.keys(docs).map((k) => join(dir, `${k}.docx`)),
      ],
      {
        stdio: 'ignore',
        timeout: 240_000,
        env: { ...process.env, FONTCONFIG_FILE: resolve('scripts/doc-fonts.conf') },
      },
    );
    for (const kind of Object.keys(docs)) {
      const pdf = join(dir, `${kind}.pdf`);
      text[kind] = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
      pages[kind] = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, join(dir, kind)]);
    }
  }

  it('converts every document, with the expected page count for the seed', async () => {
    await render();
    expect(pages).toMatchObject({ notice: 1, unit: 17, breakdown: 6, bulletin: 4 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(10);
  });

  it('the notice prints every field, in order', async () => {
    await render();
    const s = await seed();
    const t = s.tasks.find((x) => x.code === 'DB-2023-0001')!;
    expect(
      inOrder(text.notice!, [
        '督办通知单',
        '编号：DB-2023-0001',
        '督办事项',
        t.title,
        '来源',
        '韩俊（省委书记）',
        '牵头单位',
        '省科技厅',
        '配合单位',
        '省委组织部',
        '责任人',
        '刘洋',
        '办理时限',
        '办理要求',
        '督查室联系人',
        '陈静',
        '省委督查室',
        '2024年5月20日',
        '—1—',
      ]),
    ).toEqual([]);
  });

  it("the unit's notices come one per open task, by deadline", async () => {
    await render();
    const s = await seed();
    const open = openTasksOfUnit(s.tasks, 'p-kjt');
    expect(
      inOrder(
        text.unit!,
        open.flatMap((t) => [`编号：${t.code}`, t.title]),
      ),
    ).toEqual([]);
  });

  it('the breakdown table lists every task of the meeting with its units, the header on every page', async () => {
    await render();
    const s = await seed();
    const ds = s.directory.directives
      .filter((d) => d.meetingId === PROVINCE_MEETING_ID)
      .sort((a, b) => a.seq - b.seq);
    const rows = ds.flatMap((d) =>
      s.tasks
        .filter((t) => t.directiveId === d.id)
        .sort((a, b) => a.measureIndex! - b.measureIndex!)
        .map((t) => [t.title, s.directory.units.find((u) => u.id === t.leadUnitId)!.name]),
    );
    expect(rows).toHaveLength(52);
    // pdftotext reads a merged 部署 cell's lines in among the rows it spans, and across a page break it
    // may read a row before the one above it: here every task is checked by the first line of its cell
    // (8 characters always fit), the units by count; the order is the unit test's (breakdown.test.ts).
    expect(inOrder(text.breakdown!, ['附件', '重点任务分解表', '序号', '完成时限'])).toEqual([]);
    const absent = rows.map((r) => r[0]!.slice(0, 8)).filter((t) => !text.breakdown!.includes(squash(t)));
    expect(absent).toEqual([]);
    const count = (hay: string, n: string) => hay.split(n).length - 1;
    for (const unit of new Set(rows.map((r) => r[1]!))) {
      expect(count(text.breakdown!, unit)).toBeGreaterThanOrEqual(rows.filter((r) => r[1] === unit).length);
    }
    for (const d of ds) expect(text.breakdown!.includes(squash(d.heading).slice(0, 6)), d.heading).toBe(true);
    // The header row is on every page.
    const pdf = join(dir, 'breakdown.pdf');
    for (let p = 1; p <= pages.breakdown!; p++) {
      const page = squash(
        execFileSync('pdftotext', ['-f', `${p}`, '-l', `${p}`, pdf, '-'], { encoding: 'utf8' }),
      );
      const labels = ['序号', '部署', '具体任务', '牵头单位', '配合单位', '责任人', '完成时限'];
      expect(
        labels.filter((l) => !page.includes(l)),
        `page ${p}`,
      ).toEqual([]);
    }
  });

  it('300 notices with markup, emoji and 2,000-character sentences open as one document of 300+ pages', async () => {
    await render();
    // The first notice quotes 2,000 characters over four pages; the other 299 take a page each.
    expect(pages.hostile).toBe(303);
    expect(text.hostile).toContain(squash(`<script>alert("x")</script> & 'quotes' “引号”`));
    expect(text.hostile!.split('督办通知单').length - 1).toBe(300);
  });

  it('the bulletin carries its numbers, the ranking in order and the overdue tasks', async () => {
    await render();
    const s = await seed();
    const src = await s.bulletinSource('2024Q1');
    const k = src.kpis;
    expect(
      inOrder(text.bulletin!, [
        '督查通报〔2024〕1号',
        '关于2024年第一季度讲话部署',
        `共${k.total}项`,
        `已完成${k.done}项，完成率${k.completionRate}%`,
        `按期完成率${k.onTimeRate}%`,
        `逾期未完成${k.overdue}项`,
        '二、考核排名',
        ...src.units.flatMap((u) => [u.unitName, String(u.score)]),
        '三、逾期任务',
        ...src.overdue.items.map((o) => o.code),
        '四、通报表扬和书面说明',
        '省委督查室',
        '2024年5月20日',
      ]),
    ).toEqual([]);
  });
});
