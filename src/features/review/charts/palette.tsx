/**
 * Chart colours: the Okabe–Ito palette (safe for colour-blind readers), each state also carrying a
 * pattern so bars stay apart in greyscale print, and direct labels wherever there is room.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

export type PatternKind = 'solid' | 'hatch' | 'dots' | 'cross' | 'grid';

export interface SeriesStyle {
  color: string;
  pattern: PatternKind;
}

export const STATE_STYLE = {
  done: { color: OKABE_ITO.green, pattern: 'solid' },
  inProgress: { color: OKABE_ITO.blue, pattern: 'hatch' },
  overdue: { color: OKABE_ITO.vermillion, pattern: 'dots' },
} as const satisfies Record<string, SeriesStyle>;

export const WARNING_STYLE = {
  overdue: { color: OKABE_ITO.vermillion, pattern: 'dots' },
  'due-soon': { color: OKABE_ITO.orange, pattern: 'hatch' },
  behind: { color: OKABE_ITO.purple, pattern: 'cross' },
  'not-reported': { color: '#6b6b6b', pattern: 'grid' },
  normal: { color: OKABE_ITO.green, pattern: 'solid' },
} as const satisfies Record<string, SeriesStyle>;

/** A safe id fragment from React's useId (which contains colons). */
export const patternId = (prefix: string, name: string) => `${prefix.replace(/[^a-zA-Z0-9_-]/g, '')}-${name}`;

export function fillOf(prefix: string, name: string, style: SeriesStyle): string {
  return style.pattern === 'solid' ? style.color : `url(#${patternId(prefix, name)})`;
}

/** SVG pattern definitions, rendered inside each chart's own <svg> so exports carry them along. */
export function PatternDefs({ prefix, styles }: { prefix: string; styles: Record<string, SeriesStyle> }) {
  return (
    <defs>
      {Object.entries(styles)
        .filter(([, s]) => s.pattern !== 'solid')
        .map(([name, s]) => (
          <pattern key={name} id={patternId(prefix, name)} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={s.color} />
            {s.pattern === 'hatch' ? (
              <path d="M-2 10 L10 -2 M-2 2 L2 -2 M6 10 L10 6" stroke="#fff" strokeWidth="1.6" />
            ) : null}
            {s.pattern === 'dots' ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
            {s.pattern === 'cross' ? <path d="M0 0 L8 8 M8 0 L0 8" stroke="#fff" strokeWidth="1.2" /> : null}
            {s.pattern === 'grid' ? <path d="M4 0 V8 M0 4 H8" stroke="#fff" strokeWidth="1.2" /> : null}
          </pattern>
        ))}
    </defs>
  );
}
