import type { TestProject } from 'vitest/node';
import { startPreview, type PreviewServer } from './preview-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Serves the built app (dist/) for the browser tests. */
export async function setup(project: TestProject): Promise<void> {
  server = await startPreview();
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
