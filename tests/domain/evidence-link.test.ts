import { describe, expect, it } from 'vitest';
import { evidenceLinkSchema, progressReportSchema } from '../../src/domain/schemas';

describe('evidence links', () => {
  it.each(['https://gov.example.cn/a.pdf', 'http://intranet.example/b'])('accepts %s', (link) => {
    expect(evidenceLinkSchema.safeParse(link).success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'file:///C:/secret.docx',
    'data:text/html,hi',
    'ftp://x.example/f',
    '不是链接',
  ])('refuses %s', (link) => {
    expect(evidenceLinkSchema.safeParse(link).success).toBe(false);
  });

  it('a stored report with a javascript: link does not parse', () => {
    const evidence = progressReportSchema.shape.evidence;
    expect(evidence.safeParse(['javascript:alert(1)']).success).toBe(false);
    expect(evidence.safeParse(['https://gov.example.cn/a.pdf']).success).toBe(true);
  });
});
