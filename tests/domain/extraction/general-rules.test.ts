// @vitest-environment node
// General rules learnt from real text, each with an invented example of its own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { expectSpansExact } from './helpers';

const run = (lines: string[]) => {
  const t = lines.join('\n');
  const r = extract(t);
  expectSpansExact(t, r);
  return r.directives;
};
const pairs = (lines: string[]) => run(lines).map((d) => [d.heading, d.measures]);

describe('modal 要 before adverbs and idioms', () => {
  it('要不断… / 要不折不扣… / 要求真务实… are triggers; 要求 and 要不然 are words', () => {
    expect(pairs(['会议强调，要不断优化服务，提升效率。要求真务实抓落实，反对形式主义。'])).toEqual([
      ['不断优化服务', ['提升效率']],
      ['求真务实抓落实', ['反对形式主义']],
    ]);
    expect(run(['他提出要求，各单位认真执行。'])).toEqual([]);
  });
});

describe('enumerated series', () => {
  it('首先，必须… opens a series like 第二，必须…', () => {
    expect(run(['县长罗斌指出，首先，必须统一认识。第二，必须压实责任。']).map((d) => d.heading)).toEqual([
      '必须统一认识',
      '必须压实责任',
    ]);
  });
});

describe('topic + 要', () => {
  it('a policy topic at a sentence start opens a directive; the topic stays outside', () => {
    expect(pairs(['稳健的信贷政策要精准有力。保持融资规模合理增长，支持小微企业。'])).toEqual([
      ['精准有力', ['保持融资规模合理增长', '支持小微企业']],
    ]);
  });

  it('a topic inside an enumerated item or repeating the open heading is not a new trigger', () => {
    expect(run(['一是考核评价要“精准”，完善指标体系。']).map((d) => d.heading)).toEqual(['考核评价要“精准”']);
    const ds = run(['（二）扎实推进农村道路建设。', '农村道路建设要坚持规划先行，统筹资金安排。']);
    expect(ds.map((d) => d.heading)).toEqual(['扎实推进农村道路建设']);
  });
});

describe('frames', () => {
  it('a chain of frames (在…领导下，以…为指导，) merges into the heading', () => {
    expect(
      run(['要在市委的坚强领导下，以新发展理念为指导，全力推动转型升级，加快项目建设。'])[0]!.heading,
    ).toBe('在市委的坚强领导下，以新发展理念为指导，全力推动转型升级');
  });

  it('manner frames (以…的作风和…的措施，) and object frames (对…的问题，) merge with their clause', () => {
    expect(
      pairs(['要狠抓整改，以严实的作风和有力的措施，确保问题清零；对群众反映的问题，逐一核查办理。']),
    ).toEqual([['狠抓整改', ['以严实的作风和有力的措施，确保问题清零', '对群众反映的问题，逐一核查办理']]]);
  });

  it('a clause coordinated with 并 is an action of its own, not framed', () => {
    expect(pairs(['要改进作风，通过多种方式深入基层调研，并在此基础上形成报告。'])).toEqual([
      ['改进作风', ['通过多种方式深入基层调研', '并在此基础上形成报告']],
    ]);
  });
});

describe('statements and reports are not tasks', () => {
  it('a thesis heading (X是Y) is a label; under 一、 its subsections review, they do not order', () => {
    const ds = run([
      '一、绿色发展是高质量发展的鲜明底色',
      '（一）坚持生态优先，守住发展底线。多年来我们坚持生态优先，治理成效明显。',
      '二、奋力推进生态文明建设',
      '（一）深化污染防治。要打好蓝天保卫战，加强扬尘管控。',
    ]);
    expect(ds.map((d) => d.heading)).toEqual(['奋力推进生态文明建设', '深化污染防治', '打好蓝天保卫战']);
  });

  it('a sentence whose subject is a document reports it; the speaker’s own 要 still counts', () => {
    const [d] = run([
      '（三）完善制度体系。党的代表大会报告把制度建设摆在突出位置，强调形成长效机制。要健全制度规范，扎紧制度笼子。',
    ]);
    expect(d!.heading).toBe('完善制度体系');
    expect(
      run(['（三）完善制度体系。党的代表大会报告把制度建设摆在突出位置。要健全制度规范，扎紧制度笼子。']).map(
        (x) => [x.heading, x.measures],
      ),
    ).toEqual([
      ['完善制度体系', []],
      ['健全制度规范', ['扎紧制度笼子']],
    ]);
  });

  it('an assessment anywhere in a sentence without 要 gives no measures; a topic before 必须 is no measure', () => {
    expect(
      pairs([
        '三、持续深化作风建设',
        '我们作为执政党，面临的考验将长期存在。作风建设，必须常抓不懈，驰而不息。',
      ]),
    ).toEqual([['持续深化作风建设', ['常抓不懈', '驰而不息']]]);
  });
});

describe('comma-embedded addressee', () => {
  it('…，各地要… after an action clause is a measure of the open directive; after a frame it triggers', () => {
    expect(pairs(['要稳住工业生产。统筹抓好项目建设，各县区要挑起大梁，多作贡献。'])).toEqual([
      ['稳住工业生产', ['统筹抓好项目建设', '挑起大梁', '多作贡献']],
    ]);
    expect(run(['要稳住工业生产。当前，各县区要挑起大梁，多作贡献。']).map((d) => d.heading)).toEqual([
      '稳住工业生产',
      '挑起大梁',
    ]);
  });
});

describe('plans, focus phrases and page jumps', () => {
  it('a plan for the record (拟安排…) and a focus phrase (特别是…的工作任务) are no measures', () => {
    expect(pairs(['要加力提效。今年拟安排专项资金5亿元，优化支出结构。'])).toEqual([
      ['加力提效', ['优化支出结构']],
    ]);
    expect(pairs(['要树立全局观念，特别是涉及多个部门的工作任务，主动协调配合。'])).toEqual([
      ['树立全局观念', ['主动协调配合']],
    ]);
  });
  it('a newspaper’s page-jump markers do not block the trigger after them', () => {
    expect(
      run(['会议指出，形势很好。(下转A2版) (上接第1版)我们一定要狠抓落实，务求实效。']).map((d) => d.heading),
    ).toEqual(['狠抓落实']);
  });
  it('a sentence of its own opening with 特别是要 is a directive outside a numbered section', () => {
    expect(run(['要抓好学习。特别是要把学习和实践结合起来，推动工作。']).map((d) => d.heading)).toEqual([
      '抓好学习',
      '把学习和实践结合起来',
    ]);
  });
});

describe('narrated visits', () => {
  it('a sentence narrating what a person did (X勉励大家… / X来到…) gives no measures', () => {
    expect(
      pairs([
        '国务院副总理孔繁远在江南调研。他强调，要加快科技创新，培育新兴产业。在软件园，孔繁远勉励大家勇攀高峰，突破关键技术。',
      ]),
    ).toEqual([['加快科技创新', ['培育新兴产业']]]);
  });
});
