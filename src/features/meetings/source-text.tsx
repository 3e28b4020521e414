import { useEffect, useRef } from 'react';
import type { Directive } from '../../domain/schemas';

/** The full text with the selected directive's heading and measures marked (outline + colour). */
export function SourceText({ text, directive }: { text: string; directive: Directive | null }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [directive?.id]);
  if (!directive) return <div className="source-text">{text}</div>;
  const marks = [
    { span: directive.headingSpan, kind: 'heading' as const },
    ...directive.measureSpans.map((span) => ({ span, kind: 'measure' as const })),
  ].sort((a, b) => a.span[0] - b.span[0]);
  const parts: React.ReactNode[] = [];
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
  return <div className="source-text">{parts}</div>;
}
