import type { DocxFile } from '../../domain/documents';
import type { DocJob, JobResult } from './job';

/** A worker that failed to start (an old browser, a strict CSP): build on the main thread instead. */
class NoWorker extends Error {}

function inWorker(job: DocJob): Promise<DocxFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./docx.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<JobResult>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.file);
      else reject(new Error(e.data.message));
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      reject(new NoWorker());
    });
    worker.postMessage(job);
  });
}

/** The job's .docx, built in a worker where the browser has one (jsdom has not), else inline. */
export async function generate(job: DocJob): Promise<DocxFile> {
  if (typeof Worker !== 'undefined') {
    try {
      return await inWorker(job);
    } catch (e) {
      if (!(e instanceof NoWorker)) throw e;
    }
  }
  const { runJob } = await import('./run-job');
  return runJob(job);
}
