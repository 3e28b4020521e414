// @vitest-environment node
// Table tests for the pipeline stages on their own: structure, triggers, merge, measures, spans.
import { describe, expect, it } from 'vitest';
import { analyzeDiscourse } from '../../../src/domain/extraction/discourse';
import { readMeasure } from '../../../src/domain/extraction/measures';
import { mergeHeadingFrames, mergeMeasureFrames } from '../../../src/domain/extraction/merge';
import { paragraphs, segmentParagraph } from '../../../src/domain/extraction/segment';
import { type Draft, doubtsOf } from '../../../src/domain/extraction/spans';
import { readNumberedHeading } from '../../../src/domain/extraction/structure';
import { analyzeLead, decideYao, type YaoContext } from '../../../src/domain/extraction/triggers';

const clausesOf = (t: string) => segmentParagraph(t, 0, t.length).clauses;

describe('structure: numbered headings', () => {
  it.each<[string, string, { level: number; label: boolean; reviewsSection: boolean } | null]>([
    ['一、坚定不移推进城乡融合。', '坚定不移推进城乡融合', { level: 1, label: false, reviewsSection: false }],
    ['（二）要抓好春耕备耕。', '抓好春耕备耕', { level: 2, label: false, reviewsSection: false }],
    ['第三，压实工作责任。', '压实工作责任', { level: 1.5, label: false, reviewsSection: false }],
    ['三、2027年主要工作', '2027年主要工作', { level: 1, label: true, reviewsSection: false }],
    ['一、过去一年工作回顾', '过去一年工作回顾', { level: 1, label: true, reviewsSection: true }],
    [
      '一、开放是城市发展的必由之路',
      '开放是城市发展的必由之路',
      { level: 1, label: true, reviewsSection: true },
    ],
    ['2．健全服务体系。完善网点布局。', '健全服务体系', { level: 3, label: false, reviewsSection: false }],
    ['要加快建设。', '', null],
  ])('%s', (line, heading, want) => {
    const h = readNumberedHeading(line, 0, line.length, clausesOf(line));
    if (want === null) {
      expect(h).toBeNull();
      return;
    }
    expect(h).toMatchObject(want);
    expect(line.slice(h!.hs, h!.he)).toBe(heading);
  });
});

describe('triggers: the lead of a clause', () => {
  it.each<[string, string | null, string]>([
    ['要稳住外贸基本盘', 'yao', '稳住外贸基本盘'],
    ['各镇街要压实属地责任', 'addressee', '压实属地责任'],
    ['稳健的信贷政策要精准有力', 'topic', '精准有力'],
    ['二是要强化要素保障', 'enumerated', '强化要素保障'],
    ['在优化营商环境上下功夫', 'zai', '在优化营商环境上下功夫'],
    ['要求各单位认真执行', null, ''],
    ['主要任务已经完成', null, ''],
  ])('%s → %s', (clause, kind, head) => {
    const lead = analyzeLead(clause, 0, clause.length);
    if (kind === null) {
      expect(lead === null || (!lead.yao && !lead.enumerated && !lead.zai)).toBe(true);
      return;
    }
    expect(lead).not.toBeNull();
    const flags = {
      yao: lead!.yao && !lead!.addressee && lead!.topic === null,
      addressee: lead!.addressee,
      topic: lead!.topic !== null,
      enumerated: lead!.enumerated,
      zai: lead!.zai,
    };
    expect(flags[kind as keyof typeof flags]).toBe(true);
    expect(clause.slice(lead!.headStart)).toBe(head);
  });
});

describe('merge: frames join the clause they frame', () => {
  it.each<[string, 'heading' | 'measure', string, number]>([
    ['按照省里的部署，集中精力抓落实，确保实效', 'heading', '按照省里的部署，集中精力抓落实', 1],
    [
      '在市委的坚强领导下，以改革创新为动力，推动高质量发展，再上台阶',
      'heading',
      '在市委的坚强领导下，以改革创新为动力，推动高质量发展',
      2,
    ],
    ['通过多种方式深入基层调研，并形成报告', 'measure', '通过多种方式深入基层调研', 0],
    ['以安全为底线，以民生为重点，推进城市更新', 'measure', '以安全为底线，以民生为重点，推进城市更新', 2],
    ['按照部署，要加快推进', 'measure', '按照部署', 0],
    ['加快项目建设，确保按期完工', 'heading', '加快项目建设', 0],
  ])('%s (%s)', (t, where, want, merged) => {
    const cs = clausesOf(t);
    const m = (where === 'heading' ? mergeHeadingFrames : mergeMeasureFrames)(t, cs, 0, cs[0]!.s, cs[0]!.e);
    expect([t.slice(cs[0]!.s, m.end), m.merged]).toEqual([want, merged]);
  });
});

describe('measures: one clause of an open directive', () => {
  const open = { para: 0, sent: 0, heading: false, measures: [] as [number, number][] };
  const step = (t: string, ci: number, o = open) => {
    const cs = clausesOf(t);
    return readMeasure(
      t,
      cs,
      cs.map((c) => t.slice(c.s, c.e)),
      ci,
      cs[ci]!.s,
      analyzeLead(t, cs[ci]!.s, cs[ci]!.e),
      o,
      0,
    );
  };
  const texts = (t: string, ci: number, o = open) => {
    const s = step(t, ci, o);
    return s.type === 'measures' ? [s.rule, s.parts.map(([a, b]) => t.slice(a, b))] : [s.type];
  };
  it.each<[string, string, number, unknown[]]>([
    ['an action clause', '要抓好防汛，落实值班制度。', 1, ['clause', ['落实值班制度']]],
    [
      'a frame merged with its clause',
      '要抓好防汛，按照预案要求，落实值班制度。',
      1,
      ['frame', ['按照预案要求，落实值班制度']],
    ],
    [
      'a 、-chain of distinct actions',
      '要抓好防汛，健全监测预警机制、完善应急处置预案。',
      1,
      ['chain', ['健全监测预警机制', '完善应急处置预案']],
    ],
    [
      'a later sentence without a trigger ran on',
      '要抓好防汛。落实值班制度。',
      1,
      ['ran-on', ['落实值班制度']],
    ],
    ['an indicator is not an action', '要稳定就业，城镇新增就业1万人。', 1, ['skip']],
    ['必须 stays outside the measure', '要抓好防汛，必须落实值班制度。', 1, ['clause', ['落实值班制度']]],
  ])('%s', (_name, t, ci, want) => {
    expect(texts(t, ci)).toEqual(want);
  });
  it('a numbered heading takes measures from later paragraphs as its section', () => {
    expect(texts('完善网点布局，方便群众办事。', 0, { ...open, heading: true, para: -1 })).toEqual([
      'section',
      ['完善网点布局'],
    ]);
  });
});

describe('spans: doubts for the person checking', () => {
  const text = ['县长吴海波指出，要抓好防汛。', '要加强巡查。', '要做好转移。', '要储备物资。'].join('\n');
  const discourse = analyzeDiscourse(
    text,
    paragraphs(text).map(([s, e]) => ({ s, e, clauses: segmentParagraph(text, s, e).clauses })),
  );
  const draft = (over: Partial<Draft>): Draft => ({
    id: 'd1',
    kind: 'yao',
    rule: 'yao',
    speaker: '吴海波',
    hs: text.indexOf('抓好防汛'),
    he: text.indexOf('抓好防汛') + 4,
    measures: [],
    measureRules: [],
    parentId: null,
    heading: false,
    headingMerged: false,
    para: 0,
    sent: 0,
    ...over,
  });
  it.each<[string, Partial<Draft>, string[]]>([
    ['a plain directive', {}, []],
    [
      'a speaker carried three paragraphs on',
      { para: 3, hs: text.indexOf('储备物资'), he: text.length - 1 },
      ['speaker-carried'],
    ],
    ['a heading merged over a comma', { headingMerged: true }, ['heading-merged']],
    ['a measure that ran on', { measureRules: ['clause', 'ran-on'] }, ['measure-ran-on']],
  ])('%s', (_name, over, want) => {
    expect(doubtsOf(draft(over), discourse)).toEqual(want);
  });
});

describe('triggers: does a 要 clause open a directive?', () => {
  const none: YaoContext = {
    reportedOther: false,
    afterSpeech: false,
    openInSent: false,
    open: null,
    bareVerb: false,
    inSection: false,
  };
  const openOne = { heading: false, text: '抓好防汛' };
  it.each<[string, string, number, Partial<YaoContext>, string]>([
    ['at a sentence start', '要抓好防汛，落实值班。', 0, {}, 'trigger'],
    [
      'after another trigger in the sentence',
      '要抓好防汛，要落实值班。',
      1,
      { openInSent: true, open: openOne },
      'measure',
    ],
    [
      'right after a speech verb',
      '李明强调，要抓好防汛。',
      1,
      { afterSpeech: true, openInSent: true, open: openOne },
      'trigger',
    ],
    ['in a reported sentence', '党代会提出，要建设强区。', 1, { reportedOther: true }, 'measure'],
    ['conditional subject', '我省要走在前列，必须加快创新。', 0, {}, 'drop'],
    ['既要…，又要…', '既要抓发展，又要保安全。', 1, { openInSent: true, open: openOne }, 'measure'],
    ['attributive 要', '我们要建成的城市，是宜居城市。', 0, {}, 'measure'],
    [
      '特别是要 inside a sentence',
      '要抓好防汛，特别是要关注山区。',
      1,
      { openInSent: true, open: openOne },
      'measure',
    ],
    ['特别是要 opening a sentence outside a section', '特别是要关注山区。', 0, { open: openOne }, 'trigger'],
    [
      '特别是要 opening a sentence in a section',
      '特别是要关注山区。',
      0,
      { open: openOne, inSection: true },
      'measure',
    ],
    ['topic mid-sentence', '统筹推进，财政政策要加力。', 1, { open: openOne }, 'measure'],
  ])('%s', (_name, t, ci, ctx, want) => {
    const cs = clausesOf(t);
    const lead = analyzeLead(t, cs[ci]!.s, cs[ci]!.e)!;
    expect(lead.yao).toBe(true);
    expect(decideYao(t, cs, ci, cs[ci]!.s, lead, { ...none, ...ctx })).toBe(want);
  });
});
