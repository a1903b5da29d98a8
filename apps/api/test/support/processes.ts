/** The built API and worker run as child processes, as they run in production. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const API_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const WORKER_MAIN = fileURLToPath(new URL('../../dist/worker.js', import.meta.url));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port free on loopback now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  /** Everything it printed. */
  log: string[];
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export function startProcess(
  name: string,
  script: string,
  env: Record<string, string | undefined>,
): RunningProcess {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { name, child, log, exited };
}

/** Waits until GET /api/health answers 200 (or the process dies, or 60 s pass). */
export async function waitHealthy(base: string, running: RunningProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (running.child.exitCode !== null) break;
    const health = await fetch(`${base}/api/health`).catch(() => undefined);
    if (health?.status === 200) return;
    await sleep(250);
  }
  throw new Error(`${running.name} did not start:\n${running.log.join('').slice(-3000)}`);
}
