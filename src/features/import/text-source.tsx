import { useId, useState } from 'react';
import { formatNumber, useLang, useT } from '../../i18n';
import { useImportDraft } from '../../shared/stores/import-draft';
import { readSpeechFile, UnsupportedFileError } from './read-file';

/** The speech: pasted, or opened from a .txt or .docx file. */
export function TextSource({ disabled }: { disabled: boolean }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const text = useImportDraft((s) => s.text);
  const patch = useImportDraft((s) => s.patch);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const open = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    setReading(true);
    try {
      const content = await readSpeechFile(file);
      patch(() => ({ text: content }));
    } catch (e) {
      setFileError(
        e instanceof UnsupportedFileError
          ? t('import.file.unsupported', { name: file.name })
          : t('import.file.failed', { name: file.name }),
      );
    } finally {
      setReading(false);
    }
  };
  return (
    <section className="panel import-text" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('import.text.title')}</h2>
      <div className="import-text__bar">
        <label className="btn">
          {t('import.file.open')}
          <input
            type="file"
            className="visually-hidden"
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            disabled={disabled || reading}
            onChange={(e) => {
              void open(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <span className="muted">{reading ? t('import.file.reading') : t('import.file.hint')}</span>
        <span className="muted num-font import-text__count">
          {t('import.text.count', { n: formatNumber(lang, text.length) })}
        </span>
      </div>
      {fileError ? (
        <p className="import-notice import-notice--error" role="alert">
          {fileError}
        </p>
      ) : null}
      <label className="import-text__label" htmlFor={`${id}-t`}>
        {t('import.text.label')}
      </label>
      <textarea
        id={`${id}-t`}
        className="import-text__area"
        value={text}
        disabled={disabled}
        placeholder={t('import.text.placeholder')}
        onChange={(e) => {
          const v = e.target.value;
          patch(() => ({ text: v }));
        }}
      />
    </section>
  );
}
