import { memo, useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n';
import type { DraftDirective, Span } from '../../shared/stores/import-draft';
import { scrollWithin } from './scroll';

interface Mark {
  span: Span;
  kind: 'heading' | 'measure';
  directiveId: string;
}

/** Non-overlapping marks in text order; an edited span that overlaps an earlier one is skipped. */
function marksOf(directives: readonly DraftDirective[], length: number): Mark[] {
  const all: Mark[] = [];
  for (const d of directives) {
    all.push({ span: d.headingSpan, kind: 'heading', directiveId: d.id });
    for (const m of d.measures) all.push({ span: m.span, kind: 'measure', directiveId: d.id });
  }
  all.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const out: Mark[] = [];
  let at = 0;
  for (const m of all) {
    if (m.span[0] < at || m.span[1] > length || m.span[1] <= m.span[0]) continue;
    out.push(m);
    at = m.span[1];
  }
  return out;
}

/** Offset of a DOM position inside the container, counted in characters of the source text. */
export function offsetIn(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The source text with every heading (outlined) and measure (underlined) marked; the selected
 * directive's marks are emphasised and scrolled into view. Clicking a mark selects its directive.
 */
export const SourcePreview = memo(
  function SourcePreview({
    text,
    directives,
    selectedId,
    onSelect,
    onPick,
  }: {
    text: string;
    directives: readonly DraftDirective[];
    selectedId: string | null;
    onSelect: (id: string) => void;
    onPick: (pick: { span: Span; text: string } | null) => void;
  }) {
    const t = useT();
    const ref = useRef<HTMLElement>(null);
    const marks = useMemo(() => marksOf(directives, text.length), [directives, text.length]);
    useEffect(() => {
      if (!selectedId) return;
      scrollWithin(
        ref.current,
        ref.current?.querySelector(`[data-directive="${CSS.escape(selectedId)}"]`),
        'center',
      );
    }, [selectedId]);
    const readSelection = () => {
      const sel = window.getSelection();
      const box = ref.current;
      if (!sel || !box || sel.rangeCount === 0 || sel.isCollapsed) return onPick(null);
      const r = sel.getRangeAt(0);
      if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return onPick(null);
      const s = offsetIn(box, r.startContainer, r.startOffset);
      const e = offsetIn(box, r.endContainer, r.endOffset);
      const raw = text.slice(s, e);
      const lead = raw.length - raw.trimStart().length;
      const picked = raw.trim();
      onPick(picked ? { span: [s + lead, s + lead + picked.length], text: picked } : null);
    };
    const parts: React.ReactNode[] = [];
    let at = 0;
    marks.forEach((m, i) => {
      parts.push(text.slice(at, m.span[0]));
      const on = m.directiveId === selectedId;
      parts.push(
        <mark
          key={i}
          data-directive={m.directiveId}
          className={`hl hl--${m.kind}${on ? ' is-selected' : ''}`}
        >
          {text.slice(m.span[0], m.span[1])}
        </mark>,
      );
      at = m.span[1];
    });
    parts.push(text.slice(at));
    const onClick = (e: React.MouseEvent) => {
      const id = (e.target as HTMLElement).closest?.('[data-directive]')?.getAttribute('data-directive');
      if (id && window.getSelection()?.isCollapsed !== false) onSelect(id);
    };
    const label = t('import.preview.label');
    // Clicking a mark is a mouse shortcut: keyboard users select directives in the tree beside it.
    const events = { onMouseUp: readSelection, onKeyUp: readSelection, onClick };
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      <section ref={ref} className="source-text import-preview" aria-label={label} tabIndex={0} {...events}>
        {parts}
      </section>
    );
  },
  // Marks depend on spans only: rewording a heading must not re-render a long text.
  (a, b) =>
    a.text === b.text &&
    a.selectedId === b.selectedId &&
    a.onSelect === b.onSelect &&
    a.onPick === b.onPick &&
    sameSpans(a.directives, b.directives),
);

function sameSpans(a: readonly DraftDirective[], b: readonly DraftDirective[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    if (x === y) return true;
    if (x.id !== y.id || x.headingSpan !== y.headingSpan || x.measures.length !== y.measures.length)
      return false;
    return x.measures.every((m, j) => m.span === y.measures[j]!.span);
  });
}
