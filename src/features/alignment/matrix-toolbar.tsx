import { useT } from '../../i18n';

/** Summary, the column choice (meetings or units), the gap filter and the export. */
export function MatrixToolbar({
  summary,
  byUnit,
  onCols,
  gapsOnly,
  onGapsOnly,
  onExport,
}: {
  summary: string;
  byUnit: boolean;
  onCols: (units: boolean) => void;
  gapsOnly: boolean;
  onGapsOnly: (v: boolean) => void;
  onExport: () => void;
}) {
  const t = useT();
  return (
    <div className="align-toolbar">
      <h2 id="matrix-h">{t('alignment.matrix.title')}</h2>
      <p className="align-summary" data-testid="matrix-summary">
        {summary}
      </p>
      <fieldset className="align-cols">
        <legend>{t('alignment.matrix.cols')}</legend>
        <label>
          <input type="radio" name="align-cols" checked={!byUnit} onChange={() => onCols(false)} />{' '}
          {t('alignment.matrix.byMeeting')}
        </label>
        <label>
          <input type="radio" name="align-cols" checked={byUnit} onChange={() => onCols(true)} />{' '}
          {t('alignment.matrix.byUnit')}
        </label>
      </fieldset>
      <label className="align-check">
        <input type="checkbox" checked={gapsOnly} onChange={(e) => onGapsOnly(e.target.checked)} />{' '}
        {t('alignment.matrix.gapsOnly')}
      </label>
      <button type="button" className="btn" onClick={onExport}>
        {t('alignment.matrix.export')}
      </button>
    </div>
  );
}
