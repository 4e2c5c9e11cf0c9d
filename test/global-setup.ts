import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export const TEST_PORT = 4179;
let server: ChildProcess | undefined;

/** Serves the built app (dist/) with vite preview for the browser tests. */
export async function setup(): Promise<void> {
  server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(TEST_PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${TEST_PORT}/`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`vite preview did not start on ${url}`);
}

export async function teardown(): Promise<void> {
  server?.kill();
}
