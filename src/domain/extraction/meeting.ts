import { paragraphs } from './segment';

const META_LINE =
  /^(?:来源|发布日期|发布时间|日期|时间|作者|编辑|责任编辑|浏览次数|点击|字号|分享|打印|关闭|主办单位|承办单位|本报讯|记者)/;
const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1949 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** Meeting hints: title (first title-like line), date, place (在合肥召开 → 合肥). */
export function meetingHints(text: string): { title?: string; date?: string; place?: string } {
  const out: { title?: string; date?: string; place?: string } = {};
  const paras = paragraphs(text.length > 200_000 ? text.slice(0, 200_000) : text);
  for (const [s, e] of paras.slice(0, 12)) {
    const line = text.slice(s, e).trim();
    if (line.length < 6 || line.length > 80) continue;
    if (META_LINE.test(line)) continue;
    if (/[。；;！!？?，,]/.test(line.slice(0, -1))) continue;
    if (/^[\d\s\-:/.]+$/.test(line)) continue;
    out.title = line.replace(/[。，,；;：:]$/, '');
    break;
  }
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  // full date first
  const full = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(head);
  const pub = /(?:发布日期|发布时间|日期)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(head);
  const md = /(?:^|[^\d年])(\d{1,2})月(\d{1,2})日/.exec(head);
  const anyYear = /(20\d{2}|19\d{2})(?:年|-\d{1,2}-)/.exec(head);
  if (full) out.date = validDate(Number(full[1]), Number(full[2]), Number(full[3]));
  if (!out.date && md) {
    const y = pub ? Number(pub[1]) : anyYear ? Number(anyYear[1]) : Number.NaN;
    if (Number.isFinite(y)) out.date = validDate(y, Number(md[1]), Number(md[2]));
  }
  if (!out.date && pub) out.date = validDate(Number(pub[1]), Number(pub[2]), Number(pub[3]));
  const place = /在([\u4e00-\u9fff]{2,10}?)(?:召开|举行|举办)/.exec(head);
  if (place) out.place = place[1]!.replace(/(?:主持|隆重|胜利|组织)$/, '');
  return out;
}
