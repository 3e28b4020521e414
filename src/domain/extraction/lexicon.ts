// Word lists and small anchored patterns. Every regex here is anchored and bounded and is only
// ever applied to one clause (or a bounded prefix of it), so matching stays linear overall.

export const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅洪萧阎习方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由钮郦',
  ),
);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
];

const CJK = /^[\u4e00-\u9fff]+$/;
const NOT_NAME_END = /[部社网报处局委会室站厅版者长记员任席们等]$/;

/** 2–3 CJK characters (4 with a compound surname) starting with a known surname. */
export function isPersonName(s: string): boolean {
  if (s.length < 2 || s.length > 4 || !CJK.test(s)) return false;
  if (NOT_NAME_END.test(s)) return false;
  // function words never occur in a name (干部的 is not 干 + 部的)
  if (/[的了是在和与及等之对就把被将]/.test(s.slice(1))) return false;
  if (s.length === 4) return COMPOUND_SURNAMES.some((c) => s.startsWith(c));
  return SURNAMES.has(s[0]!) || COMPOUND_SURNAMES.some((c) => s.startsWith(c));
}

/** Title words that precede a name (省委书记韩俊, 市长刘玉杰). */
export const TITLE_RE =
  /(?:书记|省长|市长|县长|区长|州长|盟长|旗长|镇长|乡长|主席|主任|部长|厅长|局长|处长|秘书长|院长|校长|总理|委员|常委|组长|队长|司令员|政委|检察长|行长|董事长|总经理|理事长|社长|会长|专员|巡视员|调研员|司长|署长|所长|馆长|站长|庭长|总裁|总监|领导)/g;

/** Words that can follow a person's name in a news lede. */
export const AFTER_NAME =
  /^(?:主持|讲话|出席|参加|强调|指出|要求|表示|提出|在|说|同志|作|通报|总结|宣读|传达|率|带队|调研|一行|和|与|及|到|来|深入|听取|就|对|分别|陪同|等|参会|列席|致辞|发言|宣布|介绍|部署|\d|[，,、。；;：:\s（(]|$)/;

/** A predicate right after a bare name opening a clause: the name is the sentence subject. */
export const AFTER_SUBJECT_VERB =
  /^(?:主持|讲话|出席|强调|指出|要求|表示|在|说|作|通报|总结|宣读|传达|率|带队|调研|一行|到|来到|深入|听取|首先|随后|还|又|充分|详细|对|就|\d)/;

export const SPEECH_HEAD =
  /^([^，,。；;：:]{0,30}?)(?:在[^，,。；;：:]{0,12}?(?:中|上|时))?(?:出席会议并|主持会议并|参加会议并|出席并|并|还|同时|进一步|再次|最后|首先)?(讲话|指出|强调|要求|表示|提出|说|认为|号召|告诫)(?:并|时)?(?:指出|强调|要求|表示|提出)?/;

export const MEETING_SUBJECT =
  /(?:会议|全会|大会|常委会|会上|座谈会|推进会|调度会|部署会|例会)(?:还|也|同时|并|进一步|最后|再次)?$/;
export const PRONOUN_SUBJECT = /^(?:他|她)(?:还|也|同时|并|进一步|最后|再次|特别)?$/;

/** Characters after 要 that make a word, not a modal (要求, 要素, 要务 …). */
export const YAO_NEXT_BAD = new Set(Array.from('求素务点闻害件领旨义塞职员冲道诀么不想命略目账挟约犯案'));
/**
 * The 要 at `k` starts a word (要求, 要素, 要不然 …), not a modal. 要不断 / 要不折不扣 and 要求真务实 /
 * 要求同存异 read as the modal before an adverb or an idiom.
 */
export function yaoWordAfter(s: string, k: number): boolean {
  const next = s[k + 1] ?? '';
  if (!YAO_NEXT_BAD.has(next)) return false;
  if (next === '不') return /^(?:然|是|要|了|得|行)/.test(s.slice(k + 2, k + 3));
  if (next === '求') return !/^(?:真务实|同存异)/.test(s.slice(k + 2, k + 5));
  return true;
}

/** Characters before 要 that make a word (重要, 主要, 需要, 首要, 只要 …). */
export const YAO_PREV_BAD = new Set(Array.from('重主需首只必紧想将快纪摘提概'));

export const ENUM_RE =
  /^(?:[一二三四五六七八九十]{1,3}是要?|第[一二三四五六七八九十]{1,3}(?:是要?|(?=要)|(?=[，,、:：]|$))|另一方面|一方面|[一二三四五六七八九十]{1,2}(?=要(?![求素务点闻害件领旨义])))/;

export const CONNECTIVE_RE =
  /^(?:同时|此外|另外|其次|首先|再次|最后|当前|目前|今后|今年|明年|下一步|下阶段|下半年|上半年|接下来|近期|为此|因此|对此|总之|特别是|尤其是|新的一年|今后一个时期|今后一段时期|当下|眼下|与此同时|总的来看|总体上|总体来说|具体来说|具体而言|一句话|综合起来看|综合来看|总体来看|整体来看|由此可见)/;

const TIME_RE =
  /^(?:今年|明年|下半年|上半年|当前|目前|今后|下一步|下阶段|近期|会后|年内|接下来|此后|当下|眼下|新的一年|今后一个时期|今后一段时期|\d{4}年|[一二三四]季度|未来[一二三四五六七八九十几]{0,2}年)+$/;

const MODAL_TAIL =
  /(?:一定|也|还|都|更|务必|必须|首先|切实|同样|尤其|特别|始终|仍然|仍|则|就|又|均|再|真正|坚决|全力|都必须|必然)$/;

export function stripModalTail(s: string): string {
  let cur = s;
  for (let n = 0; n < 6; n++) {
    const m = MODAL_TAIL.exec(cur);
    if (!m) break;
    cur = cur.slice(0, cur.length - m[0].length);
  }
  return cur;
}

export function isTimeWord(s: string): boolean {
  return s.length > 0 && s.length <= 12 && TIME_RE.test(s);
}

const ADDR_START =
  /^(?:各|全|所有|相关|有关|我们|大家|你们|咱们|广大|每|党员|领导干部|同志们|我市|我县|我区|我省)/;
const ADDR_END =
  /(?:部门|单位|干部|班子|政府|党委|党组|党组织|领导|同志|乡镇|县区|县市区|街道|上下|系统|企业|机关|办|局|委|厅|处|科|站|所|院|校|中心|公司|集团|市|县|区|镇|乡|村|省|州|者|们|人|员|方面|各地|地方|部|组|队|室|会|团|站|联|书记|机构|各界|两级|三级|主体|社区|园区|开发区)$/;
const ADDR_BAD = /[的是了将把被如只为对和与在从向于如若使让需]/;

/** Addressee in front of 要 (各地各部门, 全市上下, 市环委办, 临泉、界首). */
export function isAddressee(s0: string): boolean {
  let s = s0;
  // a leading time word may precede the addressee (下半年各地要)
  const t = /^(?:今年|明年|下半年|上半年|当前|目前|今后|下一步|下阶段|近期|接下来|当下)/.exec(s);
  if (t) s = s.slice(t[0].length);
  s = s.replace(/[（(][\u4e00-\u9fff、]{1,8}[)）]/g, ''); // 各级党委（党组）
  if (!s || s.length > 14 || !/^[\u4e00-\u9fff、]+$/.test(s)) return false;
  if (ADDR_START.test(s)) return !/[是了将把被如只]/.test(s);
  // a qualified addressee (排名靠后的市州 / 有条件的地方): one 的, a short unit noun after it
  const qual = /^([^的]{2,8})的([^的]{2,5})$/.exec(s);
  if (qual && !/[是了将把被]/.test(qual[1]!) && ADDR_END.test(qual[2]!) && !ADDR_BAD.test(qual[2]!))
    return true;
  // a person addressed with a title (分管副市长郑丽)
  TITLE_RE.lastIndex = 0;
  let titleEnd = -1;
  for (let m = TITLE_RE.exec(s); m; m = TITLE_RE.exec(s)) titleEnd = m.index + m[0].length;
  if (titleEnd > 0 && titleEnd < s.length && isPersonName(s.slice(titleEnd))) return true;
  // coordinated addressees (统战部门和工商联 / 县水利局、县气象局)
  if (/[和与及、]/.test(s)) {
    const parts = s.split(/[和与及、]/);
    if (
      parts.length <= 6 &&
      parts.every((p) => p.length >= 2 && p.length <= 8 && ADDR_END.test(p) && !ADDR_BAD.test(p))
    )
      return true;
  }
  if (ADDR_BAD.test(s.replace(/、/g, ''))) return false;
  if (ADDR_END.test(s)) return true;
  // a list of place names (临泉、界首): short parts, no quantifiers or topic words
  if (s.includes('、') && !/[等及和]/.test(s))
    return s.split('、').every((p) => p.length >= 2 && p.length <= 4);
  return false;
}

const TOPIC_END =
  /(?:政策|工作|激励|投资|改革|建设|体系|机制|制度|项目|资金|产业|措施|举措|任务|服务|管理|监管|治理|防控|格局|环境|开放|创新|保障|教育|宣传|考核|督查|规划|战略|行动|领域|市场|消费|就业|民生)$/;

/**
 * A topic in front of 要 (积极的财政政策要加力提效 / 政府投资和政策激励要…): a noun phrase naming a
 * policy or a field of work; it stays outside the heading.
 */
export function isTopic(s: string): boolean {
  if (s.length < 2 || s.length > 14 || !/^[\u4e00-\u9fff、]+$/.test(s)) return false;
  if (/[是了将把被在对从向于如若只为就让使]/.test(s)) return false;
  return TOPIC_END.test(s);
}

/** Adverbial frames merged with the clause after them. */
export function isFrame(s: string): boolean {
  if (s.length > 60) return false;
  if (/^(?:按照|根据|依据|针对|通过|遵照|依照|本着)/.test(s)) return true;
  if (s === '在此基础上' || s === '为此') return s === '在此基础上';
  if (
    /^(?:在|于)[^，,]{1,50}(?:的基础上|的前提下|的情况下|的条件下|的背景下|的过程中|的指导下|的引领下|的带动下|基础上|前提下|领导下)$/.test(
      s,
    )
  )
    return true;
  if (
    /^以[^，,]{1,30}为(?:牵引|抓手|重点|核心|引领|目标|契机|主线|导向|载体|突破口|切入点|支撑|依托|基础|中心|主体|龙头|动力|统领|保障|关键|底线|遵循|根本|前提|方向|原则|宗旨|指引|指导|着力点|落脚点|出发点|目的|根本遵循|主攻方向)$/.test(
      s,
    )
  )
    return true;
  if (/^用(?![好足活于力心够])/.test(s) && s.length <= 15) return true;
  // 以只争朝夕的劲头、敢为人先的勇气, / 以扎实的作风和过硬的措施, — a manner frame (a noun phrase)
  if (
    /^以[^，,为]{4,40}$/.test(s) &&
    /[的和、]/.test(s) &&
    /(?:劲头|勇气|作风|措施|精神|态度|行动|成效|力度|举措|担当|姿态|标准|干劲|韧劲|决心|方式|办法|手段)$/.test(
      s,
    )
  )
    return true;
  // 对违反党纪的问题， / 对现行减税降费等措施， — the object of the action that follows
  if (/^对[^，,]{2,24}(?:问题|情况|事项|现象|行为|措施|政策)$/.test(s)) return true;
  return false;
}

/** 在X上Y (在…上下功夫, 在…上再发力). Returns true when the clause has that shape. */
export function isZaiShang(s: string): boolean {
  if (s[0] !== '在' || s.length < 5) return false;
  const lim = Math.min(s.length - 1, 50);
  for (let j = 3; j < lim; j++) {
    if (s[j] === '上') {
      const y = s.slice(j + 1);
      if (!y) return false;
      if (
        y[0] === '下' &&
        !y.startsWith('下功夫') &&
        !y.startsWith('下足') &&
        !y.startsWith('下苦功') &&
        !y.startsWith('下真功')
      )
        continue;
      if (/^(?:来|去|了)/.test(y)) continue;
      const x = s.slice(1, j);
      if (/(?:的基础|基础|会议?|以)$/.test(x)) return false;
      return true;
    }
  }
  return false;
}

export const MEASURE_LEAD =
  /^(?:特别是要|尤其是要|特别要|尤其要|更要|还要|也要|都要|一定要|就是要|重点是要|关键是要|应该|应当|必须|务必|要(?!求(?!真务实|同存异)|[素务点闻害件领旨义]))/;

// 正是 / 也正是 are adverbs, 公正是 is a copula
const COPULA_OK_BEFORE = /(?:特别|尤其|而|还|或|即|总|(?:^|[这那也就才])正|凡|只|于|但|实事求|更|可|要|不)$/;
const ACTION_START =
  /^(?:新(?:认定|建|培育|引进|签约|开工|组建|设立|创建|招引|布局|建成|改建|扩建|增设|开通|投用|打造|落地)|完成|力争|确保|实现|达到|争取|建成|新建|改建|扩建|改扩建|新开工|开工|新组建|组建|改造|培育|培养|引进|招引|推出|出台|制定|修订|储备|种植|营造|治理|修复|整治|清理|排查|化解|处置|帮扶|资助|救助|走访|举办|召开|开通|打通|铺设|更新|更换|淘汰|关停|搬迁|安置|转移|招录|招收|吸纳|带动|吸引|撬动|发行|下达|拨付|兑现|减免|签约|新签|投产|竣工|交付|认定|推广|扩大|新改建|启动|突破|提高|提升|降低|控制|保持|推动|推进|加快|实施|建设|打造|新培育|谋划|安排|筹集|发放|投入|支持|帮助|落实|开展|组织|举办|创建|争创|设立|建立|配备|配齐|招聘|培训|对|把|将|每|逐|全面|深入|持续|大力|积极|切实|严格|坚决|着力|不断|进一步)/;
/** Remedial actions name the problem they remove (重点解决…不够的问题 / 补齐…不足的短板). */
const REMEDY_START =
  /^(?:重点|着力|切实|全力|集中|坚决|努力|加快|进一步|持续|大力|及时|认真|彻底)?(?:解决|破解|补齐|弥补|克服|改变|扭转|纠正|整治|治理|防止|避免|杜绝|化解|消除|补上|缓解|确保|严禁|不能|不得|决不|绝不)/;
/** A number with a unit (30亿元, 86万人, 5%). */
const UNIT_NUMBER =
  /\d[\d.]*\s*(?:%|％|万|亿|个|家|人|元|亩|公里|千米|米|吨|倍|项|所|户|千|百|座|条|台|辆|套|张|平方|斤|微克|公顷|千瓦|名|处|次|小时|天|年)/;
/** Indicator statements: a measured quantity changes or reaches a value (城镇新增就业86万人). */
const INDICATOR_VERB =
  /(?:增长|下降|降低|提高|提升|达到|达|突破|超过|稳定在|保持在|控制在|压缩至|压缩到|减少|增加|新增|占|排名|居|计划|共|累计|约|压减|压降|降至|增至|缩小|缩短)[^，,]{0,14}\d|[率比量额值数度重价入]\s*\d[\d.]*\s*(?:%|％|个百分点)?\s*(?:以上|左右|以内|以下)?$/;
/** Leading time / place words in front of a target (明年力争…, 全年实施…, 全省新建…). */
const TARGET_PREFIX =
  /^(?:今年|明年|全年|年内|当年|年底前|到\d{4}年底?(?:前)?|\d{4}年|[一二三四五六七八九十两\d]+年内|今后[一二三四五两]年)?(?:全省|全市|全县|全区)?(?:年度(?!计划))?/;
/** A clause that is only a time phrase (到2025年, 年底前). */
const TIME_ONLY = /^(?:到|至|截至|截止到)?(?:\d{4}年(?:底|末)?|今年|明年|年底|年内|近期)(?:前|以前)?$/;
/** Statement predicates: a sentence with one of these clauses states, it does not order. */
const STATEMENT_CLAUSE =
  /^(?:这就|这|也|都|更|还|则)?需要(?:我们|大家|全省|全市|全县|各级)|^让我们|^只有|^据|^预计|(?:部门|局|台|站|中心|专家|数据)(?:预报|预测|预计|显示|分析)$|^哪里|^谁[^，,]{0,12}就|^(?:关键|根本|核心|前提|基础|目的)(?:就)?(?:在于|在|是)|(?:意义重大|至关重要|十分重要|非常重要|责任重大|使命光荣|任务艰巨|不容乐观|刻不容缓)$/;

export function isStatementClause(s: string): boolean {
  return STATEMENT_CLAUSE.test(s);
}

/** Paragraph openers of a review or background passage (今年以来， / 过去一年， / 近年来，). */
export const BACKGROUND_OPENER =
  /^(?:今年以来|去年以来|年初以来|一年来|过去一年|过去的一年|过去五年|近年来|近些年来?|多年来|几年来|这些年来?|[一二三四五六七八九十两\d]+年来|去年|上年|前不久|刚刚过去的|回顾|实践证明|事实证明|实践告诉我们|历史证明|党的[^，,]{1,12}以来|[^，,]{1,8}以来)/;

/** 要看到 / 要清醒认识到 introducing an assessment (background), not a task. */
export const COGNITION_RE =
  /(?:要|必须|应当|应该|应)(?:清醒|清楚|充分|深刻|冷静|客观|辩证)?地?(?:看到|认识到|意识到|看清)(?:[^，,]{0,24})$|要(?:始终|时刻|永远|深刻)?(?:牢记|铭记|记住|懂得|明白)$/;

/** Assessment of the situation opening a sentence (当前，我市正处于转型期，…). */
export const ASSESSMENT_RE = /(?:正处于|正处在|处于|面临着?|存在着?|正经历)/;

/** Outline sentences of the speech itself (下面，我讲五点意见 / 重点抓好以下几个方面工作：). */
export function isOutlineClause(s: string): boolean {
  if (/^(?:下面|以下|接下来)$/.test(s)) return true;
  if (
    /^(?:下面|以下|接下来)?[，,]?我(?:再|就|想|简要|重点)?(?:讲|谈|说|强调|提|就)/.test(s) &&
    s.length <= 24
  )
    return /(?:点|方面|意见|问题|几点|要求|看法|体会)$/.test(s);
  if (/(?:以下|如下)[^，,]{0,10}(?:工作|方面|任务|几点)$/.test(s)) return true;
  // 重点抓好五个方面工作 (announces the parts that follow; a trigger with 要 is handled elsewhere)
  if (!s.includes('要') && /[一二三四五六七八九十几两\d]+(?:个)?方面(?:的)?(?:工作|任务|重点)?$/.test(s))
    return true;
  if (/^就[^，,]{2,20}$/.test(s) && !/[要]/.test(s)) return true;
  return false;
}

/** Clauses that are not actions (background, indicators, attendance lines). */
export function isNonAction(s: string): boolean {
  if (s.length < 2) return true;
  if (CONNECTIVE_RE.test(s) && CONNECTIVE_RE.exec(s)![0].length === s.length) return true;
  for (let i = s.indexOf('是'); i >= 0; i = s.indexOf('是', i + 1)) {
    if (s[i + 1] === '否') continue;
    if (COPULA_OK_BEFORE.test(s.slice(Math.max(0, i - 3), i))) continue;
    return true;
  }
  if (/[都均]具有|具有[^，,]{0,20}(?:特点|特征)$|已经|已成为|不容乐观/.test(s)) return true;
  // a plan stated for the record (赤字率拟按3%安排 / 今年拟安排…) is an indicator, not an action
  if (/^[^，,]{0,10}拟(?:按|安排|发行|新增|下达|投入)/.test(s)) return true;
  // a focus on a kind of work (特别是涉及多个部门的工作任务，…) names what the action applies to
  if (/^(?:特别是|尤其是)[^，,要]*的[^，,的]{1,6}$/.test(s)) return true;
  for (let i = s.indexOf('了'); i >= 0; i = s.indexOf('了', i + 1)) {
    const next = s[i + 1];
    const prev = s[i - 1];
    if (
      next === '解' ||
      next === '结' ||
      next === '就' || // 看准了就抓紧干: a condition, not a perfect
      next === '之' ||
      next === '算' ||
      prev === '为' ||
      prev === '除' ||
      prev === '得' ||
      prev === '不'
    )
      continue;
    return true;
  }
  if (/(?:参加|出席|列席|参会|陪同|主持|参加会议|出席会议|参加活动)$/.test(s)) return true;
  if (s.length <= 12 && /(?:方面|领域|层面|问题上)$/.test(s)) return true;
  if (TIME_ONLY.test(s)) return true;
  if (/^正如|(?:所指出|所强调|所说|所要求|讲过|说过)的?$/.test(s)) return true; // introduces a quotation
  if (/^[（(][^）)]{1,8}[）)]$/.test(s)) return true; // stage directions: （掌声）
  if (/^(?:涉及|事关|关系到|关系着|关乎|直接关系)/.test(s)) return true;
  // assessments of the situation (正处于关键期 / 还存在短板 / 基础还不牢固 / 获得感不够强)
  // forecasts (我县将出现强降雨 / 局地可能出现暴雨)
  if (/可能(?:出现|发生|会|有)|^[^，,将]{1,10}将(?:出现|迎来|面临|进入|达到|突破|有)/.test(s)) return true;
  if (!REMEDY_START.test(s) && !ACTION_START.test(s)) {
    if (
      /(?:正处于|正处在|处于|面临着?|存在着?|依然|仍然|仍有|还有|尚未|还不|不够|还没有|没有|不容|来之不易)/.test(
        s,
      )
    )
      return true;
    if (/(?:不足|不强|不高|不多|不优|不快|薄弱|滞后|偏低|偏弱|突出|明显|显著|较大|较多)$/.test(s))
      return true;
  }
  if (/^对[^，,]{1,20}(?:问题|情况|事项|现象|行为)$/.test(s)) return true;
  if (/(?:^|[^对将])已(?:经|进入|开工|完成|建成|形成|成为|取得|实现|有|达|超|突破|覆盖|累计)/.test(s))
    return true;
  if (isStatementClause(s)) return true;
  if (UNIT_NUMBER.test(s)) {
    // verb-initial targets are actions (完成营造林600万亩, 明年力争增长5%); measured quantities are not
    const rest = s.slice(TARGET_PREFIX.exec(s)?.[0].length ?? 0);
    // 新增学位2000个 creates things (an action); 新增就业 / 新增产值 measure a quantity
    const creates = /^新增(?!就业|产值|收入|贷款|投资|税收|增加值|营收|利润|人口|存款|产能|用电)/.test(rest);
    const am = ACTION_START.exec(rest);
    // 开工率59.6%: the verb is part of a rate noun
    const verbInitial = am !== null && !/^[率量额值数比]/.test(rest.slice(am[0].length));
    if (!creates && !verbInitial && INDICATOR_VERB.test(s)) return true;
  }
  return false;
}

/** A sentence-opening clause that ends the measures of the previous sentence's directive. */
export function isClosingClause(s: string): boolean {
  return /(?:出席|参加|主持|列席|参会|召开|观摩|观看|一行|陪同|会议|致辞)/.test(s);
}

/** Numbered heading at paragraph start: level and length of the marker. */
export function numberedMarker(head: string): { level: number; len: number } | null {
  let m = /^[一二三四五六七八九十]{1,3}[、．.]/.exec(head);
  if (m) return { level: 1, len: m[0].length };
  m = /^[（(][一二三四五六七八九十]{1,3}[)）][、，,]?/.exec(head);
  if (m) return { level: 2, len: m[0].length };
  // 第一， sits between 一、 and （一）: speeches nest 第一， under 一、 and （一） under 第一，
  m = /^第[一二三四五六七八九十]{1,3}[，,、：:]/.exec(head);
  if (m) return { level: 1.5, len: m[0].length };
  m = /^\d{1,2}(?:[．、]|\.(?!\d))/.exec(head);
  if (m) return { level: 3, len: m[0].length };
  m = /^[（(]?\d{1,2}[)）]/.exec(head);
  if (m) return { level: 4, len: m[0].length };
  m = /^[①②③④⑤⑥⑦⑧⑨⑩]/.exec(head);
  if (m) return { level: 4, len: 1 };
  return null;
}

const HEADING_ACTION_START =
  /^(?:要|努力|力争|奋力|千方百计|毫不|着眼|围绕|立足|锚定|紧扣|紧盯|加速|大抓|狠抓|着力|坚持|坚定|全力|全面|加快|加强|推动|推进|深化|深入|持续|扎实|切实|大力|积极|统筹|聚焦|突出|强化|提升|提高|优化|完善|健全|做好|抓好|抓实|办好|守牢|筑牢|扛起|压实|狠抓|以|在|把|用|让|促进|实施|建设|打造|发展|培育|构建|保障|防范|巩固|拓展|激发|增强|坚决|准确|牢牢|始终|不断|进一步)/;
/** A heading that reports a result: subject first, the predicate at the end (粮食生产再获丰收). */
const RESULT_END =
  /(?:推进|增长|丰收|巩固|改善|提升|加快|加强|完善|优化|向好|突破|提高|落实|深化|扩大|显现|见效|成势|攀升|回升|稳定|平稳|有力|有效|明显|显著|增强|增进|夯实|健全|壮大|活跃|彰显|凸显|好转|提质|升级|提速|加速|跃升|领先|取得新成效|新成效|新成绩|新成就|新进展|新突破|新提升)$/;
export function isResultHeading(s: string): boolean {
  // every comma part must read as a result (压紧压实责任，确保…稳定 is a task)
  const parts = s.split(/[，,]/);
  return parts.every(
    (p) =>
      p.length > 0 &&
      !HEADING_ACTION_START.test(p) &&
      !ACTION_START.test(p) &&
      (RESULT_HEADING.test(p) || RESULT_END.test(p)),
  );
}
const RESULT_HEADING =
  /(?:取得|实现|获得|迈出|展现|呈现|得到)(?:了)?[^，,]{0,6}(?:新|明显|显著|重大|积极|丰硕|较大)|(?:更加|日益|不断|持续|明显|显著|稳步|大幅|进一步|全面)(?:巩固|增强|提升|改善|优化|完善|向好|增长|提高|加强|加快|扩大|深化|凸显|彰显|夯实|规范|有力|有效|健全|强化|活跃|壮大|坚实|牢固|明显|显著|增进|好转|回升|释放|显现|推进|落实|提速|提质|升级)$|稳中向好|稳中有进|稳中提质|(?:成效|成果|效果)(?:明显|显著|突出|丰硕)$|新(?:突破|进展|成效|成就|局面|台阶|提升|跨越|气象)$/;

export function isLabelHeading(s: string): boolean {
  if (s.length === 0) return true;
  if (/^(?:下面|以下|接下来)/.test(s)) return true;
  if (/我(?:讲|谈|说)/.test(s)) return true;
  if (
    /(?:主要工作|重点工作|工作安排|工作回顾|总体要求|目标任务|主要目标|主要任务|几点意见|点意见|几个问题|个方面|方面工作|如下|以下|回顾|意见|建议|情况|成绩|体会|结束语|结语)$/.test(
      s,
    )
  )
    return true;
  if (/^\d{4}年(?:的)?(?:主要|重点)?工作/.test(s)) return true;
  // statements of results (民生持续改善 / 改革开放取得新突破) head review sections, not tasks
  if (isResultHeading(s)) return true;
  // outline questions (形势怎么看 / 为什么要抓…) and counted parts (几点要求 / 三个方面的意见)
  if (/怎么|怎样|如何|为什么|什么|哪些|[吗？?]$/.test(s)) return true;
  if (
    /^[^，,]{0,6}[一二三四五六七八九十几两\d]+(?:点|个方面的?|方面的?|条)(?:要求|意见|建议|体会|看法|思考|希望)$/.test(
      s,
    )
  )
    return true;
  // topic labels: 关于…, and noun phrases naming a situation (当前…面临的形势)
  if (/^关于/.test(s)) return true;
  if (/(?:面临的|当前的?)[^，,]{0,12}(?:形势|挑战|机遇|问题)$/.test(s)) return true;
  if (
    /^[^，,]{0,16}(?:的)?(?:形势|形势和任务|指导思想|基本原则|总体思路|奋斗目标|基本情况|主要成效|工作成效)$/.test(
      s,
    )
  )
    return true;
  return false;
}

/**
 * A heading that states a thesis (全面从严治党是…的必由之路): a copula sentence, not a task. Its
 * section (and, under 一、, its subsections) reviews or argues rather than orders.
 */
export function isStatementHeading(s: string): boolean {
  if (s.length < 6 || /[，,]/.test(s) || /(?:就是要|是要|要是)/.test(s)) return false;
  for (let i = s.indexOf('是'); i > 1; i = s.indexOf('是', i + 1)) {
    if (s[i + 1] === '否') continue;
    if (COPULA_OK_BEFORE.test(s.slice(Math.max(0, i - 3), i))) continue;
    return s.length - i > 3;
  }
  return false;
}

export const REVIEW_HEADING = /(?:回顾|过去|成绩|成就|总结|情况)/;
