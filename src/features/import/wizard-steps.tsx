import { type MessageKey, useT } from '../../i18n';
import { useImportDraft, type WizardStep } from '../../shared/stores/import-draft';

const STEPS: { n: WizardStep; key: MessageKey }[] = [
  { n: 1, key: 'import.step.text' },
  { n: 2, key: 'import.step.review' },
  { n: 3, key: 'import.step.assign' },
  { n: 4, key: 'import.step.confirm' },
];

/** The four steps; later ones open once directives have been extracted. */
export function WizardSteps() {
  const t = useT();
  const step = useImportDraft((s) => s.step);
  const ready = useImportDraft((s) => s.extractedText !== null);
  const patch = useImportDraft((s) => s.patch);
  return (
    <nav aria-label={t('import.steps')}>
      <ol className="import-steps">
        {STEPS.map((s) => (
          <li key={s.n} className={s.n === step ? 'is-current' : s.n < step ? 'is-done' : ''}>
            <button
              type="button"
              aria-current={s.n === step ? 'step' : undefined}
              disabled={s.n > 1 && !ready}
              onClick={() => patch(() => ({ step: s.n }))}
            >
              <span className="import-steps__n" aria-hidden="true">
                {s.n < step ? '✓' : s.n}
              </span>
              {t(s.key, { n: s.n })}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Back / next buttons under a step. */
export function StepNav({
  back,
  next,
  nextLabel,
}: {
  back?: WizardStep;
  next?: WizardStep;
  nextLabel?: string;
}) {
  const t = useT();
  const patch = useImportDraft((s) => s.patch);
  const go = (n: WizardStep) => {
    patch(() => ({ step: n }));
    window.scrollTo?.({ top: 0 });
  };
  return (
    <div className="import-nav">
      {back ? (
        <button type="button" className="btn" onClick={() => go(back)}>
          {t('import.back')}
        </button>
      ) : null}
      {next ? (
        <button type="button" className="btn btn--primary" onClick={() => go(next)}>
          {nextLabel ?? t('import.next')}
        </button>
      ) : null}
    </div>
  );
}
