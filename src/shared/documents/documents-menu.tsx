import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { DocxFile } from '../../domain/documents';
import { useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';
import { BuildStatus, type Phase } from './build-status';
import type { PreviewPage } from './preview';
import { PreviewSheet } from './preview-sheet';
import './documents.css';

/** One document the menu offers. `build` and `preview` load the generators on first use. */
export interface DocItem {
  id: string;
  label: string;
  hint: string;
  build: (client: QueryClient) => Promise<DocxFile>;
  preview?: (client: QueryClient) => Promise<PreviewPage>;
  /** How many notices a large document will hold, told while it is built. */
  count?: (client: QueryClient) => Promise<number>;
}

/**
 * 下载公文: a disclosure button opening the list of documents. The chosen item stays marked while it
 * builds and after a failure (which says what failed and offers a retry), so nothing has to be picked
 * again; a preview shows the first page's text before anything is built.
 */
export function DocumentsMenu({ items }: { items: DocItem[] }) {
  const t = useT();
  const client = useQueryClient();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<DocItem | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [preview, setPreview] = useState<{ item: DocItem; page: PreviewPage } | null>(null);
  const busy = phase.kind === 'building';
  // Escape closes the open menu and returns focus to its button.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const run = async (item: DocItem) => {
    setSelected(item);
    setPreview(null);
    setPhase({ kind: 'building', n: null });
    // The count arrives first (one cached query) and names the size of the wait while docx works.
    item
      .count?.(client)
      .then((n) => setPhase((p) => (p.kind === 'building' ? { kind: 'building', n } : p)))
      .catch(() => {});
    try {
      const [file, { saveDocx }] = await Promise.all([item.build(client), import('./save')]);
      saveDocx(file);
      setPhase({ kind: 'done', file: file.filename });
    } catch (e) {
      setPhase({ kind: 'failed', message: errorMessage(t, e) });
    }
  };
  const showPreview = async (item: DocItem) => {
    setSelected(item);
    setPhase({ kind: 'idle' });
    try {
      setPreview({ item, page: await item.preview!(client) });
    } catch (e) {
      setPhase({ kind: 'failed', message: errorMessage(t, e) });
    }
  };

  return (
    <div className="docs-menu">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⇩</span> {t('docs.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <section id={panelId} className="docs-menu__panel" aria-label={t('docs.menuLabel')}>
          <ul className="docs-menu__list">
            {items.map((item) => (
              <li
                key={item.id}
                className={selected?.id === item.id ? 'docs-menu__row is-selected' : 'docs-menu__row'}
              >
                <div className="docs-menu__choice">
                  <button
                    type="button"
                    className="docs-menu__item"
                    disabled={busy}
                    aria-describedby={`${panelId}-${item.id}`}
                    onClick={() => run(item)}
                  >
                    {item.label}
                  </button>
                  <span className="docs-menu__hint" id={`${panelId}-${item.id}`}>
                    {item.hint}
                  </span>
                </div>
                {item.preview ? (
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={busy}
                    aria-label={`${t('docs.preview')}：${item.label}`}
                    onClick={() => showPreview(item)}
                  >
                    {t('docs.preview')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="docs-menu__format">{t('docs.format')}</p>
          {selected ? (
            <BuildStatus label={selected.label} phase={phase} onRetry={() => run(selected)} />
          ) : null}
          {preview ? (
            <PreviewSheet label={preview.item.label} page={preview.page} onClose={() => setPreview(null)} />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
