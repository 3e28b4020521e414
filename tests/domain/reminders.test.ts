import { describe, expect, it } from 'vitest';
import { buildSeedDb } from '../../mocks/seed/build-seed';
import { addDays } from '../../src/domain/dates';
import {
  afterQuiet,
  atTime,
  DEFAULT_PREFS,
  DEFAULT_REMINDER_RULES,
  digestSendAt,
  digestSlot,
  dueReminders,
  planReminders,
  type ReminderData,
  type ReminderRules,
  reminderCount,
  renderMessage,
  retryDelayMs,
  singleSendAt,
  taskLink,
  webhookUrlProblem,
} from '../../src/domain/reminders';
import type { Person, ProgressReport, Task } from '../../src/domain/schemas';

const people: Person[] = [
  { id: 'u-a', name: '甲', unitId: 'p-a', role: 'staff', title: '' },
  { id: 'u-a2', name: '乙', unitId: 'p-a', role: 'staff', title: '' },
  { id: 'u-b', name: '丙', unitId: 'p-b', role: 'staff', title: '' },
  { id: 'u-sup', name: '督', unitId: 'p-dcs', role: 'supervisor', title: '' },
];

const task = (over: Partial<Task> = {}): Task => ({
  id: 'T-1',
  code: 'DB-1',
  title: '建设平台',
  directiveId: null,
  measureIndex: null,
  leadUnitId: 'p-a',
  coUnitIds: ['p-b'],
  responsiblePersonId: 'u-a2',
  startDate: '2024-01-01',
  deadline: '2024-06-30',
  originalDeadline: '2024-06-30',
  status: 'in-progress',
  resumeStatus: null,
  progress: 40,
  priority: 'normal',
  tags: [],
  extension: null,
  closedAt: null,
  createdAt: '2024-01-01T09:00:00+08:00',
  updatedAt: '2024-01-01T09:00:00+08:00',
  version: 1,
  ...over,
});

const report = (over: Partial<ProgressReport>): ProgressReport => ({
  id: 'R-1',
  taskId: 'T-1',
  period: '2024-05',
  text: '进展',
  progress: 50,
  evidence: [],
  submitterId: 'u-a2',
  submittedAt: '2024-05-10T10:00:00+08:00',
  reviewState: 'pending',
  reviewComment: null,
  reviewerId: null,
  reviewedAt: null,
  final: false,
  ...over,
});

const rules = (over: Partial<ReminderRules> = {}): ReminderRules => ({ ...DEFAULT_REMINDER_RULES, ...over });
const data = (over: Partial<ReminderData> = {}): ReminderData => ({
  tasks: [task()],
  reports: [report({ period: '2024-06', submittedAt: '2024-06-01T10:00:00+08:00' })],
  people,
  reminders: [],
  ...over,
});
const rulesOn = (d: ReminderData, day: string, r = rules()) =>
  dueReminders(d, day, r).map((x) => `${x.rule}:${x.recipientId}`);

describe('which reminders are due on a day', () => {
  it.each([
    ['2024-06-23', ['due-soon:u-a2', 'due-soon:u-a']],
    ['2024-06-27', ['due-soon:u-a2', 'due-soon:u-a']],
    ['2024-06-24', []],
    ['2024-06-30', []],
    ['2024-07-01', ['overdue:u-a2', 'overdue:u-a']],
    ['2024-07-02', []],
    ['2024-07-08', ['overdue:u-a2', 'overdue:u-a']],
    ['2024-07-15', ['overdue:u-a2', 'overdue:u-a']],
  ])('%s → %j (responsible person, then the lead unit contact)', (day, expected) => {
    const d = data({ reports: [] });
    expect(rulesOn(d, day).filter((r) => !r.startsWith('report-due'))).toEqual(expected);
  });

  it('report-due fires N days before the cut-off only while the period has no report', () => {
    const d = data({ reports: [] });
    expect(rulesOn(d, '2024-05-28')).toEqual(['report-due:u-a2', 'report-due:u-a']);
    expect(rulesOn(d, '2024-05-27')).toEqual([]);
    expect(rulesOn(data({ reports: [report({})] }), '2024-05-28')).toEqual([]);
    expect(rulesOn(d, '2024-05-25', rules({ reportDueDays: 6 }))).toEqual([
      'report-due:u-a2',
      'report-due:u-a',
    ]);
  });

  it('returned fires N days after the send-back, and not once a newer report is in', () => {
    const back = report({
      reviewState: 'returned',
      reviewedAt: '2024-05-12T16:00:00+08:00',
      reviewComment: '补充数据',
    });
    expect(rulesOn(data({ reports: [back] }), '2024-05-15')).toContain('returned:u-a2');
    expect(rulesOn(data({ reports: [back] }), '2024-05-14')).not.toContain('returned:u-a2');
    const again = report({ id: 'R-2', submittedAt: '2024-05-14T10:00:00+08:00' });
    expect(rulesOn(data({ reports: [back, again] }), '2024-05-15')).not.toContain('returned:u-a2');
  });

  it('nobody is chased about closed, suspended or pending-review tasks, nor before the start', () => {
    for (const status of ['closed', 'suspended', 'pending-review'] as const)
      expect(rulesOn(data({ tasks: [task({ status })] }), '2024-07-01')).toEqual([]);
    expect(rulesOn(data({ tasks: [task({ startDate: '2024-06-25' })] }), '2024-06-23')).toEqual([]);
  });

  it('co-units are reminded only when the rules say so; disabled rules fire nothing', () => {
    const d = data();
    expect(rulesOn(d, '2024-07-01', rules({ includeCoUnits: true }))).toEqual([
      'overdue:u-a2',
      'overdue:u-a',
      'overdue:u-b',
    ]);
    expect(
      rulesOn(d, '2024-07-01', rules({ enabled: { ...DEFAULT_REMINDER_RULES.enabled, overdue: false } })),
    ).toEqual([]);
  });

  it('a manual 催办 is due on its day and the next (same key), with the supervisor’s words', () => {
    const d = data({
      reminders: [
        { id: 'RM-1', taskId: 'T-1', at: '2024-05-20T15:00:00+08:00', byId: 'u-sup', message: '请加快' },
      ],
    });
    const a = dueReminders(d, '2024-05-20', rules()).filter((r) => r.rule === 'manual');
    const b = dueReminders(d, '2024-05-21', rules()).filter((r) => r.rule === 'manual');
    expect(a.map((r) => r.ref)).toEqual(['RM-1', 'RM-1']);
    expect(b.map((r) => r.ref)).toEqual(['RM-1', 'RM-1']);
    expect(a[0]!.facts.note).toBe('请加快');
    expect(dueReminders(d, '2024-05-22', rules()).filter((r) => r.rule === 'manual')).toEqual([]);
  });

  it('after K reminders the unit head is reminded too', () => {
    const r = rules({ escalateAfter: 3, unitHeads: { 'p-a': 'u-sup' } });
    // 临期 7 and 3 (2), 逾期 day 1 (3), day 8 (4th → escalated).
    expect(reminderCount(task(), '2024-07-01', r, [])).toBe(3);
    expect(rulesOn(data(), '2024-07-01', r)).toEqual(['overdue:u-a2', 'overdue:u-a']);
    expect(rulesOn(data(), '2024-07-08', r)).toEqual(['overdue:u-a2', 'overdue:u-a', 'overdue:u-sup']);
  });
});

describe('send times', () => {
  const quiet = { start: '22:00', end: '07:30' };
  it.each([
    ['2024-05-20T23:00:00+08:00', '2024-05-21T07:30:00+08:00'],
    ['2024-05-21T03:00:00+08:00', '2024-05-21T07:30:00+08:00'],
    ['2024-05-21T07:30:00+08:00', '2024-05-21T07:30:00+08:00'],
    ['2024-05-21T12:00:00+08:00', '2024-05-21T12:00:00+08:00'],
  ])('quiet hours 22:00–07:30: %s → %s', (at, expected) => {
    expect(afterQuiet(Date.parse(at), quiet)).toBe(Date.parse(expected));
  });
  it('a same-day window moves to its end; equal ends mean none', () => {
    const w = { start: '08:00', end: '10:00' };
    expect(afterQuiet(Date.parse('2024-05-21T08:30:00+08:00'), w)).toBe(
      Date.parse('2024-05-21T10:00:00+08:00'),
    );
    expect(afterQuiet(5, { start: '08:00', end: '08:00' })).toBe(5);
  });
  it('the calendar reminders go at the send time, or now if later; the digest at 09:00 today or tomorrow', () => {
    const early = Date.parse('2024-05-20T00:05:00+08:00');
    expect(singleSendAt('2024-05-20', early, '08:30', null)).toBe(atTime('2024-05-20', '08:30'));
    const late = Date.parse('2024-05-20T14:00:00+08:00');
    expect(singleSendAt('2024-05-20', late, '08:30', null)).toBe(late);
    expect(digestSlot(early, '09:00')).toBe('2024-05-20');
    expect(digestSlot(late, '09:00')).toBe('2024-05-21');
    expect(digestSendAt('2024-05-21', '09:00', { start: '08:00', end: '10:00' })).toBe(
      atTime('2024-05-21', '10:00'),
    );
  });
  it('retries back off exponentially up to an hour', () => {
    expect([1, 2, 3, 4, 10].map((a) => retryDelayMs(a) / 60_000)).toEqual([1, 2, 4, 8, 60]);
  });
});

describe('planning channels and rendering', () => {
  const settings = {
    reminderPrefs: {
      'u-a': { ...DEFAULT_PREFS, email: 'a@x.example', digest: true },
      'u-a2': {
        ...DEFAULT_PREFS,
        email: 'a2@x.example',
        channels: { email: true, webhook: true },
        lang: 'en' as const,
      },
    },
    reminderChannels: {
      webhooks: { 'p-a': { kind: 'wecom' as const, url: 'https://qyapi.example/x', secret: null } },
    },
  };
  it('each person’s channels: e-mail with an address, the unit robot if the unit has one; the digest reader is grouped', () => {
    const now = Date.parse('2024-07-01T00:05:00+08:00');
    const items = planReminders({ ...data(), settings }, '2024-07-01', now, { email: true, webhook: true });
    expect(items.map((i) => [i.recipientId, i.channel, i.target, i.digest?.slot ?? null])).toEqual([
      ['u-a2', 'email', 'a2@x.example', null],
      ['u-a2', 'webhook', 'p-a', null],
      ['u-a', 'email', 'a@x.example', '2024-07-01'],
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(3);
    expect(
      planReminders({ ...data(), settings }, '2024-07-01', now, { email: false, webhook: true }),
    ).toHaveLength(1);
  });
  it('renders zh and en with the task link; a digest lists every item', () => {
    const f = { taskId: 'T-1', code: 'DB-1', title: '建设平台', deadline: '2024-06-30', days: 3 };
    const zh = renderMessage([{ rule: 'due-soon', facts: f }], {
      lang: 'zh',
      recipientName: '乙',
      baseUrl: 'https://luoshi.example/',
      digest: false,
      day: '2024-06-27',
    });
    expect(zh.subject).toBe('【督办临期】DB-1 建设平台');
    expect(zh.text).toContain('还有 3 天');
    expect(zh.text).toContain('https://luoshi.example/#/ledger/T-1');
    const en = renderMessage(
      [
        { rule: 'due-soon', facts: f },
        { rule: 'overdue', facts: { ...f, taskId: 'T-2', code: 'DB-2', days: 8 } },
      ],
      { lang: 'en', recipientName: 'B', baseUrl: 'http://h', digest: true, day: '2024-06-27' },
    );
    expect(en.subject).toBe('[Luoshi · Daily digest] 2024-06-27: 2 items');
    expect(en.markdown).toContain('(http://h/#/ledger/T-2)');
    expect(taskLink('http://h', 'T 1')).toBe('http://h/#/ledger/T%201');
  });
  it('robot addresses: https, or http to this machine only where allowed (tests)', () => {
    expect(webhookUrlProblem('https://oapi.dingtalk.com/robot/send?access_token=x')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4701/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4701/hook')).toBe('must be https://');
    expect(webhookUrlProblem('http://example.com/hook')).toBe('must be https://');
    expect(webhookUrlProblem('nope')).toBe('not a URL');
  });
});

/** The seed quarter (2024Q2), day by day: how many reminders each rule owes (printed for the closing note). */
describe('the seed quarter', () => {
  it('counts reminders per rule, each key once', () => {
    const seed = buildSeedDb();
    const keys = new Map<string, string>();
    for (let day = '2024-04-01'; day <= '2024-06-30'; day = addDays(day, 1))
      for (const r of dueReminders(seed, day, DEFAULT_REMINDER_RULES))
        keys.set(`${r.rule}|${r.taskId}|${r.recipientId}|${r.ref}`, r.rule);
    const perRule: Record<string, number> = {};
    for (const rule of keys.values()) perRule[rule] = (perRule[rule] ?? 0) + 1;
    console.info('seed 2024Q2 reminders per rule (before channels):', perRule);
    expect(Object.values(perRule).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(perRule.overdue).toBeGreaterThan(0);
  });
});
