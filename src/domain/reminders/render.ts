import type { ReminderFacts } from './due';
import type { ReminderRule } from './rules';

/**
 * The words of a reminder, in the recipient's language (zh by default), with a link to the task.
 * E-mail gets a subject and plain text; group robots get Markdown (企业微信 and 钉钉 both read it).
 */
export interface RenderItem {
  rule: ReminderRule;
  facts: ReminderFacts;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  markdown: string;
}

export type Lang = 'zh' | 'en';

const RULE_NAME: Record<Lang, Record<ReminderRule, string>> = {
  zh: { 'due-soon': '临期', overdue: '逾期', 'report-due': '报送', returned: '退回', manual: '催办' },
  en: {
    'due-soon': 'Due soon',
    overdue: 'Overdue',
    'report-due': 'Report due',
    returned: 'Sent back',
    manual: 'Reminder',
  },
};

export function ruleName(rule: ReminderRule, lang: Lang): string {
  return RULE_NAME[lang][rule];
}

/** The task's page in the app (hash router): `<base>/#/ledger/T-0007`. */
export function taskLink(baseUrl: string, taskId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/ledger/${encodeURIComponent(taskId)}`;
}

function what(item: RenderItem, lang: Lang): string {
  const f = item.facts;
  const zh = lang === 'zh';
  switch (item.rule) {
    case 'due-soon':
      return zh
        ? `距完成时限（${f.deadline}）还有 ${f.days} 天`
        : `${f.days} days left before the deadline (${f.deadline})`;
    case 'overdue':
      return zh
        ? `已超过完成时限（${f.deadline}）${f.days} 天`
        : `${f.days} days past the deadline (${f.deadline})`;
    case 'report-due':
      return zh
        ? `${f.period} 进展报告尚未报送，截止 ${f.cutoff}`
        : `the progress report for ${f.period} is not in yet; due ${f.cutoff}`;
    case 'returned':
      return zh
        ? `退回的进展报告尚未重新报送${f.note ? `（意见：${f.note}）` : ''}`
        : `the report sent back has not been resubmitted${f.note ? ` (comment: ${f.note})` : ''}`;
    case 'manual':
      return zh
        ? `督查室催办${f.note ? `：${f.note}` : ''}`
        : `the supervision office asks for action${f.note ? `: ${f.note}` : ''}`;
  }
}

/** Markdown control characters in task titles would break the robot's layout. */
const md = (s: string) => s.replace(/([\\`*_[\]#>])/g, '\\$1');

export function renderMessage(
  items: readonly RenderItem[],
  o: { lang: Lang; recipientName: string; baseUrl: string; digest: boolean; day: string },
): RenderedMessage {
  const zh = o.lang === 'zh';
  const first = items[0]!;
  const greeting = zh ? `${o.recipientName}，您好：` : `Dear ${o.recipientName},`;
  const sign = zh ? '—— 落实 · 督查室' : '— Luoshi, supervision office';
  const lines = items.map((i) => ({
    head: `[${ruleName(i.rule, o.lang)}] ${i.facts.code} ${i.facts.title}`,
    body: what(i, o.lang),
    link: taskLink(o.baseUrl, i.facts.taskId),
  }));
  if (!o.digest && items.length === 1) {
    const l = lines[0]!;
    const subject = zh
      ? `【督办${ruleName(first.rule, 'zh')}】${first.facts.code} ${first.facts.title}`
      : `[Luoshi · ${ruleName(first.rule, 'en')}] ${first.facts.code} ${first.facts.title}`;
    return {
      subject: subject.slice(0, 200),
      text: `${greeting}\n\n${l.head}\n${l.body}\n${l.link}\n\n${sign}\n`,
      markdown: `**${md(subject)}**\n\n${md(l.body)}\n\n[${zh ? '查看任务' : 'Open the task'}](${l.link})`,
    };
  }
  const subject = zh
    ? `【督办提醒汇总】${o.day} 共 ${items.length} 项`
    : `[Luoshi · Daily digest] ${o.day}: ${items.length} items`;
  return {
    subject,
    text: `${greeting}\n\n${lines.map((l, n) => `${n + 1}. ${l.head}\n   ${l.body}\n   ${l.link}`).join('\n\n')}\n\n${sign}\n`,
    markdown: `**${md(subject)}**\n\n${lines.map((l) => `- [${md(l.head)}](${l.link})：${md(l.body)}`).join('\n')}`,
  };
}
