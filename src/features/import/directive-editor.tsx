import { directiveKindSchema } from '../../domain/schemas';
import { useT } from '../../i18n';
import { type DraftDirective, useImportDraft } from '../../shared/stores/import-draft';
import { directiveDoubts } from './doubts';
import {
  addMeasure,
  deleteDirective,
  editDirective,
  mergeDirectiveWithNext,
  setTaskChoice,
} from './draft-ops';
import { MeasureEditor } from './measure-editor';

/** Edits one directive: heading, speaker, kind, its measures, and which of them become tasks. */
export function DirectiveEditor({ d, index, isLast }: { d: DraftDirective; index: number; isLast: boolean }) {
  const t = useT();
  const speakers = useImportDraft((s) => s.speakers);
  const patch = useImportDraft((s) => s.patch);
  const edit = (p: Partial<DraftDirective>) => patch((s) => editDirective(s, d.id, p));
  const names = speakers.map((s) => s.name);
  const doubts = directiveDoubts(d);
  return (
    <fieldset className="import-editor">
      <legend className="visually-hidden">{t('import.editor.legend', { n: index })}</legend>
      <label className="import-editor__heading">
        {t('import.editor.heading')}
        <textarea rows={2} value={d.heading} onChange={(e) => edit({ heading: e.target.value })} />
      </label>
      <div className="import-editor__row">
        <label>
          {t('import.editor.speaker')}
          <select value={d.speaker ?? ''} onChange={(e) => edit({ speaker: e.target.value || null })}>
            <option value="">{t('import.editor.noSpeaker')}</option>
            {speakers.map((s) => (
              <option key={s.name} value={s.name}>
                {s.title ? `${s.title} ${s.name}` : s.name}
              </option>
            ))}
            {d.speaker && !names.includes(d.speaker) ? <option value={d.speaker}>{d.speaker}</option> : null}
          </select>
        </label>
        <label>
          {t('import.editor.kind')}
          <select value={d.kind} onChange={(e) => edit({ kind: e.target.value as DraftDirective['kind'] })}>
            {directiveKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(`import.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {doubts.length ? (
        <p className="import-doubt-note" role="note">
          {t('import.doubt.title')} {doubts.map((x) => t(`import.doubt.${x}`)).join('；')}
        </p>
      ) : null}
      {d.measures.length === 0 ? (
        <label className="import-check">
          <input
            type="checkbox"
            checked={d.task.chosen}
            onChange={(e) => patch((s) => setTaskChoice(s, d.id, null, { chosen: e.target.checked }))}
          />
          {t('import.editor.headingTask')}
        </label>
      ) : (
        <ol className="import-measures" aria-label={t('import.editor.measures', { n: index })}>
          {d.measures.map((m, i) => (
            <MeasureEditor
              key={m.id}
              directiveId={d.id}
              m={m}
              index={i}
              isLast={i === d.measures.length - 1}
            />
          ))}
        </ol>
      )}
      <div className="import-editor__actions">
        <button
          type="button"
          className="btn"
          onClick={() => patch((s) => addMeasure(s, d.id, t('import.editor.newMeasure'), null))}
        >
          {t('import.editor.addMeasure')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={isLast}
          onClick={() => patch((s) => mergeDirectiveWithNext(s, d.id))}
        >
          {t('import.editor.mergeNext')}
        </button>
        <button
          type="button"
          className="btn btn--danger"
          onClick={() => patch((s) => deleteDirective(s, d.id))}
        >
          {t('import.editor.delete')}
        </button>
      </div>
    </fieldset>
  );
}
