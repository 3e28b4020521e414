// @vitest-environment node
// Rules for long texts (speeches, work reports, multi-speaker reports), one snippet each.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { expectSpansExact } from './helpers';

const run = (lines: string[]) => {
  const t = lines.join('\n');
  const r = extract(t);
  expectSpansExact(t, r);
  return r.directives;
};
const heads = (lines: string[]) => run(lines).map((d) => d.heading);

describe('background and assessments', () => {
  it('a paragraph opening with 今年以来 / 过去一年 gives no measures until a trigger', () => {
    const [d] = run([
      '一、坚定发展信心',
      '今年以来，全市上下攻坚克难，经济运行稳中向好，城镇新增就业2万人。这些成绩来之不易。',
      '坚持稳中求进，完整准确全面贯彻新发展理念。',
    ]);
    expect(d!.heading).toBe('坚定发展信心');
    expect(d!.measures).toEqual(['坚持稳中求进', '完整准确全面贯彻新发展理念']);
  });

  it('要清醒看到 / 必须清醒看到 / 也要看到 introduce assessments, not directives', () => {
    const ds = run([
      '二、正视困难挑战',
      '我们要清醒看到，有效需求不足，部分企业经营困难。同时也要看到，发展潜力巨大。我们必须清醒看到，风险依然不少。',
      '全市上下要坚定信心，保持定力。',
    ]);
    expect(ds.map((d) => d.heading)).toEqual(['正视困难挑战', '坚定信心']);
    expect(ds[0]!.measures).toEqual([]);
    expect(ds[1]!.measures).toEqual(['保持定力']);
  });

  it('assessments of the situation are not measures, remedies are', () => {
    const [d] = run([
      '要抓好乡村振兴，当前正处于关键期，基础还不牢固，重点解决投入不足的问题，补齐设施短板。',
    ]);
    expect(d!.measures).toEqual(['重点解决投入不足的问题', '补齐设施短板']);
  });

  it('statements (需要我们… / 关键在… / 意义重大) and 让我们… give no measures', () => {
    const [d] = run([
      '一、扎实推进共同富裕',
      '推动共同富裕，需要我们付出艰苦努力。做好这项工作，关键在党，关键在干。做好今年工作意义重大。',
      '完善收入分配制度，扩大中等收入群体。',
      '让我们携手奋进，共创美好未来。',
    ]);
    expect(d!.measures).toEqual(['完善收入分配制度', '扩大中等收入群体']);
  });
});

describe('never triggers', () => {
  it('a conditional subject 要 (我省要…，必须…) is neither a directive nor a measure', () => {
    const ds = run(['一、加快发展', '我省要走在前列，必须牢牢抓住发展第一要务。'].slice(0));
    expect(ds.map((d) => d.heading)).toEqual(['加快发展']);
    expect(ds[0]!.measures).toEqual(['牢牢抓住发展第一要务']);
  });

  it('an addressee of an order with 必须… is not conditional (各地各部门要…，必须…)', () => {
    const [d] = run(['各地各部门要高度重视，必须把安全放在首位。']);
    expect([d!.heading, d!.measures]).toEqual(['高度重视', ['把安全放在首位']]);
  });

  it('a multi-sentence quotation of another body is not a directive', () => {
    const ds = run(['习近平总书记强调：“要坚持以人民为中心。要推动高质量发展。”我们要深刻领会，抓好落实。']);
    expect(ds.map((d) => d.heading)).toEqual(['深刻领会']);
  });

  it('a long quotation introduced by 正如习近平总书记所指出的 is not the speaker’s', () => {
    const ds = run([
      '要坚持人民至上。正如习近平总书记所指出的，“要始终把人民放在心中最高位置。要让发展成果更多更公平惠及全体人民，让人民群众的获得感成色更足、幸福感更可持续。”我们要牢记嘱托，办好民生实事。',
    ]);
    expect(ds.map((d) => [d.heading, d.measures])).toEqual([
      ['坚持人民至上', []],
      ['牢记嘱托', ['办好民生实事']],
    ]);
  });

  it('the speaker’s own quoted words still give directives', () => {
    const ds = run(['市长李明指出，要抓好招商。', '李明说：“各部门要主动服务企业，帮助解决困难。”']);
    expect(ds.map((d) => [d.speaker, d.heading])).toEqual([
      ['李明', '抓好招商'],
      ['李明', '主动服务企业'],
    ]);
  });

  it('reported decisions of other bodies give neither directives nor measures', () => {
    const [d] = run(['一、建设中心城市', '市第十五次党代会提出，我市要建设区域中心城市。', '完善城市功能。']);
    expect(d!.measures).toEqual(['完善城市功能']);
  });

  it('outline sentences (下面，我讲四点意见 / 重点抓好以下六个方面工作：) are not measures', () => {
    const [d] = run(['大家要认真抓好贯彻落实。下面，我讲四点意见。围绕总体要求，重点抓好五个方面工作。']);
    expect(d!.heading).toBe('认真抓好贯彻落实');
    expect(d!.measures).toEqual([]);
  });
});

describe('numbered headings', () => {
  it('result statements and topic labels are not directives', () => {
    expect(
      heads([
        '一、关于今年工作',
        '（一）经济运行稳中向好。',
        '（二）民生福祉持续增进。',
        '二、当前面临的形势',
        '三、加快建设现代化产业体系',
        '（一）推动产业转型取得新突破。',
      ]),
    ).toEqual(['加快建设现代化产业体系', '推动产业转型取得新突破']);
  });

  it('inside a section, measures of a trigger continue into the next paragraph', () => {
    const ds = run([
      '（一）着力扩大内需。',
      '要大力提振消费，落实以旧换新政策。',
      '加快培育新型消费，发展首发经济。',
      '（二）着力推动创新。',
    ]);
    expect(ds.map((d) => d.heading)).toEqual(['着力扩大内需', '大力提振消费', '着力推动创新']);
    expect(ds[1]!.measures).toEqual(['落实以旧换新政策', '加快培育新型消费', '发展首发经济']);
  });

  it('outside numbered sections, measures stop at the paragraph end', () => {
    const [d] = run(['会议强调，要抓好防汛，落实责任。', '加强值守，及时预警。']);
    expect(d!.measures).toEqual(['落实责任']);
  });

  it('a closing 同志们，… paragraph ends the last section', () => {
    const [d] = run(['四、加强组织领导', '压实工作责任。', '同志们，任务艰巨。我们一定能完成各项任务。']);
    expect(d!.measures).toEqual(['压实工作责任']);
  });
});

describe('measures', () => {
  it('indicators are skipped, verb-initial targets kept (新增学位 yes, 新增就业 no)', () => {
    const [d] = run([
      '要抓好民生，城镇新增就业6500人，新增学位2000个，明年力争增长5%以上，全年引进亿元以上项目30个，开工率59.6%，对全县86座水库逐一排查，到2025年。',
    ]);
    expect(d!.measures).toEqual([
      '新增学位2000个',
      '明年力争增长5%以上',
      '全年引进亿元以上项目30个',
      '对全县86座水库逐一排查',
    ]);
  });

  it('既要…，又要… stay whole; 必须 after an addressee is dropped', () => {
    const [d] = run(['要构建亲清政商关系，既要“亲”而有度，又要“清”而有为，值班人员必须坚守岗位。']);
    expect(d!.measures).toEqual(['既要“亲”而有度', '又要“清”而有为', '坚守岗位']);
  });

  it('a causative parallel clause stays one measure', () => {
    const [d] = run(['要抓好考核，使干部干与不干不一样,干好干差不一样,调动积极性。']);
    expect(d!.measures).toEqual(['使干部干与不干不一样,干好干差不一样', '调动积极性']);
  });
});

describe('more measures', () => {
  it('a 、-chain splits only into distinct verb–object actions of six characters or more', () => {
    const [d] = run([
      '要抓好防汛，健全监测预警机制、完善应急处置预案，强化雨情、汛情监测，推动查办案件与整改整治、完善制度相贯通。',
    ]);
    expect(d!.measures).toEqual([
      '健全监测预警机制',
      '完善应急处置预案',
      '强化雨情、汛情监测',
      '推动查办案件与整改整治、完善制度相贯通',
    ]);
  });

  it('what follows a trigger in a statement sentence counts (关键是，要…，…)', () => {
    const [d] = run(['关键是，要抓好落实，强化责任。']);
    expect([d!.heading, d!.measures]).toEqual(['抓好落实', ['强化责任']]);
  });

  it('stage directions and the closing rallying call are not directives', () => {
    const ds = run([
      '二、加强城市管理',
      '深化精细化管理，让城市更干净。（掌声）',
      '同志们，新征程上，我们要以更加昂扬的精神状态，奋力谱写新篇章！',
    ]);
    expect(ds.map((d) => [d.heading, d.measures])).toEqual([
      ['加强城市管理', ['深化精细化管理', '让城市更干净']],
    ]);
  });

  it('（一） nests under 第一，, and 第一， under 一、', () => {
    const ds = run([
      '一、加快发展',
      '第一，加快产业升级。',
      '（一）做强制造业。实施技改。',
      '第二，深化改革。',
      '二、改善民生',
    ]);
    expect(ds.map((d) => [d.id, d.heading, d.parentId])).toEqual([
      ['d1', '加快发展', null],
      ['d2', '加快产业升级', 'd1'],
      ['d3', '做强制造业', 'd2'],
      ['d4', '深化改革', 'd1'],
      ['d5', '改善民生', null],
    ]);
  });

  it('a heading set off from its body by a wide space on the same line', () => {
    const ds = run(['（一）着力扩大内需　实施提振消费行动，扩大有效投资。']);
    expect(ds.map((d) => [d.heading, d.measures])).toEqual([
      ['着力扩大内需', ['实施提振消费行动', '扩大有效投资']],
    ]);
  });

  it('1） items are numbered headings', () => {
    expect(heads(['1）完善工作机制。建立台账。', '2）强化督查。'])).toEqual(['完善工作机制', '强化督查']);
  });
});

describe('addressees', () => {
  it('parenthesised and qualified addressees (各级党委（党组）/ 排名靠后的市州) start directives', () => {
    expect(
      heads([
        '各级党委（党组）要扛起主体责任，狠抓落实。',
        '他要求，排名靠后的市州要认真查找问题，限期整改。',
      ]),
    ).toEqual(['扛起主体责任', '认真查找问题']);
  });

  it('主要 after a 、-list is still a word (市直各部门、各县区主要负责同志参加会议)', () => {
    expect(heads(['市直各部门、各县区主要负责同志参加会议。'])).toEqual([]);
  });
});

describe('more statements', () => {
  it('an assessment sentence (当前，…正处于…，…) and 要始终牢记，… give no measures', () => {
    const [d] = run([
      '（三）有效化解矛盾纠纷。当前，我市正处于转型期，各类矛盾易发多发。我们要始终牢记，群众满意是根本标准。',
      '健全多元化解机制。',
    ]);
    expect(d!.measures).toEqual(['健全多元化解机制']);
  });

  it('公正是… is a copula, 正是 an adverb', () => {
    const [d] = run(['要坚持公正司法，公正是法治的生命线，正是要让群众满意。']);
    expect(d!.measures).toEqual(['正是要让群众满意']);
  });
});

describe('speakers', () => {
  it('作者： bylines and NAME：在…上的讲话 titles name the author', () => {
    expect(run(['在全县工作会议上的讲话', '作者：王振华', '要抓好项目建设。'])[0]!.speaker).toBe('王振华');
    expect(run(['赵明远：在全市经济工作会议上的讲话', '要抓好项目建设。'])[0]!.speaker).toBe('赵明远');
  });

  it('a title chain starts after the previous person in a list (副市长赵刚、市政府秘书长孙华)', () => {
    const r = extract('副市长赵刚、市政府秘书长孙华出席。\n孙华强调，要抓好督办。');
    expect(r.speakers).toEqual([{ name: '孙华', title: '市政府秘书长' }]);
  });

  it('NAME对…提出要求：一要… gives the items to NAME', () => {
    const ds = run([
      '市委书记张华主持会议。',
      '会上，市长李明对下一步工作提出要求：一要抓好项目；二要优化服务。',
    ]);
    expect(ds.map((d) => d.speaker)).toEqual(['李明', '李明']);
  });

  it('a government work report has no speaker even with a byline', () => {
    const ds = run([
      '政府工作报告',
      '——2025年1月15日在省第十四届人民代表大会第三次会议上',
      '省长 王正谱',
      '各位代表：',
      '（一）着力扩大内需。实施提振消费行动，扩大有效投资。',
      '各级政府要过紧日子。',
    ]);
    expect(ds.map((d) => [d.speaker, d.heading])).toEqual([
      [null, '着力扩大内需'],
      [null, '过紧日子'],
    ]);
  });

  it('a speech title naming its author makes every directive the author’s', () => {
    const ds = run([
      '李国栋同志在全县优化营商环境大会上的讲话',
      '（2025年2月18日）',
      '同志们：',
      '一、提高思想认识',
      '全县各级各部门要把优化营商环境摆在突出位置，形成工作合力。',
    ]);
    expect(ds.map((d) => d.speaker)).toEqual(['李国栋', '李国栋']);
  });

  it('a second speech title and byline switch the speaker and reset the outline', () => {
    const ds = run([
      '在全县防汛工作会议上的讲话',
      '县委书记 王振华',
      '一、压实防汛责任',
      '各乡镇要落实责任人。',
      '在全县防汛工作会议上的讲话',
      '县长 刘文斌',
      '同志们：',
      '大家要认真抓好贯彻落实。',
      '第一，完善应急预案。',
    ]);
    expect(ds.map((d) => [d.speaker, d.heading, d.parentId])).toEqual([
      ['王振华', '压实防汛责任', null],
      ['王振华', '落实责任人', 'd1'],
      ['刘文斌', '认真抓好贯彻落实', null],
      ['刘文斌', '完善应急预案', null],
    ]);
  });

  it('in a speech, another person’s words are quoted: the author keeps speaking', () => {
    const ds = run([
      '在全市工作会议上的讲话',
      '市委书记 赵明远',
      '同志们：',
      '要抓好项目建设，加快进度。',
      '市长王刚指出，要优化服务。',
    ]);
    expect(ds.map((d) => [d.speaker, d.heading])).toEqual([['赵明远', '抓好项目建设']]);
  });

  it('a news paragraph opening with a titled person switches the speaker; NAME+TITLE and given names resolve', () => {
    const ds = run([
      '会议由市委书记陈建华主持，市长刘春梅、副市长周敏、市委副书记王涛出席。',
      '陈建华强调，要狠抓项目建设。',
      '副市长周敏通报了项目进展。她要求，各单位要倒排工期。',
      '市委副书记王涛就乡村振兴工作讲话。他指出，要稳定粮食生产。',
      '刘春梅市长要求，要优化营商环境。',
      '建华书记最后强调，要压实责任。',
    ]);
    expect(ds.map((d) => d.speaker)).toEqual(['陈建华', '周敏', '王涛', '刘春梅', '陈建华']);
  });
});
