// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UNIT_KEYWORDS,
  extract,
  meetingHints,
  suggestDeadline,
} from '../../../src/domain/extraction';

describe('suggestDeadline', () => {
  it.each([
    ['年底前完成', '2024-04-10', '2024-12-31'],
    ['年内建成', '2024-04-10', '2024-12-31'],
    ['6月底前完成', '2024-04-10', '2024-06-30'],
    ['三月底前完成', '2024-04-10', '2025-03-31'],
    ['到2025年基本建成', undefined, '2025-12-31'],
    ['2026年底前全面完成', '2024-04-10', '2026-12-31'],
    ['三年内实现全覆盖', '2024-04-10', '2027-04-10'],
    ['6个月内整改到位', '2024-08-31', '2025-02-28'],
    ['一季度开工', '2024-01-15', '2024-03-31'],
    ['上半年完成', '2024-02-01', '2024-06-30'],
    ['三季度末全部完工', '2024-04-10', '2024-09-30'],
    ['6月底全面完成', '2024-04-10', '2024-06-30'],
    ['明年6月底前完成', '2024-04-10', '2025-06-30'],
    ['明年上半年投用', '2024-04-10', '2025-06-30'],
    ['明年一季度开工', '2024-04-10', '2025-03-31'],
    ['明年底前建成', '2024-04-10', '2025-12-31'],
    ['持续推进', '2024-04-10', undefined],
    ['年底前完成', undefined, undefined],
    ['年底前完成', 'not a date', undefined],
  ])('%s (%s) → %s', (phrase, date, expected) => {
    expect(suggestDeadline(phrase, date)).toBe(expected);
  });

  it('uses options.meetingDate in extract', () => {
    const r = extract('要加快项目建设，确保6月底前开工。', { meetingDate: '2024-03-01' });
    expect(r.directives[0]!.suggestedDeadline).toBe('2024-06-30');
  });

  it('warns about an invalid meetingDate and still extracts', () => {
    const r = extract('要加快项目建设，确保年底前开工。', { meetingDate: '2024-13-40' });
    expect(r.directives).toHaveLength(1);
    expect(r.warnings.some((w) => w.includes('meetingDate'))).toBe(true);
  });
});

describe('lead units', () => {
  it('has an editable default table', () => {
    expect(DEFAULT_UNIT_KEYWORDS.find((k) => k.keyword === '长三角')?.unit).toBe('省发展改革委');
    expect(DEFAULT_UNIT_KEYWORDS.find((k) => k.keyword === '就业')?.unit).toBe('省人力资源社会保障厅');
  });

  it('uses a custom table, heading first', () => {
    const r = extract('要加强高校建设，稳定就业。', {
      unitKeywords: [
        { keyword: '就业', unit: '市人社局' },
        { keyword: '高校', unit: '市教育局' },
      ],
    });
    expect(r.directives[0]!.suggestedLeadUnit).toBe('市教育局');
    expect(extract('要稳定大局。', { unitKeywords: [] }).directives[0]!.suggestedLeadUnit).toBeUndefined();
  });
});

describe('meetingHints', () => {
  it('finds title, full date and place', () => {
    expect(
      meetingHints('全县农业农村工作会议召开\n2024年2月3日，全县农业农村工作会议在城关镇召开。'),
    ).toEqual({
      title: '全县农业农村工作会议',
      date: '2024-02-03',
      place: '城关镇',
    });
  });
  it('drops a headline’s 召开 / 在…举行 from the meeting title', () => {
    expect(meetingHints('全市城市更新推进会在滨江隆重举行\n正文。').title).toBe('全市城市更新推进会');
    expect(meetingHints('市委常委会(扩大)会议召开\n正文。').title).toBe('市委常委会(扩大)会议');
    expect(meetingHints('召开大会的通知说明\n正文。').title).toBe('召开大会的通知说明');
  });
  it('finds the publishing source (来源：…), half- or full-width, in a line or in parentheses', () => {
    expect(meetingHints('全县工作会议召开\n正文。\n来源:清河日报').source).toBe('清河日报');
    expect(meetingHints('正文。\n（来源：江城晚报）').source).toBe('江城晚报');
    expect(meetingHints('发布时间：2024-01-02 来源：县政府办公室 浏览次数：12\n正文。').source).toBe(
      '县政府办公室',
    );
    expect(meetingHints('正文没有出处。').source).toBeUndefined();
  });
  it('combines 月日 with a year found elsewhere', () => {
    expect(meetingHints('发布时间：2022-07-23\n7月22日下午，市委召开常委会会议。').date).toBe('2022-07-22');
  });
});
