/**
 * Starts the built API (which also serves the built web app) on free ports with a fresh data
 * directory, waits for /api/health, and stops it with SIGINT after the run. With E2E_BASE_URL set,
 * the tests use that server instead and nothing is started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

const WEB_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API_MAIN = fileURLToPath(new URL('../../../api/dist/main.js', import.meta.url));
const WEB_DIST = join(WEB_ROOT, 'dist');
const E2E_PASSWORD = 'e2e-demo-password-1';
const STARTUP_TIMEOUT_MS = 150_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The API exited with code ${server.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `The API did not become healthy within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}

export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/+$/, ''));
    project.provide(
      'demoPassword',
      process.env.E2E_DEMO_PASSWORD ?? process.env.DEMO_PASSWORD ?? '',
    );
    return;
  }
  for (const [path, what] of [
    [API_MAIN, 'the API build (apps/api/dist)'],
    [join(WEB_DIST, 'index.html'), 'the web build (apps/web/dist)'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`Missing ${what}: run \`pnpm run build\` first.`);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'commune-bench-e2e-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  // The embedded PostgreSQL, never a server named in the environment.
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server = spawn(process.execPath, [API_MAIN], {
    env: {
      ...environment,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_PASSWORD: E2E_PASSWORD,
      WEB_DIST,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGINT');
      const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', E2E_PASSWORD);
  return stop;
}
