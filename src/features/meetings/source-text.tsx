import { type ReactNode, useEffect, useRef } from 'react';
import type { Directive } from '../../domain/schemas';

/** The full text with the selected directive's heading and measures marked (outline + colour). */
export function SourceText({
  text,
  directive,
  label,
}: {
  text: string;
  directive: Directive | null;
  label: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const box = useRef<HTMLElement>(null);
  // Scroll only the text box, not the page, so the header and the tree stay where they are.
  useEffect(() => {
    const mark = ref.current;
    const container = box.current;
    if (mark && container && directive) {
      container.scrollTop = Math.max(0, mark.offsetTop - container.offsetTop - container.clientHeight / 3);
    }
  }, [directive]);
  const parts: ReactNode[] = [];
  if (directive) {
    const marks = [
      { span: directive.headingSpan, kind: 'heading' as const },
      ...directive.measureSpans.map((span) => ({ span, kind: 'measure' as const })),
    ].sort((a, b) => a.span[0] - b.span[0]);
    let at = 0;
    marks.forEach((m, i) => {
      const [s, e] = m.span;
      if (s < at || e > text.length) return;
      parts.push(text.slice(at, s));
      parts.push(
        <mark key={i} ref={i === 0 ? ref : undefined} className={`hl hl--${m.kind}`}>
          {text.slice(s, e)}
        </mark>,
      );
      at = e;
    });
    parts.push(text.slice(at));
  } else parts.push(text);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="source-text" ref={box} tabIndex={0} aria-label={label}>
      {parts}
    </section>
  );
}
