import {
  AlignmentType,
  BorderStyle,
  DocumentGridType,
  Footer,
  type ISectionOptions,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  BODY_LINE,
  charSpace,
  FOOTER_DISTANCE,
  type FontKey,
  fontOf,
  GRID_SQUEEZE,
  HEADER_DISTANCE,
  linePitch,
  MARGIN,
  PAGE,
  PAGE_NUMBER_INDENT,
  size,
} from './format';
import { clean, zhNumber } from './text';

/**
 * A run of text in one of the 公文 faces; `sz` in half-points. 3号 runs are set 0.25 pt tighter, so 28
 * characters fill the 156 mm line exactly as the 22 × 28 grid asks (see pack.ts for why paragraphs do
 * not snap to the grid itself).
 */
export function run(text: string, font: FontKey = 'fang', sz: number = size.s3, bold = false): TextRun {
  return new TextRun({
    text: clean(text),
    font: fontOf(font),
    size: sz,
    bold,
    ...(sz === size.s3 ? { characterSpacing: GRID_SQUEEZE } : {}),
  });
}

const exact = (line: number) => ({ line, lineRule: 'exact' as const, before: 0, after: 0 });

/**
 * 标题: 2号小标宋, centred. Pass the lines to break a long title where its sense allows (§7.3.1:
 * 回行时词意完整、排列对称) rather than wherever the line runs out.
 */
export function title(text: string | string[]): Paragraph {
  const lines = Array.isArray(text) ? text : [text];
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: 'exact', before: 0, after: BODY_LINE },
    children: lines.map(
      (l, i) =>
        new TextRun({ text: clean(l), font: fontOf('xiaobiaosong'), size: size.s2, break: i > 0 ? 1 : 0 }),
    ),
  });
}

/** Width in characters of 3号 text: CJK full width, ASCII half. */
export function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** A body paragraph: 3号仿宋, first line indented two characters, one grid line per line. */
export function body(text: string | ParagraphChild[], opts: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(BODY_LINE),
    indent: opts.indent === false ? undefined : { firstLineChars: 200, firstLine: 640 },
    children: typeof text === 'string' ? [run(text)] : text,
  });
}

/**
 * The four heading levels of §7.3.3: 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold, (1) in 仿宋; all 3号,
 * indented two characters like body text. `n` is the 1-based ordinal.
 */
export function heading(level: 1 | 2 | 3 | 4, n: number, text: string): Paragraph {
  const label =
    level === 1 ? `${zhNumber(n)}、` : level === 2 ? `（${zhNumber(n)}）` : level === 3 ? `${n}.` : `(${n})`;
  const font: FontKey = level === 1 ? 'hei' : level === 2 ? 'kai' : 'fang';
  return new Paragraph({
    spacing: exact(BODY_LINE),
    indent: { firstLineChars: 200, firstLine: 640 },
    keepNext: true,
    children: [run(`${label}${text}`, font, size.s3, level === 3)],
  });
}

/**
 * 发文机关署名 over 成文日期 (§7.3.5.2): the date ends four characters from the right edge and the
 * office is centred over it.
 */
export function signature(lines: string[], gapLines = 2): Paragraph[] {
  const widest = Math.max(...lines.map(widthInChars));
  return lines.map(
    (l, i) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...exact(BODY_LINE), before: i === 0 ? Math.round(BODY_LINE * gapLines) : 0 },
        indent: { right: Math.round((4 + (widest - widthInChars(l)) / 2) * 315) },
        keepNext: i < lines.length - 1,
        children: [run(l)],
      }),
  );
}

const pageNumber = (align: 'left' | 'right') =>
  new Paragraph({
    alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: align === 'right' ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
    children: [
      new TextRun({ text: '— ', font: fontOf('song'), size: size.s4 }),
      new TextRun({ children: [PageNumber.CURRENT], font: fontOf('song'), size: size.s4 }),
      new TextRun({ text: ' —', font: fontOf('song'), size: size.s4 }),
    ],
  });

/** Page numbers `— 1 —` in 4号宋体: odd pages at the right, even pages at the left (needs evenAndOdd). */
export function pageNumberFooters(): ISectionOptions['footers'] {
  return {
    default: new Footer({ children: [pageNumber('right')] }),
    even: new Footer({ children: [pageNumber('left')] }),
  };
}

/**
 * The section's page: A4 with the §5.2 margins and the 22 × 28 grid. Landscape (the breakdown table)
 * turns the margins with the page: the 37 mm 天头 becomes the left margin and the 28 mm 订口 the top; its
 * grid keeps the portrait line pitch and declares no character pitch, as tables set their own type.
 */
export function pageProperties(
  orientation: 'portrait' | 'landscape' = 'portrait',
): ISectionOptions['properties'] {
  const landscape = orientation === 'landscape';
  const margin = landscape
    ? { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.top, right: MARGIN.bottom }
    : { ...MARGIN };
  return {
    page: {
      size: {
        width: PAGE.width,
        height: PAGE.height,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { ...margin, header: HEADER_DISTANCE, footer: landscape ? HEADER_DISTANCE : FOOTER_DISTANCE },
    },
    grid: landscape
      ? { type: DocumentGridType.LINES, linePitch: BODY_LINE }
      : { type: DocumentGridType.LINES_AND_CHARS, linePitch: linePitch(), charSpace: charSpace() },
  };
}

/** A table cell with one or more paragraphs of 仿宋 at `sz`, exact line height 1.25 × the size. */
export function cell(
  text: string | string[],
  opts: {
    sz?: number;
    width?: number;
    bold?: boolean;
    font?: FontKey;
    align?: 'left' | 'center';
    rowSpan?: number;
    columnSpan?: number;
  } = {},
): TableCell {
  const sz = opts.sz ?? size.small4;
  const lines = (Array.isArray(text) ? text : [text]).map(clean);
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    rowSpan: opts.rowSpan,
    columnSpan: opts.columnSpan,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map(
      (l) =>
        new Paragraph({
          alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          spacing: exact(Math.round(sz * 12.5)),
          children: [run(l, opts.font ?? 'fang', sz, opts.bold ?? false)],
        }),
    ),
  });
}

/** A header row that Word and LibreOffice repeat on every page the table runs onto. */
export function headerRow(labels: string[], widths: number[], sz: number = size.small4): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: labels.map((l, i) => cell(l, { sz, width: widths[i], font: 'hei', align: 'center' })),
  });
}

export const thinBorders = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
};
