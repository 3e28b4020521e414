import { registerLargeBuilder, STORAGE_KEY, type StorageLike } from '../store/persist';

/**
 * The 10,000-task generator is a separate chunk: the ordinary demo never downloads it. It is loaded
 * when the stored demo data is the large set (before the database boots) or when a reset asks for it.
 */
export async function loadLargeBuilder(): Promise<void> {
  const m = await import('./build-large');
  registerLargeBuilder(() => m.buildLargeDb());
}

/** Whether the browser's stored demo data is the large set (it is regenerated, never stored). */
export function storedIsLarge(storage: StorageLike | null): boolean {
  try {
    return /"dataset":"large"/.test(storage?.getItem(STORAGE_KEY) ?? '');
  } catch {
    return false;
  }
}
