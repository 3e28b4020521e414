import { useT } from '../../i18n';

export type Phase =
  | { kind: 'idle' }
  | { kind: 'building'; n: number | null }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; file: string };

/** What the chosen document is doing: building (with its size when known), saved, or failed with a retry. */
export function BuildStatus({ label, phase, onRetry }: { label: string; phase: Phase; onRetry: () => void }) {
  const t = useT();
  if (phase.kind === 'building') {
    const text =
      phase.n !== null
        ? t('docs.buildingCount', { doc: label, n: phase.n })
        : t('docs.building', { doc: label });
    return (
      <div role="status" className="docs-menu__status">
        <progress aria-label={t('docs.building', { doc: label })} /> {text}
      </div>
    );
  }
  if (phase.kind === 'done') {
    return (
      <p role="status" className="docs-menu__status">
        {t('docs.done', { file: phase.file })}
      </p>
    );
  }
  if (phase.kind === 'failed') {
    return (
      <div role="alert" className="docs-menu__error">
        {t('docs.failed', { doc: label, message: phase.message })}{' '}
        <button type="button" className="btn btn--small" onClick={onRetry}>
          {t('docs.retry')}
        </button>
      </div>
    );
  }
  return null;
}
