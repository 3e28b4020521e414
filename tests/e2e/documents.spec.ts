import { readdir, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures';

/** axe on the open menu (the rest of each page is the other suites' to check). */
async function expectMenuAxeClean(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('.docs-menu')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

/** Entries of a ZIP by their names, which sit uncompressed in its central directory. */
const names = (bytes: Buffer) => bytes.toString('utf8');

test('the entry bundle does not carry the document generators', async () => {
  // The demo build the suite runs on: docx arrives with the first 下载公文 click, not with the page.
  const html = await readFile('dist-demo/index.html', 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)![1]!;
  const js = await readFile(`dist-demo/${entry}`, 'utf8');
  expect(js).not.toContain('wordprocessingml');
  // docx sits in the worker that builds the files (and the inline fallback), not with the menus' code.
  const assets = await readdir('dist-demo/assets');
  const read = (f: string) => readFile(`dist-demo/assets/${f}`, 'utf8');
  const worker = assets.filter((f) => f.startsWith('docx.worker') && f.endsWith('.js'));
  expect(worker).toHaveLength(1);
  expect(await read(worker[0]!)).toContain('wordprocessingml');
  const builders = assets.filter((f) => f.startsWith('builders-') && f.endsWith('.js'));
  expect(builders).toHaveLength(1);
  expect(await read(builders[0]!)).not.toContain('wordprocessingml');
});

test('the review page sends the 季度督查通报 with its charts; the open menu passes axe', async ({
  page,
  consoleErrors,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openAs(page, '/review?quarter=2024Q1');
  await expect(page.getByRole('figure', { name: /预警分布/ }).locator('svg.recharts-surface')).toBeVisible();
  await page.getByRole('button', { name: /下载公文/ }).click();
  const menu = page.getByRole('region', { name: '下载公文（Word 格式）' });
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: '预览首页：季度督查通报' }).click();
  await expect(menu.getByRole('figure', { name: '《季度督查通报》首页预览' })).toContainText(
    '督查通报〔2024〕1号',
  );
  await expectMenuAxeClean(page);
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    menu.getByRole('button', { name: '季度督查通报（附图表）' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('督查通报〔2024〕1号-2024年第一季度.docx');
  const bytes = await readFile((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(names(bytes)).toContain('word/document.xml');
  expect(names(bytes)).toMatch(/word\/media\/[^"]+\.png/);
  await expect(menu.getByRole('status')).toHaveText('已生成 督查通报〔2024〕1号-2024年第一季度.docx');
  // Built off the main thread.
  expect(workers.some((u) => u.includes('docx.worker'))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('the task, unit and meeting pages each download their document', async ({ page, consoleErrors }) => {
  const cases = [
    ['/ledger/T-0001', '督办通知单', '督办通知单-DB-2023-0001.docx'],
    ['/units/p-kjt', '督办通知单（全部未办结任务）', '督办通知单-省科技厅-2024年5月20日.docx'],
    [
      '/meetings/m-2023-0424-ah',
      '重点任务分解表',
      '重点任务分解表-全省深入推进创新型省份建设加快打造科技创新策源地工作会议.docx',
    ],
  ] as const;
  await openAs(page, cases[0][0]);
  for (const [path, item, filename] of cases) {
    await page.goto(`./#${path}`);
    await page.getByRole('button', { name: /下载公文/ }).click();
    const menu = page.getByRole('region', { name: '下载公文（Word 格式）' });
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      menu.getByRole('button', { name: item, exact: true }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(filename);
    expect((await readFile((await file.path())!)).subarray(0, 2).toString()).toBe('PK');
    await expectMenuAxeClean(page);
  }
  expect(consoleErrors).toEqual([]);
});
