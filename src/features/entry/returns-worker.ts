/// <reference lib="webworker" />
import { readReturnsFile } from '../../domain/import/returns-file';
import type { ReturnsContext } from '../../domain/import/returns';

/**
 * Reads a department's return off the main thread: ExcelJS and the value rules take about
 * 0.2–0.6 s for 4,500 cells on the development machine (scripts/measure-import.ts), enough to
 * freeze the page. The result is plain data and comes back by structured clone.
 */
self.onmessage = (event: MessageEvent<{ bytes: Uint8Array; ctx: ReturnsContext }>) => {
  const { bytes, ctx } = event.data;
  readReturnsFile(bytes, ctx).then(
    (result) => self.postMessage({ result }),
    (error: unknown) => self.postMessage({ error: String(error) }),
  );
};
