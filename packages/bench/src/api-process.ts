/**
 * Starting the built API (apps/api/dist/main.js) as a child process: once to migrate a database,
 * and for the benchmark on a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, from packages/bench/dist/*.js. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const API_MAIN = `${REPO_ROOT}apps/api/dist/main.js`;

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** The last 20,000 characters the API wrote (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the API and resolves once /api/health answers 200. BENCH_API_NODE_ARGS adds options for
 * the API's Node.js (`--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a measurement's time goes;
 * NODE_OPTIONS refuses --cpu-prof).
 */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  if (!existsSync(API_MAIN))
    throw new Error(`${API_MAIN} is missing: build the API first (pnpm run build)`);
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`the API exited (code ${String(code)}) before it served:\n${output}`)),
    ),
  );
  const deadline = Date.now() + 300_000;
  const ready = (async () => {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the API did not answer in time:\n${output}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    port,
    baseUrl,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The resident set size of a process in bytes (Linux /proc), or null. */
export function rssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds a process has used (user + system: /proc/<pid>/stat fields 14 and 15, in clock ticks
 * of 1/100 s on Linux), or null.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Migrates the database (and loads the reference data) by starting the API once, then stops it. */
export async function migrate(databaseUrl: string): Promise<void> {
  const api = await startApi(databaseUrl);
  await api.stop();
}
