import { useSyncExternalStore } from 'react';

/** Phones (and narrow windows): tables become card lists, filters move into a sheet. */
export const PHONE = '(max-width: 640px)';

/** Whether a media query matches now, following changes (rotation, a resized window). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = window.matchMedia?.(query);
      m?.addEventListener('change', onChange);
      return () => m?.removeEventListener('change', onChange);
    },
    // jsdom has no matchMedia: tests see the desktop layout.
    () => window.matchMedia?.(query).matches ?? false,
    () => false,
  );
}
