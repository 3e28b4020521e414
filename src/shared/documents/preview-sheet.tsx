import { useId } from 'react';
import { useT } from '../../i18n';
import type { PreviewPage } from './preview';

/** The first page's text on a small A4 sheet: title centred, body indented, signature at the right. */
export function PreviewSheet({
  label,
  page,
  onClose,
}: {
  label: string;
  page: PreviewPage;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <figure className="docs-preview" aria-labelledby={id}>
      <figcaption className="docs-preview__caption">
        <span id={id}>{t('docs.previewTitle', { doc: label })}</span>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('docs.previewClose')}
        </button>
      </figcaption>
      <div className="docs-preview__sheet" lang="zh-CN">
        {page.masthead ? (
          <div className="docs-preview__masthead">
            <p className="docs-preview__issuer">{page.masthead[0]}</p>
            <p>{page.masthead[1]}</p>
          </div>
        ) : null}
        <p className="docs-preview__title">
          {page.title.map((l, i) => (
            <span key={`${i}-${l}`}>{l}</span>
          ))}
        </p>
        {page.lines.map((l, i) => (
          <p key={`${i}-${l.slice(0, 12)}`} className="docs-preview__line">
            {l}
          </p>
        ))}
        {page.signature.map((l) => (
          <p key={l} className="docs-preview__signature">
            {l}
          </p>
        ))}
      </div>
    </figure>
  );
}
