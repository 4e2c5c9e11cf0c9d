import type { ReturnsContext } from '../../domain/import/returns';
import type { ReturnsFileResult } from '../../domain/import/returns-file';

function viaWorker(bytes: Uint8Array, ctx: ReturnsContext): Promise<ReturnsFileResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./returns-worker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<{ result?: ReturnsFileResult; error?: string }>) => {
      done();
      if (event.data.result) resolve(event.data.result);
      else reject(new Error(event.data.error ?? 'worker failed'));
    };
    worker.onerror = (event) => {
      done();
      reject(new Error(event.message || 'worker failed'));
    };
    // Copied, not transferred: the bytes stay here for the main-thread fallback.
    worker.postMessage({ bytes, ctx });
  });
}

/**
 * Reads a return in a worker, so that a large workbook never freezes the page; where a worker
 * cannot run (an old browser, a failure to load it), on the main thread with the same code.
 */
export async function readReturns(
  bytes: Uint8Array,
  ctx: ReturnsContext,
): Promise<ReturnsFileResult> {
  if (typeof Worker !== 'undefined') {
    try {
      return await viaWorker(bytes, ctx);
    } catch {
      // Fall through to the main thread.
    }
  }
  const { readReturnsFile } = await import('../../domain/import/returns-file');
  return readReturnsFile(bytes, ctx);
}
