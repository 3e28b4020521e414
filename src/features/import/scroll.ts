/**
 * Scrolls only `box` (not the page) so `el` is in view: `scrollIntoView` would also move the window
 * and push the step header and the other column out of sight.
 */
export function scrollWithin(
  box: Element | null | undefined,
  el: Element | null | undefined,
  mode: 'center' | 'nearest',
) {
  if (!box || !el) return;
  const b = box.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (mode === 'center') {
    box.scrollTop += r.top - b.top - (b.height - r.height) / 2;
    return;
  }
  if (r.top < b.top) box.scrollTop += r.top - b.top;
  else if (r.bottom > b.bottom) box.scrollTop += Math.min(r.bottom - b.bottom, r.top - b.top);
}
