/**
 * Props for a box that may scroll (a wide table on a phone): keyboard users can focus it and scroll
 * with the arrow keys, and screen readers announce it by name (axe: scrollable-region-focusable).
 * A group, not a region: the section around it is already the landmark with this name.
 */
export function scrollRegion(label: string) {
  return { role: 'group', 'aria-label': label, tabIndex: 0 } as const;
}
