import type { Directory, DocTask } from '../../../src/domain/documents';

/** Markup, quotes, emoji (with a skin-tone modifier), XML-forbidden controls and a lone surrogate. */
export const NASTY = `<script>alert("x")</script> & 'quotes' “引号” 🚀👍🏽 \u0001\u000b\ud800 end`;
/** A 2,000-character measure. */
export const LONG = '加快推进关键核心技术攻关'.repeat(167).slice(0, 2000);

/**
 * A meeting whose one directive has the 2,000-character measure, and `n` open tasks of one unit: all
 * quoting the directive's sentence, or only the first (the others then have no 来源).
 */
export function fixture(n: number, sourced: 'all' | 'first' = 'all') {
  const text = `会议指出，${LONG}。要${NASTY}。`;
  const start = text.indexOf(LONG);
  const dir: Directory = {
    units: [
      { id: 'u1', name: `省<科技>厅 & "合作"` },
      { id: 'u2', name: '省财政厅🚀' },
    ],
    people: [{ id: 'p1', name: '张三', title: `处长<&>` }],
    meetings: [{ id: 'm1', title: `关于<&>"会议"🚀`, date: '2024-01-05', place: '合肥', text }],
    directives: [
      {
        id: 'd1',
        meetingId: 'm1',
        seq: 0,
        speaker: `李四<&>`,
        speakerTitle: null,
        heading: NASTY,
        measures: [LONG],
        parentId: null,
        headingSpan: [0, 4],
        measureSpans: [[start, start + LONG.length]],
      },
    ],
  };
  const tasks: DocTask[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    code: `DB-2024-${String(i + 1).padStart(4, '0')}`,
    title: i === 0 ? NASTY : `任务${i + 1}：${LONG.slice(0, 280)}`,
    directiveId: sourced === 'all' || i === 0 ? 'd1' : null,
    measureIndex: 0,
    leadUnitId: 'u1',
    coUnitIds: ['u2'],
    responsiblePersonId: 'p1',
    deadline: '2024-12-31',
    status: 'in-progress',
  }));
  return { dir, tasks };
}

export const issuer = { office: '省委督查室', contact: { name: '陈静' }, date: '2024-05-20' };
