import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { apiFetch, expect, expectNoAxeViolations, openAs, test } from './fixtures';

/**
 * The text of a Chromium PDF, without poppler: inflate the content streams and map each font's glyph
 * ids back to characters through its ToUnicode CMap. NFKC folds the CJK radicals some fonts map to
 * (⼀ → 一) back to the ideographs.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objs = new Map<string, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objs.set(m[1]!, m[2]!);
  const streamOf = (body: string): string | null => {
    const s = body.indexOf('stream');
    if (s < 0) return null;
    let start = s + 6;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const data = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    try {
      return (/FlateDecode/.test(body.slice(0, s)) ? inflateSync(data) : data).toString('latin1');
    } catch {
      return null;
    }
  };
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  const cmaps = new Map<string, Map<number, string>>();
  for (const [id, body] of objs) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(body)?.[1];
    const cm = ref ? streamOf(objs.get(ref) ?? '') : null;
    if (!cm) continue;
    const map = new Map<number, string>();
    for (const b of cm.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of b[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set(Number.parseInt(m[1]!, 16), utf16(m[2]!));
    }
    for (const b of cm.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of b[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const [a, z, u] = [m[1]!, m[2]!, m[3]!].map((h) => Number.parseInt(h, 16)) as [
          number,
          number,
          number,
        ];
        for (let g = a; g <= z; g++) map.set(g, String.fromCodePoint(u + g - a));
      }
    }
    cmaps.set(id, map);
  }
  const fontByName = new Map<string, string>();
  for (const body of objs.values()) {
    for (const fd of body.matchAll(/\/Font\s*<<([^>]*)>>/g))
      for (const m of fd[1]!.matchAll(/\/(\w+) (\d+) 0 R/g)) fontByName.set(m[1]!, m[2]!);
  }
  let text = '';
  for (const body of objs.values()) {
    if (!/\/Length/.test(body) || /ToUnicode|FontFile|\/Image/.test(body)) continue;
    const s = streamOf(body);
    if (!s?.includes('BT')) continue;
    let font: Map<number, string> | undefined;
    for (const m of s.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]+)>\s*Tj|\[([^\]]*)\]\s*TJ|(BT)/g)) {
      if (m[1]) font = cmaps.get(fontByName.get(m[1]) ?? '');
      else if (m[4]) text += ' ';
      else {
        const hexes = m[2] ? [m[2]] : [...m[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!);
        for (const h of hexes)
          for (let i = 0; i < h.length; i += 4)
            text += font?.get(Number.parseInt(h.slice(i, i + 4), 16)) ?? '';
      }
    }
  }
  return text.normalize('NFKC').replace(/\s+/g, ' ');
}

interface ReviewJson {
  kpis: { total: number; done: number; completionRate: number };
}

test('open the review, switch quarters, open a breakdown', async ({ page, consoleErrors }) => {
  await openAs(page, '/review');
  await expect(page.getByRole('heading', { level: 1, name: '季度考核' })).toBeVisible();
  await expect(page.getByTestId('quarter-select')).toHaveValue('2024Q1');
  await expect(page.getByRole('figure', { name: /单位得分排名/ })).toBeVisible();
  await expect(page.locator('.review-state__badge')).toContainText('未发布');
  await expectNoAxeViolations(page);

  const q4 = (await apiFetch(page, '/api/review?quarter=2023Q4')).json as ReviewJson;
  await page.getByTestId('quarter-select').selectOption('2023Q4');
  await expect(page).toHaveURL(/quarter=2023Q4/);
  await expect(page.locator('[data-kpi="total"] .review-kpi__value')).toHaveText(String(q4.kpis.total));
  await expect(page.getByText(/已于 .* 发布，得分已固定/)).toBeVisible();

  await page.getByRole('button', { name: '查看 省科技厅 的得分明细' }).click();
  const dialog = page.getByRole('dialog', { name: /省科技厅 · 2023年第四季度 得分明细/ });
  await expect(dialog.getByRole('link').first()).toHaveAttribute('href', /#\/ledger\/T-\d{4}$/);
  await expect(dialog.getByText('本季度已发布，如需调整请先撤销发布。')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A click on a bar opens that unit's breakdown too (the top bar is the best-ranked unit).
  const first = page.getByRole('table', { name: '单位得分排名表' }).getByRole('rowheader').first();
  const firstName = (await first.textContent()) ?? '';
  await page
    .getByRole('figure', { name: /单位得分排名/ })
    .locator('.recharts-bar-rectangle path')
    .first()
    .click();
  await expect(
    page.getByRole('dialog', { name: new RegExp(`${firstName} · 2023年第四季度 得分明细`) }),
  ).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a chart exports as a real 2× PNG and as SVG, named with the quarter', async ({
  page,
  consoleErrors,
}) => {
  await openAs(page, '/review?quarter=2024Q1');
  const figure = page.getByRole('figure', { name: /单位得分排名/ });
  await expect(figure.locator('svg.recharts-surface')).toBeVisible();
  const width = await figure.locator('svg.recharts-surface').evaluate((s) => s.getBoundingClientRect().width);

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: '导出 PNG：「单位得分排名」' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('季度考核_2024Q1_单位排名.png');
  const bytes = await readFile((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: the image is twice the chart's width (plus the export's padding).
  expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.round(width) * 2);

  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: '导出 SVG：「单位得分排名」' }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('季度考核_2024Q1_单位排名.svg');
  const text = await readFile((await svg.path())!, 'utf8');
  expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).toContain('单位得分排名');
  expect(text).toContain('Noto Sans CJK SC');
  expect(consoleErrors).toEqual([]);
});

test('an export right after switching quarter waits for the chart to finish drawing', async ({
  page,
  consoleErrors,
}) => {
  await openAs(page, '/review?quarter=2024Q1');
  const figure = page.getByRole('figure', { name: /单位得分排名/ });
  await expect(figure.locator('svg.recharts-surface')).toBeVisible();
  await page.getByTestId('quarter-select').selectOption('2023Q4');
  await expect(figure.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // No waiting for the animation: the export itself must.
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: '导出 SVG：「单位得分排名」' }).click(),
  ]);
  const text = await readFile((await svg.path())!, 'utf8');
  const bars = (text.match(/class="recharts-layer recharts-bar-rectangle"/g) ?? []).length;
  const labels = (text.match(/class="recharts-text recharts-label"/g) ?? []).length;
  expect(bars).toBeGreaterThan(0);
  expect(labels).toBe(bars);
  expect(consoleErrors).toEqual([]);
});

test('the quarter materials export as one ZIP', async ({ page, consoleErrors }) => {
  await openAs(page, '/review?quarter=2024Q1');
  await expect(page.getByRole('figure', { name: /预警分布/ }).locator('svg.recharts-surface')).toBeVisible();
  const [zip] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: /导出季度材料/ }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe('季度考核_2024Q1_材料.zip');
  const bytes = await readFile((await zip.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  // File names sit uncompressed in the ZIP directory.
  const names = bytes.toString('utf8');
  expect(names).toContain('季度考核_2024Q1_台账与得分.xlsx');
  expect(names).toContain('图表/季度考核_2024Q1_单位排名.png');
  expect(names).toContain('图表/季度考核_2024Q1_趋势.png');
  expect(consoleErrors).toEqual([]);
});

test('the report prints to an A4 PDF with the quarter and its numbers', async ({ page, consoleErrors }) => {
  await openAs(page, '/review/report?quarter=2024Q1');
  const r = (await apiFetch(page, '/api/review?quarter=2024Q1')).json as ReviewJson;
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText(
    `2024年第一季度，纳入考核任务 ${r.kpis.total} 项，完成 ${r.kpis.done} 项，完成率 ${r.kpis.completionRate}%`,
  );
  await expect(
    page.getByRole('heading', { name: '2024年第一季度科技创新工作落实情况考核报告' }),
  ).toBeVisible();
  await expect(page.getByRole('figure')).toHaveCount(5);
  await expect(page.locator('.report svg.recharts-surface')).toHaveCount(5);
  await expectNoAxeViolations(page);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const raw = pdf.toString('latin1');
  expect(raw.startsWith('%PDF-')).toBe(true);
  const pages = raw.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(3);
  // Chromium stores the document title as the PDF's /Title (UTF-16BE hex): it names the quarter.
  const title = /\/Title\s*<FEFF([0-9A-Fa-f]+)>/.exec(raw)?.[1] ?? '';
  expect(Buffer.from(title, 'hex').swap16().toString('utf16le')).toContain('2024年第一季度');
  // The printed text itself: the cover, the summary with its numbers, and the page-number footer.
  const text = pdfText(pdf);
  // Compared in NFKC too, which turns the full-width punctuation of the Chinese text into ASCII.
  const printed = (s: string) => s.normalize('NFKC');
  expect(text).toContain(printed('2024年第一季度科技创新工作落实情况考核报告'));
  expect(text).toContain(
    printed(
      `2024年第一季度，纳入考核任务 ${r.kpis.total} 项，完成 ${r.kpis.done} 项，完成率 ${r.kpis.completionRate}%`,
    ),
  );
  expect(text).toContain(`2 / ${pages.length}`);
  expect(consoleErrors).toEqual([]);
});
