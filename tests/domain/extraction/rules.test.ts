// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { expectSpansExact } from './helpers';

const heads = (t: string) => extract(t).directives.map((d) => d.heading);
const one = (t: string) => {
  const r = extract(t);
  expectSpansExact(t, r);
  return r.directives;
};

describe('triggers', () => {
  it.each([
    ['sentence-initial 要', '李华强调，要加强基层治理，完善网格体系。', '加强基层治理'],
    ['要 after 指出 + colon (half-width)', '会议指出:要抓好春耕生产,保障农资供应。', '抓好春耕生产'],
    ['要 after 强调 + full-width comma', '会议强调，要做好防汛准备，落实值班制度。', '做好防汛准备'],
    ['强调要 in a lede', '县委书记赵强出席会议并讲话，强调要压实安全责任，守牢底线。', '压实安全责任'],
    [
      '要 after a background clause',
      '周平指出，当前正处于攻坚阶段，要集中力量抓好重点项目，加快进度。',
      '集中力量抓好重点项目',
    ],
    ['要 at a ；-item', '要抓好项目建设，加快开工；要优化服务，提升效率。', '优化服务'],
    ['connective 同时，要', '要稳住农业生产。同时，要加快农村改革，激发活力。', '加快农村改革'],
    ['time word 下一步要', '吴迪强调，下一步要紧盯短板，补齐弱项。', '紧盯短板'],
  ])('%s', (_name, text, heading) => {
    expect(heads(text)).toContain(heading);
  });

  it('addressee + 要 / 一定要, addressee dropped from the heading', () => {
    const ds = one(
      '各乡镇和部门一定要提高认识，落实责任。市环保办要加强巡查，及时通报。临泉、界首要抓好试点。',
    );
    expect(ds.map((d) => d.heading)).toEqual(['提高认识', '加强巡查', '抓好试点']);
    expect(ds.every((d) => d.kind === 'addressee')).toBe(true);
    expect(ds[0]!.measures).toEqual(['落实责任']);
  });

  it('enumerators 一是 / 二是要 / 五是 (no 要)', () => {
    const ds = one(
      '马林提出三点要求。一是要强化担当，主动作为；二是抓好落实，跟踪问效；五是全面从严治党，严明纪律。',
    );
    expect(ds.map((d) => d.heading)).toEqual(['强化担当', '抓好落实', '全面从严治党']);
    expect(ds.every((d) => d.kind === 'enumerated')).toBe(true);
    expect(ds.every((d) => d.speaker === '马林')).toBe(true);
  });

  it('enumerators 一要 / 二要 and 第一，/ 第二，', () => {
    expect(heads('县长孙伟讲话并要求：一要认清形势，坚定信心。二要优化环境，做好服务。')).toEqual([
      '认清形势',
      '优化环境',
    ]);
    expect(heads('讲话中说到几件事。第一，要抓好安全生产，消除隐患。第二，要稳定就业，扩大岗位。')).toEqual([
      '抓好安全生产',
      '稳定就业',
    ]);
  });

  it('一方面要…；另一方面也要…', () => {
    expect(heads('一方面要扩大有效投资，稳住增长；另一方面也要提振消费，释放潜力。')).toEqual([
      '扩大有效投资',
      '提振消费',
    ]);
  });

  it('要在X上Y and a series of 在X上下功夫 items under a parent', () => {
    const ds = one(
      '刘阳指出，要以更高标准建设美丽乡村，在改善人居环境上下功夫，整治村容村貌；在发展特色产业上下功夫，培育龙头企业，带动农民增收；在完善乡村治理上下功夫，健全村规民约。',
    );
    expect(ds.map((d) => d.heading)).toEqual([
      '以更高标准建设美丽乡村',
      '在改善人居环境上下功夫',
      '在发展特色产业上下功夫',
      '在完善乡村治理上下功夫',
    ]);
    expect(ds[0]!.measures).toEqual([]);
    expect(ds.slice(1).map((d) => d.parentId)).toEqual(['d1', 'd1', 'd1']);
    expect(ds.slice(1).every((d) => d.kind === 'xia-gongfu')).toBe(true);
    expect(ds[2]!.measures).toEqual(['培育龙头企业', '带动农民增收']);
  });

  it('要在X上再发力 is a zai-shang directive', () => {
    const [d] = one('要在优化公共服务上再发力，完善设施，提高水平。');
    expect(d!.heading).toBe('在优化公共服务上再发力');
    expect(d!.kind).toBe('zai-shang');
  });

  it('a single 在X上…下功夫 inside a comma list is a measure', () => {
    const ds = one('要稳定经济大盘，坚定信心，在稳投资、促消费上持续下功夫，巩固向好势头。');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.measures).toContain('在稳投资、促消费上持续下功夫');
  });
});

describe('headings and measures', () => {
  it('splits at ，,；;。 and never at 、', () => {
    const [d] = one('要加快产业升级，培育新兴产业、未来产业,壮大龙头企业；推动集群发展。');
    expect(d!.measures).toEqual(['培育新兴产业、未来产业', '壮大龙头企业', '推动集群发展']);
  });

  it('merges adverbial frames (按照… / 在…的前提下 / 用…)', () => {
    const [d] = one(
      '要推进城市更新，按照统一规划，分步实施改造；在保证安全的前提下，加快施工进度；用改革的办法，激发活力。',
    );
    expect(d!.measures).toEqual([
      '按照统一规划，分步实施改造',
      '在保证安全的前提下，加快施工进度',
      '用改革的办法，激发活力',
    ]);
  });

  it('drops 特别是要 / 应该 / 必须 and a comma-embedded addressee + 要', () => {
    const [d] = one(
      '要抓好防汛工作，各相关部门要加强值守，特别是要关注山区，应该提前转移群众，必须备足物资。',
    );
    expect(d!.measures).toEqual(['加强值守', '关注山区', '提前转移群众', '备足物资']);
  });

  it('a later ，…要… clause inside an open directive is a measure', () => {
    const ds = one('二是要重安全，会后要逐项排查隐患，限期整改。');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.measures).toEqual(['会后要逐项排查隐患', '限期整改']);
  });

  it('skips clauses that are not actions', () => {
    const [d] = one(
      '要抓好项目建设，项目是发展的生命线，各项目都具有投资大的特点，加快开工进度，全年新增产值50亿元。',
    );
    expect(d!.measures).toEqual(['加快开工进度']);
  });

  it('measures run into the next sentence without a trigger but stop at the paragraph end', () => {
    const t = '要加强生态保护，严格执法。持续开展专项整治，巩固成果。\n持续推进绿化行动。';
    const [d] = one(t);
    expect(d!.measures).toEqual(['严格执法', '持续开展专项整治', '巩固成果']);
  });

  it('attendance lines end the measures', () => {
    const [d] = one('市长何平强调，要抓好招商引资，优化服务。副市长李强、王刚参加。');
    expect(d!.measures).toEqual(['优化服务']);
  });
});

describe('non-directives', () => {
  it.each([
    ['要求', '会议要求各单位按时报送材料。'],
    ['重要', '这次会议非常重要，意义重大。'],
    ['首要', '首要任务是稳定就业。'],
    ['主要', '主要领导亲自部署，各方积极配合。'],
    ['要素', '要素保障持续加强。'],
    ['需要', '需要全县上下齐心协力，合力推进。'],
    ['第一要务', '始终把发展作为第一要务。'],
    ['slogan in quotes', '他常说“项目要落地、资金要到位”这句话。'],
    ['outline of the speech', '讲话分为三个部分：一是形势怎么看，二是工作怎么干，三是责任怎么落。'],
    ['pledge 将…', '我们将全力以赴完成各项任务。'],
    ['wish 望…', '望各单位效仿先进，齐心协力。'],
    ['background and praise', '去年以来，全市经济稳中向好，成绩来之不易。'],
    ['让我们…', '让我们携手奋进，共创美好未来。'],
    ['conditional subject 要', '东城要走在全省前列，必须加快创新。'],
    ['reported decision of another body', '党代会提出，东城要建设创新强区。'],
    ['a lone 要 at the end', '这是我们的要'],
  ])('%s', (_name, text) => {
    const r = extract(text);
    expect(r.directives).toEqual([]);
    expect(r.warnings).toContain('未识别到部署');
  });
});

describe('speakers', () => {
  it('title introductions, then names, pronouns and 会议强调 → null', () => {
    const t = [
      '市委书记王建国主持会议并讲话。市委副书记、市长陈晓东讲话。',
      '王建国在讲话中指出，要坚定发展信心，保持战略定力。',
      '他强调，要加强组织领导，压实责任。',
      '陈晓东指出，要狠抓项目落地，加快建设进度。',
      '会议强调，要严守安全底线，防范化解风险。',
    ].join('\n');
    const r = extract(t);
    expectSpansExact(t, r);
    expect(r.directives.map((d) => d.speaker)).toEqual(['王建国', '王建国', '陈晓东', null]);
    expect(r.speakers).toEqual([
      { name: '王建国', title: '市委书记' },
      { name: '陈晓东', title: '市委副书记、市长' },
    ]);
  });

  it('a speech byline sets the speaker; a work report has none', () => {
    expect(
      extract('在全县工作会议上的讲话\n李文华\n同志们：\n要抓好春耕，保障供应。').directives[0]!.speaker,
    ).toBe('李文华');
    expect(extract('今年工作的主要任务。\n要稳定粮食生产，保障供给。').directives[0]!.speaker).toBeNull();
  });
});

describe('numbered headings (long texts)', () => {
  const t = [
    '下面，我讲三点意见。',
    '一、过去一年工作回顾',
    '（一）民生持续改善。新增就业1万人。',
    '二、今年主要工作',
    '（一）加快建设现代产业体系。培育先进制造业集群，壮大数字经济。',
    '推动服务业提质增效。城镇新增就业2万人。',
    '（二）持续改善民生',
    '一要稳定就业，扩大岗位；二要提升教育质量，办好人民满意的教育。',
    '1．深化重点领域改革。完善要素市场化配置机制。',
  ].join('\n');

  it('headings are directives; labels and review sections are not', () => {
    const r = extract(t);
    expectSpansExact(t, r);
    expect(r.directives.map((d) => d.heading)).toEqual([
      '加快建设现代产业体系',
      '持续改善民生',
      '稳定就业',
      '提升教育质量',
      '深化重点领域改革',
    ]);
    const [a, b, c, , e] = r.directives;
    expect(a!.kind).toBe('numbered-heading');
    expect(a!.measures).toEqual(['培育先进制造业集群', '壮大数字经济', '推动服务业提质增效']);
    expect(b!.measures).toEqual([]);
    expect(c!.parentId).toBe(b!.id);
    expect(e!.parentId).toBe(b!.id);
    expect(e!.measures).toEqual(['完善要素市场化配置机制']);
  });
});

describe('running prose', () => {
  it('a sentence-initial connective, time word or addressee frame does not block a trigger', () => {
    const t =
      '此外，还要加强安全监管，严防事故。当前，我们要稳住经济大盘，提振信心。特别是各级财政部门，要保障重点支出，压减一般开支。';
    const ds = one(t);
    expect(ds.map((d) => d.heading)).toEqual(['加强安全监管', '稳住经济大盘', '保障重点支出']);
    expect(ds[1]!.measures).toEqual(['提振信心']);
  });

  it('就是要 / 重点是要 after a heading elaborate it; 必须 / 不能 / 希望 clauses are measures', () => {
    const ds = one(
      '下一步，我们还要深化改革，就是要破除体制障碍。重点是要抓好试点，不能搞一刀切，必须因地制宜，希望大家主动作为。',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]!.heading).toBe('深化改革');
    expect(ds[0]!.measures).toEqual([
      '破除体制障碍',
      '抓好试点',
      '不能搞一刀切',
      '因地制宜',
      '希望大家主动作为',
    ]);
  });

  it('attributive 要 is not a trigger', () => {
    expect(heads('我们要建成的美丽城市，是人民满意的城市。')).toEqual([]);
  });
});
