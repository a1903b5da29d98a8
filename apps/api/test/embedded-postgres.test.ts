import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTraversable } from '../src/database/embedded-postgres.js';

describe('makeTraversable (running the embedded PostgreSQL as root)', () => {
  let base: string | undefined;
  afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('lets others traverse the parents and keeps every other permission bit, sticky bits included', async () => {
    base = await mkdtemp(join(tmpdir(), 'cb-traverse-'));
    const privateDir = join(base, 'private');
    const sharedDir = join(privateDir, 'shared');
    const data = join(sharedDir, 'data');
    await mkdir(data, { recursive: true });
    await chmod(privateDir, 0o700);
    await chmod(sharedDir, 0o1777);
    await makeTraversable(data);
    expect((await stat(privateDir)).mode & 0o7777).toBe(0o701);
    expect((await stat(sharedDir)).mode & 0o7777).toBe(0o1777);
  });
});
