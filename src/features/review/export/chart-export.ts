/**
 * Chart exports: the chart's own SVG, given a white background, a title and a legend (the on-screen
 * legend is HTML, which an image would lose), and a CJK font stack; PNG is that SVG drawn onto a
 * canvas at 2× for print-quality pixels.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
export const EXPORT_FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const HEADER = 44;
const LEGEND = 30;
const PAD = 16;

export interface LegendEntry {
  label: string;
  fill: string;
  /** A line series: its dash pattern ('' for solid). */
  dash?: string;
}

export interface ChartMeta {
  title: string;
  subtitle: string;
  fileBase: string;
  legend: LegendEntry[];
}

/** Read what the chart frame wrote on its <figure>. */
export function metaOf(figure: HTMLElement): ChartMeta {
  return {
    title: figure.dataset.title ?? '',
    subtitle: figure.dataset.subtitle ?? '',
    fileBase: figure.dataset.file ?? 'chart',
    legend: JSON.parse(figure.dataset.legend ?? '[]') as LegendEntry[],
  };
}

/** Rough text width: CJK characters are square, Latin ones about half as wide. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? size : size * 0.58;
  return w;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A standalone SVG document of the figure's chart. */
export function chartSvg(figure: HTMLElement): {
  svg: string;
  width: number;
  height: number;
  meta: ChartMeta;
} {
  const src = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!src) throw new Error('chart not rendered');
  const meta = metaOf(figure);
  const box = src.getBoundingClientRect();
  const w = Math.round(Number(src.getAttribute('width')) || box.width || 800);
  const h = Math.round(Number(src.getAttribute('height')) || box.height || 400);
  const width = w + PAD * 2;
  const height = HEADER + h + (meta.legend.length ? LEGEND : 0) + PAD;
  // XMLSerializer declares the SVG namespace itself; setting `xmlns` too would declare it twice.
  const root = el('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': EXPORT_FONT,
  });
  // The pattern fills live in the frame's own <defs>, outside recharts' surface: carry them along.
  const defs = figure.querySelector('.review-chart__defs defs');
  if (defs) root.appendChild(defs.cloneNode(true));
  root.appendChild(el('rect', { width, height, fill: '#ffffff' }));
  root.appendChild(
    el('text', { x: PAD, y: 24, 'font-size': 16, 'font-weight': 600, fill: '#1f2328' }, meta.title),
  );
  root.appendChild(el('text', { x: PAD, y: 40, 'font-size': 11, fill: '#57606a' }, meta.subtitle));
  const chart = src.cloneNode(true) as SVGSVGElement;
  for (const a of ['style', 'class', 'tabindex', 'role']) chart.removeAttribute(a);
  chart.setAttribute('x', String(PAD));
  chart.setAttribute('y', String(HEADER));
  chart.setAttribute('width', String(w));
  chart.setAttribute('height', String(h));
  chart.setAttribute('overflow', 'visible');
  root.appendChild(chart);
  let x = PAD;
  const y = HEADER + h + 8;
  for (const item of meta.legend) {
    // Legend fills may be url(#pattern) references into the chart's own <defs>, carried in the clone.
    const swatch = item.dash === undefined ? 14 : 24;
    if (item.dash === undefined) {
      root.appendChild(
        el('rect', { x, y, width: 14, height: 14, fill: item.fill, stroke: '#1f2328', 'stroke-width': 0.5 }),
      );
    } else {
      root.appendChild(
        el('line', {
          x1: x,
          y1: y + 7,
          x2: x + 24,
          y2: y + 7,
          stroke: item.fill,
          'stroke-width': 2,
          ...(item.dash ? { 'stroke-dasharray': item.dash } : {}),
        }),
      );
      root.appendChild(
        el('circle', { cx: x + 12, cy: y + 7, r: 3, fill: '#fff', stroke: item.fill, 'stroke-width': 2 }),
      );
    }
    root.appendChild(
      el('text', { x: x + swatch + 6, y: y + 12, 'font-size': 12, fill: '#1f2328' }, item.label),
    );
    x += swatch + 6 + textWidth(item.label, 12) + 18;
  }
  return { svg: new XMLSerializer().serializeToString(root), width, height, meta };
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas unavailable');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Resolves once the chart has stopped changing: recharts draws bars and lines frame by frame after
 * new data (a quarter switch) and adds the value labels only at the end, so an export taken earlier
 * would be half drawn and unlabelled. "Stopped" is `quietMs` without a change to the chart's SVG.
 */
export function chartSettled(figure: HTMLElement, quietMs = 200, maxMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout>;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
    quiet = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
  });
}

export async function chartBlob(
  figure: HTMLElement,
  format: 'png' | 'svg',
): Promise<{ blob: Blob; name: string }> {
  await chartSettled(figure);
  const { svg, width, height, meta } = chartSvg(figure);
  const blob =
    format === 'svg'
      ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' })
      : await svgToPng(svg, width, height);
  return { blob, name: `${meta.fileBase}.${format}` };
}
