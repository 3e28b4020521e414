import { http } from 'msw';
import { registerLargeBuilder, STORAGE_KEY, type StorageLike } from '../db/store';

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

/**
 * Runs ahead of the reset handler: returning nothing lets msw fall through to it, by which time the
 * large builder is registered.
 */
export const largeDatasetLoader = http.post('*/api/demo/reset', async ({ request }) => {
  try {
    const body = (await request.clone().json()) as { dataset?: string } | null;
    if (body?.dataset === 'large') await loadLargeBuilder();
  } catch {
    // A bad body is the reset handler's to refuse.
  }
  return undefined;
});
