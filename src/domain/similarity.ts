/**
 * Text similarity for 上下贯通 suggestions: which higher-level directives a lower-level directive most
 * likely carries out. Character bigrams (Chinese has no spaces, and bigrams catch 人才/体制/机制 without
 * a dictionary), weighted by inverse document frequency over every directive, so words every speech
 * uses (科技, 创新) count little and specific ones (人才, 投入, 生态) count much. Set phrases that carry
 * no topic (推进, 加强, 下功夫, 走在前列, 习近平总书记…) are cut out before bigrams are taken.
 * Pure and deterministic; `docs/alignment.md` reports how it ranks on the seed.
 */
export interface SimilarityDoc {
  id: string;
  heading: string;
  measures: readonly string[];
}

/** Political set phrases and rhetorical frames: frequent, topic-free. Longer entries first. */
export const STOP_TERMS: readonly string[] = [
  '习近平总书记',
  '重要讲话',
  '重要指示',
  '重要论述',
  '党中央',
  '决策部署',
  '工作要求',
  '国家',
  '下功夫',
  '走在前列',
  '走在全国前列',
  '勇挑重担',
  '敢打头阵',
  '锻造长板',
  '勇当先锋',
  '当好示范',
  '多出经验',
  '进一步',
  '高水平',
  '高质量',
  '一批',
  '更多',
  '更好',
  '更大',
  '更高',
  '推进',
  '推动',
  '加强',
  '加快',
  '加大',
  '强化',
  '深化',
  '深入',
  '建设',
  '发展',
  '工作',
  '坚持',
  '实施',
  '着力',
  '全力',
  '努力',
  '大力',
  '不断',
  '切实',
  '认真',
  '贯彻',
  '落实',
  '学习',
  '精神',
  '打造',
  '构建',
  '健全',
  '完善',
  '提升',
  '提高',
  '形成',
  '增强',
  '优化',
  '做好',
  '各项',
  '各类',
  '全面',
  '积极',
  '持续',
];

// Punctuation, plus single-character particles that would glue junk bigrams (的创, 和产) onto real words.
const SPLIT = /[^\u4e00-\u9fffA-Za-z0-9]+|[的和与及等对为把将]/;

/** Segments of the text with the stop phrases cut out (they become boundaries, so no bigram spans them). */
const segmentCache = new Map<string, string[]>();

export function segments(text: string): string[] {
  const hit = segmentCache.get(text);
  if (hit) return hit;
  const out = cut(text);
  // Bounded: directive texts repeat across requests, but an unbounded cache would grow with every import.
  if (segmentCache.size > 5000) segmentCache.clear();
  segmentCache.set(text, out);
  return out;
}

function cut(text: string): string[] {
  let s = text;
  for (const term of STOP_TERMS) s = s.split(term).join('|');
  // 在…上 frames the 要在…上 and …上下功夫 headings; the frame itself says nothing about the topic.
  s = s.replace(/^在/, '|').replace(/上\|/g, '|');
  return s.split(SPLIT).filter((x) => x.length >= 2);
}

export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (const seg of segments(text)) for (let i = 0; i + 1 < seg.length; i++) out.push(seg.slice(i, i + 2));
  return out;
}

/** The heading states the topic; measures elaborate it, so the heading weighs more. */
const HEADING_WEIGHT = 2;

function termFrequencies(doc: SimilarityDoc): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const g of bigramsOf(text)) tf.set(g, (tf.get(g) ?? 0) + w);
  };
  add(doc.heading, HEADING_WEIGHT);
  for (const m of doc.measures) add(m, 1);
  return tf;
}

export interface SimilarityIndex {
  idf: (gram: string) => number;
  vector: (id: string) => Map<string, number> | undefined;
  docs: ReadonlyMap<string, SimilarityDoc>;
}

/** Build once over all directives: document frequencies must see the whole corpus. */
export function buildIndex(docs: readonly SimilarityDoc[]): SimilarityIndex {
  const tfs = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const d of docs) {
    const tf = termFrequencies(d);
    tfs.set(d.id, tf);
    for (const g of tf.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const n = docs.length;
  const idf = (g: string) => Math.log((n + 1) / ((df.get(g) ?? 0) + 1));
  const vectors = new Map<string, Map<string, number>>();
  for (const [id, tf] of tfs) {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [g, f] of tf) {
      const w = (1 + Math.log(f)) * idf(g);
      if (w > 0) {
        v.set(g, w);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, w] of v) v.set(g, w / norm);
    vectors.set(id, v);
  }
  return { idf, vector: (id) => vectors.get(id), docs: new Map(docs.map((d) => [d.id, d])) };
}

export interface Match {
  id: string;
  /** Cosine similarity of the weighted bigram vectors, 0–1. */
  score: number;
  /** The shared words (runs of shared bigrams, as written in the lower-level text), most telling first. */
  terms: string[];
}

/** Runs of consecutive shared bigrams in `text`, joined back into words such as 体制机制 or 人才. */
function sharedRuns(text: string, shared: ReadonlyMap<string, number>): Map<string, number> {
  const runs = new Map<string, number>();
  for (const seg of segments(text)) {
    let i = 0;
    while (i + 1 < seg.length) {
      if (!shared.has(seg.slice(i, i + 2))) {
        i += 1;
        continue;
      }
      let j = i;
      let w = 0;
      while (j + 1 < seg.length && shared.has(seg.slice(j, j + 2))) {
        w += shared.get(seg.slice(j, j + 2)) ?? 0;
        j += 1;
      }
      const word = seg.slice(i, j + 1);
      runs.set(word, Math.max(runs.get(word) ?? 0, w));
      i = j + 1;
    }
  }
  return runs;
}

/** Cosine of the two weighted bigram vectors, with each shared bigram's contribution. */
function dot(
  index: SimilarityIndex,
  lowerId: string,
  higherId: string,
): { score: number; shared: Map<string, number> } {
  const a = index.vector(lowerId);
  const b = index.vector(higherId);
  const shared = new Map<string, number>();
  if (!a || !b) return { score: 0, shared };
  let score = 0;
  for (const [g, w] of a) {
    const v = b.get(g);
    if (v !== undefined) {
      score += w * v;
      shared.set(g, w * v);
    }
  }
  return { score: Math.round(score * 1000) / 1000, shared };
}

function reasons(index: SimilarityIndex, lowerId: string, shared: ReadonlyMap<string, number>): string[] {
  const doc = index.docs.get(lowerId);
  if (!doc || shared.size === 0) return [];
  const runs = new Map<string, number>();
  for (const text of [doc.heading, ...doc.measures]) {
    for (const [word, w] of sharedRuns(text, shared)) runs.set(word, Math.max(runs.get(word) ?? 0, w));
  }
  return (
    [...runs.entries()]
      .sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || x[0].localeCompare(y[0]))
      .map(([word]) => word)
      // A shorter word already inside a longer one adds nothing to the reason.
      .filter((word, i, all) => !all.slice(0, i).some((w) => w.includes(word)))
      .slice(0, 5)
  );
}

export function compare(index: SimilarityIndex, lowerId: string, higherId: string): Match {
  const { score, shared } = dot(index, lowerId, higherId);
  return { id: higherId, score, terms: reasons(index, lowerId, shared) };
}

/**
 * Higher-level candidates for one lower-level directive, best first; ties broken by id for stability.
 * Only the kept `limit` get their reasons worked out (the costly part on a large corpus).
 */
export function rank(
  index: SimilarityIndex,
  lowerId: string,
  candidateIds: readonly string[],
  minScore = 0,
  limit = Number.POSITIVE_INFINITY,
): Match[] {
  return candidateIds
    .map((id) => ({ id, ...dot(index, lowerId, id) }))
    .filter((m) => m.score > minScore)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, limit)
    .map((m) => ({ id: m.id, score: m.score, terms: reasons(index, lowerId, m.shared) }));
}

/**
 * Mean reciprocal rank and hits@k (share of queries with a right answer in the top k) of a ranking, and
 * pair recall@k (share of all judged-right pairs found in the top k) against judged-right pairs (lower id → right higher ids).
 */
export function evaluate(
  rankings: ReadonlyMap<string, readonly Match[]>,
  gold: Readonly<Record<string, readonly string[]>>,
  k = 3,
): { mrr: number; hitsAtK: number; pairRecallAtK: number; queries: number } {
  let rr = 0;
  let hits = 0;
  let pairs = 0;
  let pairHits = 0;
  const ids = Object.keys(gold);
  for (const lower of ids) {
    const right = new Set(gold[lower]);
    const list = rankings.get(lower) ?? [];
    const pos = list.findIndex((m) => right.has(m.id));
    if (pos >= 0) rr += 1 / (pos + 1);
    if (pos >= 0 && pos < k) hits += 1;
    pairs += right.size;
    pairHits += list.slice(0, k).filter((m) => right.has(m.id)).length;
  }
  const n = ids.length || 1;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    mrr: r3(rr / n),
    hitsAtK: r3(hits / n),
    pairRecallAtK: r3(pairHits / (pairs || 1)),
    queries: ids.length,
  };
}
