/**
 * The GB/T 9704-2012 (党政机关公文格式) page, in the units Word stores: twips (1/20 pt, 1/1440 inch) for
 * lengths and half-points for font sizes. 1 mm = 1440 / 25.4 twips.
 */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

/** A4, 210 × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** §5.2.1: 天头 37 mm, 订口 28 mm; the text block 156 × 225 mm leaves 35 mm below and 26 mm to the right. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/**
 * Chinese type sizes (字号) in points: 2号 22, 3号 16, 4号 14, 小4 12. The document holds half-points
 * (`w:sz`), so `size.s3` is 32.
 */
export const PT = { s2: 22, s3: 16, s4: 14, small4: 12 } as const;
export const size = { s2: PT.s2 * 2, s3: PT.s3 * 2, s4: PT.s4 * 2, small4: PT.small4 * 2 } as const;

/** §5.2.2: 22 lines of 28 characters of 3号 in the text block. */
export const GRID = { lines: 22, chars: 28 } as const;

/** Line pitch in twips: 225 mm / 22 = 28.95 pt, the 579 of the offices' Word templates. */
export function linePitch(textHeight: number = PAGE.height - MARGIN.top - MARGIN.bottom): number {
  return Math.floor(textHeight / GRID.lines);
}

/**
 * `w:charSpace` for a grid of `GRID.chars` characters across `textWidth` twips: Word stores the pitch
 * as its difference from the default font size, in 1/4096 pt. 156 mm / 28 = 15.79 pt, so −848.
 */
export function charSpace(textWidth: number = PAGE.width - MARGIN.left - MARGIN.right): number {
  const pitchPt = textWidth / GRID.chars / 20;
  return Math.round((pitchPt - PT.s3) * 4096);
}

/**
 * Font names as the offices have them. Word and WPS pick a run's CJK glyphs from the East Asian slot;
 * Latin letters and digits take Times New Roman as the offices' templates do. Where a name is missing
 * the fontTable names a fallback family (see font-table.ts), so the text still lays out on the grid.
 */
export const FONT = {
  fang: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
} as const;
export type FontKey = Exclude<keyof typeof FONT, 'latin'>;

export function fontOf(key: FontKey) {
  return { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia: FONT[key], hint: 'eastAsia' };
}

/** Exact line spacing for body text: one grid line. Exact spacing keeps the 22 lines wherever fonts differ. */
export const BODY_LINE = linePitch();

/** Header distance from the page's top edge: 15 mm (the documents have no running header). */
export const HEADER_DISTANCE = mm(15);

/** Page numbers sit 7 mm below the text block (§7.5): the footer's distance from the page's edge. */
export const FOOTER_DISTANCE = mm(35 - 7 - 5);

/** 4号 one-character indent for page numbers: right on odd pages, left on even ones (§7.5). */
export const PAGE_NUMBER_INDENT = PT.s4 * 20;

/** Character spacing of 3号 runs in twentieths of a point: 16 − 0.25 = 15.75 pt, under the 15.79 pt pitch. */
export const GRID_SQUEEZE = -5;
