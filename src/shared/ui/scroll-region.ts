/**
 * Props for a box that may scroll (a wide table on a phone): keyboard users can focus it and scroll
 * with the arrow keys, and screen readers announce it by name (axe: scrollable-region-focusable).
 */
export function scrollRegion(label: string) {
  return { role: 'region', 'aria-label': label, tabIndex: 0 } as const;
}
