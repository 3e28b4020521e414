// @vitest-environment node
// Table tests for the speaker stage alone: text in, the speaker at each marked position out.
import { describe, expect, it } from 'vitest';
import { analyzeDiscourse, clauseSubject, speakerAt } from '../../../src/domain/extraction/discourse';
import { paragraphs, segmentParagraph } from '../../../src/domain/extraction/segment';
import { collectTitledNames } from '../../../src/domain/extraction/speakers';

const discourseOf = (text: string) =>
  analyzeDiscourse(
    text,
    paragraphs(text).map(([s, e]) => ({ s, e, clauses: segmentParagraph(text, s, e).clauses })),
  );
/** The speaker where each probe string first occurs. */
const speakersAt = (lines: string[], probes: string[]) => {
  const text = lines.join('\n');
  const d = discourseOf(text);
  return probes.map((p) => {
    const at = text.indexOf(p);
    if (at < 0) throw new Error(`probe not in text: ${p}`);
    return speakerAt(d, at).speaker;
  });
};

describe('speaker stage: events carried forward', () => {
  it.each<[string, string[], string[], (string | null)[]]>([
    [
      'paragraph opening with a titled person, then 会议强调 (null)',
      ['市委书记周立新主持会议并讲话。', '周立新强调，要稳住工业基本盘。', '会议强调，要守住安全底线。'],
      ['稳住工业', '守住安全'],
      ['周立新', null],
    ],
    [
      '她 resolves to the person last named as a subject, across a paragraph',
      ['副县长陶雅琴带队调研农业园区。', '陶雅琴对园区建设给予肯定。', '她指出，要做强特色产业。'],
      ['做强特色'],
      ['陶雅琴'],
    ],
    [
      '他 after an attendance line goes to the person named last (not the first speaker)',
      [
        '全省工作会议召开，省长钱思远出席并讲话。他表示，要抓好项目建设。',
        '孔德明、邵华出席会议。程国峰主持会议并作总结讲话。他表示，各地要压实责任。',
      ],
      ['抓好项目', '压实责任'],
      ['钱思远', '程国峰'],
    ],
    [
      'a second leader named early takes over from the paragraph that names him speaking',
      [
        '副市长王建设讲话，市委常委韦立新主持会议。',
        '王建设指出，要加快园区建设。',
        '韦立新强调，要狠抓工作落实。',
      ],
      ['加快园区', '狠抓工作'],
      ['王建设', '韦立新'],
    ],
    [
      'the top leader is a speaker like anyone else; 他强调 keeps him, 会议要求 does not',
      [
        '中央工作会议在北京召开。习近平出席会议并发表重要讲话。',
        '习近平在讲话中指出，要坚持稳中求进。',
        '他强调，要深化改革。',
        '会议要求，要抓好落实。',
      ],
      ['坚持稳中求进', '深化改革', '抓好落实'],
      ['习近平', '习近平', null],
    ],
    [
      'a news report about a work report has the reporter as speaker (a date after the name)',
      ['国务院总理郑云帆6日在政府工作报告中指出，要稳定就业。', '要扩大内需。'],
      ['稳定就业', '扩大内需'],
      ['郑云帆', '郑云帆'],
    ],
    [
      'a section titled X同志的讲话摘要 starts X’s speech; others named inside are quoted',
      ['会议纪要', '欧阳明同志的讲话摘要', '要抓好春耕。马建国同志指出，要保障农资。'],
      ['抓好春耕', '保障农资'],
      ['欧阳明', '欧阳明'],
    ],
    [
      'a byline under the title makes its person the speaker of the whole text',
      ['在全区工作会议上的讲话', '区长 冯志远', '同志们：', '要抓好招商。'],
      ['抓好招商'],
      ['冯志远'],
    ],
    [
      '重要讲话精神 is not a speech verb: the report of another leader does not take over',
      ['会议指出，省委书记秦川就全面落实重要讲话精神提出明确要求。各地要提高站位。'],
      ['提高站位'],
      [null],
    ],
  ])('%s', (_name, lines, probes, want) => {
    expect(speakersAt(lines, probes)).toEqual(want);
  });

  it('习近平总书记强调 inside a local report quotes the leader; the local speaker keeps the floor', () => {
    const text = [
      '市委书记张明主持会议并讲话。',
      '张明强调，习近平总书记指出，要坚定信心。要抓好落实。',
    ].join('\n');
    const d = discourseOf(text);
    expect(speakerAt(d, text.indexOf('抓好落实')).speaker).toBe('张明');
  });

  it('an unattributed government work report is nobody’s: null throughout, bylines ignored', () => {
    const text = [
      '政府工作报告',
      '——2026年1月10日在市第九届人民代表大会第五次会议上',
      '市长 罗文',
      '要稳定增长。',
    ].join('\n');
    const d = discourseOf(text);
    expect(d.workReport).toBe(true);
    expect(speakerAt(d, text.indexOf('稳定增长')).speaker).toBeNull();
  });

  it('reports the rule and the paragraph of the event that set the speaker', () => {
    const text = ['县委书记吕明主持会议。', '吕明强调，要抓好防汛。', '要加强值守。'].join('\n');
    const d = discourseOf(text);
    const at = speakerAt(d, text.indexOf('加强值守'));
    expect(at).toMatchObject({ speaker: '吕明', rule: 'speech-verb', sincePara: 1 });
  });
});

describe('clause subjects', () => {
  it.each<[string, string | null]>([
    ['石泰然主持会议并作总结讲话', '石泰然'],
    ['李振宇首先来到科技园区', '李振宇'],
    ['干部的作风要过硬', null],
    ['会议听取了汇报', null],
  ])('%s → %s', (clause, want) => {
    expect(clauseSubject(clause, collectTitledNames(clause))).toBe(want);
  });
});
