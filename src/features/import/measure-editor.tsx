import { useRef, useState } from 'react';
import { type MessageKey, useT } from '../../i18n';
import { type DraftMeasure, useImportDraft } from '../../shared/stores/import-draft';
import { measureRanOn } from './doubts';
import {
  deleteMeasure,
  editMeasure,
  mergeMeasureWithNext,
  setTaskChoice,
  splitDirectiveAt,
  splitMeasure,
} from './draft-ops';

/** One measure: whether it becomes a task, its wording, and split / merge / new directive / delete. */
export function MeasureEditor({
  directiveId,
  m,
  index,
  isLast,
}: {
  directiveId: string;
  m: DraftMeasure;
  index: number;
  isLast: boolean;
}) {
  const t = useT();
  const patch = useImportDraft((s) => s.patch);
  const ref = useRef<HTMLTextAreaElement>(null);
  const [hint, setHint] = useState(false);
  const n = index + 1;
  // Visible text first, then which measure: the accessible name starts with what is on screen.
  const name = (key: MessageKey) => `${t(key)} ${t('import.measure.text', { n })}`;
  const split = () => {
    const at = ref.current?.selectionStart ?? 0;
    if (at <= 0 || at >= m.text.length) return setHint(true);
    setHint(false);
    patch((s) => splitMeasure(s, directiveId, m.id, at));
  };
  return (
    <li className="import-measure">
      <input
        type="checkbox"
        checked={m.task.chosen}
        aria-label={t('import.measure.asTask', { n })}
        onChange={(e) => patch((s) => setTaskChoice(s, directiveId, m.id, { chosen: e.target.checked }))}
      />
      <div className="import-measure__body">
        <textarea
          ref={ref}
          rows={Math.min(4, Math.ceil(m.text.length / 40) || 1)}
          aria-label={t('import.measure.text', { n })}
          value={m.text}
          onChange={(e) => patch((s) => editMeasure(s, directiveId, m.id, { text: e.target.value }))}
        />
        {measureRanOn(m) ? (
          <p className="import-doubt-note" data-testid="import-measure-doubt">
            {t('import.doubt.measure')}
          </p>
        ) : null}
        {hint ? (
          <p className="muted" role="status">
            {t('import.measure.splitHint')}
          </p>
        ) : null}
        <div className="import-measure__actions">
          <button
            type="button"
            className="btn btn--small"
            aria-label={name('import.measure.split')}
            onClick={split}
          >
            {t('import.measure.split')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={name('import.measure.mergeNext')}
            disabled={isLast}
            onClick={() => patch((s) => mergeMeasureWithNext(s, directiveId, m.id))}
          >
            {t('import.measure.mergeNext')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={name('import.measure.toDirective')}
            onClick={() => patch((s) => splitDirectiveAt(s, directiveId, m.id))}
          >
            {t('import.measure.toDirective')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            aria-label={name('import.measure.delete')}
            onClick={() => patch((s) => deleteMeasure(s, directiveId, m.id))}
          >
            {t('import.measure.delete')}
          </button>
        </div>
      </div>
    </li>
  );
}
