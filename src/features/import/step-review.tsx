import { useCallback, useState } from 'react';
import { useT } from '../../i18n';
import { type Span, useImportDraft } from '../../shared/stores/import-draft';
import { DirectiveTree } from './directive-tree';
import { addDirective, addMeasure } from './draft-ops';
import { SourcePreview } from './source-preview';
import { StepNav } from './wizard-steps';

/** Step 2: the text with highlights beside the directive tree, both selecting the same directive. */
export function StepReview() {
  const t = useT();
  const text = useImportDraft((s) => s.extractedText ?? s.text);
  const directives = useImportDraft((s) => s.directives);
  const selectedId = useImportDraft((s) => s.selectedId);
  const warnings = useImportDraft((s) => s.warnings);
  const patch = useImportDraft((s) => s.patch);
  const [pick, setPick] = useState<{ span: Span; text: string } | null>(null);
  const select = useCallback((id: string) => patch(() => ({ selectedId: id })), [patch]);
  const measures = directives.reduce((n, d) => n + d.measures.length, 0);
  const addFromPick = (as: 'directive' | 'measure') => {
    if (!pick) return;
    if (as === 'directive') patch((d) => addDirective(d, d.selectedId, pick.text, pick.span));
    else if (selectedId) patch((d) => addMeasure(d, selectedId, pick.text, pick.span));
    setPick(null);
    window.getSelection()?.removeAllRanges();
  };
  return (
    <div className="import-step">
      {warnings.length ? (
        <ul className="import-notice" aria-label={t('import.warnings')}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div className="split import-review">
        <section className="panel" aria-labelledby="import-src-h">
          <h2 id="import-src-h">{t('import.preview.title')}</h2>
          <p className="import-legend muted">
            <mark className="hl hl--heading">{t('import.legend.heading')}</mark>{' '}
            <mark className="hl hl--measure">{t('import.legend.measure')}</mark> {t('import.preview.hint')}
          </p>
          <div className="import-pick" aria-live="polite">
            {pick ? (
              <>
                <span className="truncate" title={pick.text}>
                  {t('import.pick.selected', { text: pick.text.slice(0, 40) })}
                </span>
                <button type="button" className="btn" onClick={() => addFromPick('directive')}>
                  {t('import.pick.asDirective')}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={!selectedId}
                  onClick={() => addFromPick('measure')}
                >
                  {t('import.pick.asMeasure')}
                </button>
              </>
            ) : null}
          </div>
          <SourcePreview
            text={text}
            directives={directives}
            selectedId={selectedId}
            onSelect={select}
            onPick={setPick}
          />
        </section>
        <section className="panel" aria-labelledby="import-tree-h">
          <div className="import-tree-head">
            <h2 id="import-tree-h">{t('import.tree.title')}</h2>
            <span className="muted" data-testid="import-counts">
              {t('import.tree.counts', { d: directives.length, m: measures })}
            </span>
            <button
              type="button"
              className="btn"
              onClick={() => patch((d) => addDirective(d, d.selectedId, t('import.tree.newHeading'), null))}
            >
              {t('import.tree.add')}
            </button>
          </div>
          <DirectiveTree />
        </section>
      </div>
      <StepNav back={1} next={3} />
    </div>
  );
}
