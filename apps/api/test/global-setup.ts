/**
 * Test database server: the one at DATABASE_URL when set (each test file then creates and drops its
 * own database on it), else an embedded PostgreSQL started for this run in a temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '../src/database/embedded-postgres.js';
import { freePort } from './support/processes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

let embedded: EmbeddedPostgresHandle | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    project.provide('adminDatabaseUrl', url);
    return;
  }
  dataDir = await mkdtemp(join(tmpdir(), 'commune-bench-test-'));
  embedded = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'commune_bench_test',
  });
  project.provide('adminDatabaseUrl', embedded.url);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
