import { paragraphs } from './segment';
import type { MeetingHints } from './types';

const META_LINE =
  /^(?:来源|发布日期|发布时间|日期|时间|作者|编辑|责任编辑|浏览次数|点击|字号|分享|打印|关闭|主办单位|承办单位|本报讯|记者)/;
const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1949 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** A headline's closing verb: the meeting is …工作会议, the news is that it took place. */
const HEADLINE_VERB =
  /(?<=(?:会议?|大会|全会|座谈会|推进会|调度会|部署会|例会|论坛|峰会|常委会|[（(]扩大[)）]))(?:在[\u4e00-\u9fff]{2,8})?(?:隆重|胜利)?(?:召开|举行|举办|开幕|闭幕)$/;
/** 来源：阜阳日报 / 来源:市政府办公室 / （来源：人民日报） — the publishing source. */
const SOURCE_RE =
  /(?:^|[\s（(【[|])(?:来源|稿件来源|信息来源|文章来源)\s*[:：]\s*([^\s，,。；;）)】\]|]{2,30})/m;

/** The publishing source named in the text (来源：阜阳日报), without dates or editors after it. */
export function sourceHint(text: string): string | undefined {
  const head = text.length > 200_000 ? `${text.slice(0, 100_000)}\n${text.slice(-100_000)}` : text;
  const m = SOURCE_RE.exec(head);
  if (!m) return undefined;
  const src = m[1]!.replace(/(?:作者|编辑|责任编辑|发布时间|发布日期|日期|时间|浏览|字号).*$/, '').trim();
  return src.length >= 2 ? src : undefined;
}

/** Meeting hints: title (first title-like line), date, place (在合肥召开 → 合肥), source (来源：…). */
export function meetingHints(text: string): MeetingHints {
  const out: MeetingHints = {};
  const paras = paragraphs(text.length > 200_000 ? text.slice(0, 200_000) : text);
  for (const [s, e] of paras.slice(0, 12)) {
    const line = text.slice(s, e).trim();
    if (line.length < 6 || line.length > 80) continue;
    if (META_LINE.test(line) || /来源\s*[:：]/.test(line)) continue;
    if (/[。；;！!？?，,]/.test(line.slice(0, -1))) continue;
    if (/^[\d\s\-:/.]+$/.test(line)) continue;
    out.title = line.replace(/[。，,；;：:]$/, '').replace(HEADLINE_VERB, '');
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
  const source = sourceHint(text);
  if (source) out.source = source;
  return out;
}
