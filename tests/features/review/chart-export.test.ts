import { describe, expect, it } from 'vitest';
import { chartSvg, EXPORT_FONT } from '../../../src/features/review/export/chart-export';

function figure(): HTMLElement {
  const fig = document.createElement('figure');
  fig.dataset.title = '预警分布 · 2024年第一季度';
  fig.dataset.subtitle = '季度末未完成任务的预警状态';
  fig.dataset.file = '季度考核_2024Q1_预警分布';
  fig.dataset.legend = JSON.stringify([
    { label: '逾期', fill: 'url(#p-overdue)' },
    { label: '平均得分', fill: '#000000', dash: '' },
  ]);
  fig.innerHTML = `
    <svg class="review-chart__defs"><defs><pattern id="p-overdue"><rect width="8" height="8" fill="#D55E00"/></pattern></defs></svg>
    <svg class="recharts-surface" width="600" height="300" tabindex="0" role="application" style="width:100%"><rect width="50" height="20" fill="url(#p-overdue)"/><text>逾期</text></svg>`;
  document.body.appendChild(fig);
  return fig;
}

describe('chartSvg', () => {
  it('makes a standalone SVG: white background, title with the quarter, the chart, its patterns and a legend', () => {
    const { svg, width, height, meta } = chartSvg(figure());
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('font-family')).toBe(EXPORT_FONT);
    expect(width).toBe(632);
    expect(height).toBeGreaterThan(300);
    expect(root.querySelector(':scope > rect')?.getAttribute('fill')).toBe('#ffffff');
    expect([...root.querySelectorAll(':scope > text')].map((t) => t.textContent)).toEqual([
      '预警分布 · 2024年第一季度',
      '季度末未完成任务的预警状态',
      '逾期',
      '平均得分',
    ]);
    expect(root.querySelector('pattern#p-overdue')).not.toBeNull();
    const chart = root.querySelector(':scope > svg')!;
    expect(chart.getAttribute('width')).toBe('600');
    expect(chart.hasAttribute('tabindex') || chart.hasAttribute('role') || chart.hasAttribute('style')).toBe(
      false,
    );
    // A line series gets a line swatch, an area series a filled square.
    expect(root.querySelector(':scope > line')?.getAttribute('stroke')).toBe('#000000');
    expect(root.querySelector(':scope > rect[fill="url(#p-overdue)"]')).not.toBeNull();
    expect(meta.fileBase).toBe('季度考核_2024Q1_预警分布');
  });

  it('refuses a figure whose chart has not been drawn', () => {
    const fig = document.createElement('figure');
    expect(() => chartSvg(fig)).toThrow('chart not rendered');
  });
});
