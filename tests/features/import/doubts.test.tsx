import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../../../src/domain/extraction';
import { directiveDoubts, measureRanOn } from '../../../src/features/import/doubts';
import { editDirective, editMeasure, fromExtraction } from '../../../src/features/import/draft-ops';
import { disposeExtractWorker } from '../../../src/features/import/run-extract';
import { emptyDraft, type ImportDraft } from '../../../src/shared/stores/import-draft';
import { openWizard, pasteAndExtract, resetDraft } from './helpers';

// Invented: a heading merged over a comma, measures that run into the next sentence, and a speaker
// carried three paragraphs on.
const TEXT = [
  '县长吴海波指出，要按照全县的统一部署，加快项目建设，确保按期完工。压实乡镇责任，强化督查考核。',
  '要抓好安全生产。',
  '要做好防汛准备。',
  '要加强值班值守，及时报送信息。',
].join('\n');

function drafted(): ImportDraft {
  const base = emptyDraft();
  return { ...base, ...fromExtraction(extract(TEXT), TEXT, base.meeting) } as ImportDraft;
}

describe('low-confidence marks in the draft', () => {
  it('carries the doubts of each directive and marks the measures that ran on', () => {
    const d = drafted();
    expect(d.directives.map(directiveDoubts)).toEqual([
      ['heading-merged', 'measure-ran-on'],
      [],
      [],
      ['speaker-carried'],
    ]);
    expect(d.directives[0]!.measures.map((m) => [m.text, measureRanOn(m)])).toEqual([
      ['确保按期完工', false],
      ['压实乡镇责任', true],
      ['强化督查考核', true],
    ]);
  });

  it('an edit of the marked part settles its doubt, and only that one', () => {
    const d = drafted();
    const edited = { ...d, ...editDirective(d, 'd1', { heading: '加快项目建设' }) } as ImportDraft;
    expect(directiveDoubts(edited.directives[0]!)).toEqual(['measure-ran-on']);
    const m = edited.directives[0]!.measures[1]!;
    const again = {
      ...edited,
      ...editMeasure(edited, 'd1', m.id, { text: '压实各乡镇责任' }),
    } as ImportDraft;
    expect(measureRanOn(again.directives[0]!.measures[1]!)).toBe(false);
    const spoken = { ...d, ...editDirective(d, 'd4', { speaker: '吴海波' }) } as ImportDraft;
    expect(directiveDoubts(spoken.directives[3]!)).toEqual([]);
  });
});

describe('import wizard: where to look first', () => {
  beforeEach(resetDraft);
  afterEach(disposeExtractWorker);

  it('marks low-confidence directives in the tree and explains the doubt in the editor', async () => {
    await openWizard();
    await pasteAndExtract(TEXT);
    const items = screen.getAllByTestId('import-directive');
    expect(items.map((b) => within(b).queryByTestId('import-doubt') !== null)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(within(items[3]!).getByTestId('import-doubt')).toHaveTextContent('请核对：发言人沿用自较远的前文');
    fireEvent.click(items[0]!);
    expect(screen.getByRole('note')).toHaveTextContent('标题跨逗号合并了状语');
    expect(screen.getAllByTestId('import-measure-doubt')).toHaveLength(2);
  });
});
