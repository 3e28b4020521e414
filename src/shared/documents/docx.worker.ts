import type { DocJob, JobResult } from './job';
import { runJob } from './run-job';

/**
 * Builds documents off the main thread: docx needs seconds for a unit's 300 notices, and the page (its
 * progress line among it) stays responsive meanwhile. The bytes come back transferred, not copied.
 */
const scope = self as unknown as Worker;
scope.addEventListener('message', async (e: MessageEvent<DocJob>) => {
  let result: JobResult;
  try {
    result = { ok: true, file: await runJob(e.data) };
  } catch (err) {
    result = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(result, result.ok ? [result.file.bytes.buffer] : []);
});
