/**
 * Beyond one machine: two API instances and a worker, started here as separate processes on their
 * own ports, against one PostgreSQL (the test server, 127.0.0.1:5432 in CI) and one Redis
 * (REDIS_URL, else 127.0.0.1:6379). Any instance serves any request, the login limit is shared,
 * a job outlives the instance that queued it, and a killed instance loses no acknowledged write.
 */
import type { TJobView } from '@commune-bench/domain';
import { Redis } from 'ioredis';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import {
  API_MAIN,
  freePort,
  sleep,
  startProcess,
  waitHealthy,
  WORKER_MAIN,
  type RunningProcess,
} from './support/processes.js';
import { createTestDatabase, storedValues, type TestDatabase } from './support/test-database.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'scale-out-test-password';

interface Instance {
  base: string;
  process: RunningProcess;
}

describe('two API instances and a worker on one PostgreSQL and one Redis', () => {
  let database: TestDatabase;
  const prefix = `cbtest-${randomBytes(4).toString('hex')}`;
  const running: RunningProcess[] = [];
  let a: Instance;
  let b: Instance;

  const env = (extra: Record<string, string>) => ({
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    HOST: '127.0.0.1',
    DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '5',
    DB_RETRY_ATTEMPTS: '10',
    LOGIN_RATE_PER_MINUTE: '8',
    LOGIN_MAX_FAILURES: '100',
    // The API instances queue jobs; only the worker runs them.
    RUN_JOBS: 'false',
    ...extra,
  });

  async function startApi(name: string): Promise<Instance> {
    const port = await freePort();
    const started = startProcess(name, API_MAIN, env({ PORT: String(port) }));
    running.push(started);
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(base, started);
    return { base, process: started };
  }

  async function login(instance: Instance, username: string, password = PASSWORD, from?: string) {
    return fetch(`${instance.base}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(from === undefined ? {} : { 'x-forwarded-for': from }),
      },
      body: JSON.stringify({ username, password }),
    });
  }

  async function token(instance: Instance, username: string): Promise<string> {
    const response = await login(instance, username, PASSWORD, '192.0.2.10');
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  const authed = (bearer: string, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: {
      ...init.headers,
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
    },
  });

  beforeAll(async () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    await redis.connect().catch((error: unknown) => {
      throw new Error(`Redis at ${REDIS_URL} is needed for this test: ${String(error)}`);
    });
    await redis.quit();
    database = await createTestDatabase();
    // Both instances start at once on an empty database: one migrates and loads the demo data,
    // the other waits for the locks and finds the work done.
    [a, b] = await Promise.all([startApi('api-a'), startApi('api-b')]);
    running.push(startProcess('worker', WORKER_MAIN, env({})));
  });

  afterAll(async () => {
    for (const started of running)
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    await Promise.all(running.map((started) => started.exited));
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await database?.drop();
  });

  it('started together, the two instances migrated once and loaded the demo data once', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const migrations = await client.query('SELECT name FROM migrations');
    const demoUsers = await client.query(
      `SELECT count(*)::int AS n FROM users WHERE username = 'odien'`,
    );
    await client.end();
    expect(migrations.rowCount).toBe(MIGRATIONS.length);
    expect(demoUsers.rows[0]).toEqual({ n: 1 });
  });

  it('a token from A works on B, and a write through A is read through B', async () => {
    const bearer = await token(a, 'odien');
    const me = await fetch(`${b.base}/api/auth/me`, authed(bearer));
    expect(me.status).toBe(200);
    const { scope } = (await me.json()) as { scope: { unitId: string } };
    const written = await fetch(
      `${a.base}/api/results`,
      authed(bearer, {
        method: 'PUT',
        body: JSON.stringify({
          unitId: scope.unitId,
          indicatorCode: 'TTHC.ONTIME',
          period: '2039-01',
          value: 91.25,
        }),
      }),
    );
    expect(written.status).toBe(201);
    const read = await fetch(
      `${b.base}/api/results?unitId=${scope.unitId}&indicator=TTHC.ONTIME&period=2039-01`,
      authed(bearer),
    );
    expect(((await read.json()) as { value: number }[]).map((result) => result.value)).toEqual([
      91.25,
    ]);
  });

  it('an account disabled through A is refused by B at once, though B had just served it', async () => {
    const admin = await token(a, 'admin');
    const created = await fetch(
      `${a.base}/api/users`,
      authed(admin, {
        method: 'POST',
        body: JSON.stringify({
          username: 'reviewer.scaleout',
          displayName: 'Chuyên viên thử',
          password: 'mat-khau-thu-2026',
          role: 'reviewer',
          scopeProvinces: ['HNI'],
        }),
      }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const signedIn = await login(b, 'reviewer.scaleout', 'mat-khau-thu-2026', '192.0.2.77');
    const { accessToken } = (await signedIn.json()) as { accessToken: string };
    const me = () => fetch(`${b.base}/api/auth/me`, authed(accessToken));
    for (let i = 0; i < 3; i += 1) expect((await me()).status).toBe(200);
    const disabled = await fetch(
      `${a.base}/api/users/${id}`,
      authed(admin, { method: 'PATCH', body: JSON.stringify({ disabled: true }) }),
    );
    expect(disabled.status).toBe(200);
    // B keeps accounts it has read for a while, but hears of every change at once (Redis pub/sub).
    const started = Date.now();
    let status = (await me()).status;
    while (status !== 401 && Date.now() - started < 2000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await me()).status;
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('the login limit counts attempts on both instances together', async () => {
    const from = '198.51.100.23';
    const statuses: number[] = [];
    // 8 a minute for one address: 4 on A and 4 on B use it up, whichever instance counts.
    for (let attempt = 0; attempt < 8; attempt += 1)
      statuses.push(
        (await login(attempt % 2 === 0 ? a : b, 'khong.ton.tai', 'sai-mat-khau', from)).status,
      );
    expect(statuses).toEqual(Array(8).fill(401));
    expect((await login(a, 'odien', PASSWORD, from)).status).toBe(429);
    const overOnB = await login(b, 'odien', PASSWORD, from);
    expect(overOnB.status).toBe(429);
    expect(((await overOnB.json()) as { message: string }).message).toMatch(
      /Quá nhiều lần đăng nhập/,
    );
    // Another address is not affected.
    expect((await login(b, 'odien', PASSWORD, '198.51.100.24')).status).toBe(200);
  });

  it('a ranking cached in Redis is recomputed at once after a write through the other instance', async () => {
    const reviewer = await token(a, 'reviewer.hanoi');
    const staff = await token(b, 'odien');
    const query = new URLSearchParams({
      indicator: 'TTHC.ONLINE_DOSSIER',
      period: '2027',
      province: 'HNI',
      type: 'xa',
      include: 'submitted',
    });
    const ranking = async () =>
      (await (
        await fetch(`${a.base}/api/rankings?${query.toString()}`, authed(reviewer))
      ).json()) as {
        rows: { unitId: string; value: number }[];
      };
    const before = await ranking();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const cached = await redis.keys(`${prefix}:ranking:*`);
    await redis.quit();
    expect(cached.length).toBeGreaterThan(0);
    expect(await ranking()).toEqual(before);
    // The cached answer has a tag; asked again with it, B says nothing changed.
    const first = await fetch(`${b.base}/api/rankings?${query.toString()}`, authed(reviewer));
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"\d+-[\w-]+"$/);
    // (As a browser revalidates: fetch would otherwise add `cache-control: no-cache`, which asks
    // for a full answer.)
    const revalidate = { 'cache-control': 'max-age=0', 'if-none-match': etag! };
    const unchanged = await fetch(`${b.base}/api/rankings?${query.toString()}`, {
      headers: { authorization: `Bearer ${reviewer}`, ...revalidate },
    });
    expect(unchanged.status).toBe(304);
    // Kept compressed: sent as it is to a client that takes gzip (every browser), unpacked for one
    // that does not.
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(await first.json()).toEqual(before);
    const plain = await fetch(`${b.base}/api/rankings?${query.toString()}`, {
      headers: { authorization: `Bearer ${reviewer}`, 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).not.toBe(etag);
    expect(await plain.json()).toEqual(before);

    const { scope } = (await (await fetch(`${b.base}/api/auth/me`, authed(staff))).json()) as {
      scope: { unitId: string };
    };
    expect(before.rows.map((row) => row.unitId)).not.toContain(scope.unitId);
    const draft = await fetch(
      `${b.base}/api/results`,
      authed(staff, {
        method: 'PUT',
        body: JSON.stringify({
          unitId: scope.unitId,
          indicatorCode: 'TTHC.ONLINE_DOSSIER',
          period: '2027',
          value: 77.7,
        }),
      }),
    );
    expect(draft.status).toBe(201);
    const { id, version } = (await draft.json()) as { id: string; version: number };
    const submitted = await fetch(
      `${b.base}/api/results/${id}/submit`,
      authed(staff, { method: 'POST', body: JSON.stringify({ version }) }),
    );
    expect(submitted.status).toBe(200);
    const after = await ranking();
    expect(after.rows.find((row) => row.unitId === scope.unitId)?.value).toBe(77.7);
    // After the write the old tag no longer matches.
    const changed = await fetch(`${b.base}/api/rankings?${query.toString()}`, {
      headers: { authorization: `Bearer ${reviewer}`, ...revalidate },
    });
    expect(changed.status).toBe(200);
  });

  it('a change made straight in PostgreSQL, as psql would, reaches the rankings cached in Redis within moments', async () => {
    const reviewer = await token(a, 'reviewer.hanoi');
    const query = new URLSearchParams({
      indicator: 'TTHC.ONLINE_DOSSIER',
      period: '2026',
      province: 'HNI',
      type: 'xa',
    });
    const ranking = async (base: string) =>
      (await (
        await fetch(`${base}/api/rankings?${query.toString()}`, authed(reviewer))
      ).json()) as { rows: { unitId: string; value: number }[] };
    const before = await ranking(a.base);
    expect(await ranking(b.base)).toEqual(before);
    const last = before.rows.at(-1)!;
    expect(last.value).toBeLessThan(100);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const updated = await client.query(
      `UPDATE results SET value = 100 WHERE unit_id = $1 AND indicator_code = $2 AND period = '2026'`,
      [last.unitId, 'TTHC.ONLINE_DOSSIER'],
    );
    await client.end();
    expect(updated.rowCount).toBe(1);
    const valueOn = async (base: string) =>
      (await ranking(base)).rows.find((row) => row.unitId === last.unitId)?.value;
    await expect.poll(() => valueOn(b.base), { timeout: 5_000, interval: 50 }).toBe(100);
    expect(await valueOn(a.base)).toBe(100);
  });

  it('an export job queued on A finishes on the worker while A is stopped, and B hands out the file', async () => {
    const bearer = await token(a, 'reviewer');
    const queued = await fetch(
      `${a.base}/api/jobs/exports`,
      authed(bearer, {
        method: 'POST',
        body: JSON.stringify({
          report: 'ranking',
          format: 'xlsx',
          query: { indicator: 'TTHC.ONLINE_DOSSIER', period: '2026', type: 'xa' },
        }),
      }),
    );
    expect(queued.status).toBe(202);
    const { id } = (await queued.json()) as TJobView;
    a.process.child.kill('SIGTERM');
    expect(await a.process.exited).toBe(0);

    let job: TJobView | undefined;
    for (let attempt = 0; attempt < 240; attempt += 1) {
      job = (await (await fetch(`${b.base}/api/jobs/${id}`, authed(bearer))).json()) as TJobView;
      if (job.status === 'done' || job.status === 'failed') break;
      await sleep(250);
    }
    expect(job).toMatchObject({ status: 'done', progress: 100, error: null });
    const file = await fetch(`${b.base}/api/jobs/${id}/file`, authed(bearer));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBe(job!.file!.size);
    a = await startApi('api-a2');
  });

  it('killing one instance mid-load loses no acknowledged write, and the other keeps serving', async () => {
    const bearer = await token(b, 'odien');
    const me = (await (await fetch(`${b.base}/api/auth/me`, authed(bearer))).json()) as {
      scope: { unitId: string };
    };
    const unitId = me.scope.unitId;
    const acknowledged = new Map<string, number>();
    const onB: number[] = [];
    let sent = 0;
    let stop = false;
    const writer = (instance: () => Instance, statuses?: number[]) => async () => {
      while (!stop && sent < 2000) {
        const index = sent++;
        const period = `${2041 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
        const value = 10 + (index % 80);
        const response = await fetch(
          `${instance().base}/api/results`,
          authed(bearer, {
            method: 'PUT',
            body: JSON.stringify({ unitId, indicatorCode: 'TTHC.ONTIME', period, value }),
            signal: AbortSignal.timeout(10_000),
          }),
        ).catch(() => undefined);
        const status = response?.status ?? 0;
        statuses?.push(status);
        if (status === 201 || status === 200) acknowledged.set(period, value);
        else await sleep(50);
      }
    };
    const load = Promise.all([
      writer(() => a)(),
      writer(() => a)(),
      writer(() => b, onB)(),
      writer(() => b, onB)(),
    ]);
    while (acknowledged.size < 60) await sleep(20);
    a.process.child.kill('SIGKILL');
    await a.process.exited;
    const atKill = onB.length;
    while (onB.length < atKill + 100 && sent < 2000) await sleep(20);
    stop = true;
    await load;

    // B answered every request, before and after A died.
    expect(onB.filter((status) => status !== 201 && status !== 200)).toEqual([]);
    expect(onB.length).toBeGreaterThan(atKill + 50);
    const stored = await storedValues(database.url, {
      unitId,
      indicatorCode: 'TTHC.ONTIME',
      fromPeriod: '2041',
    });
    const missing = [...acknowledged].filter(([period, value]) => stored.get(period) !== value);
    expect(missing).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(150);
  });
});
