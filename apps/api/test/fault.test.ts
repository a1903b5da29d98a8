/**
 * The API survives its database going away and its own process being killed: requests get 503
 * quickly while PostgreSQL is down, /api/health says so, it recovers by itself, and no acknowledged
 * write is lost. SIGTERM lets in-flight requests finish. Runs the built server (dist/main.js) as a
 * child process against an embedded PostgreSQL of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '../src/database/embedded-postgres.js';
import {
  API_MAIN,
  freePort,
  sleep,
  startProcess,
  waitHealthy,
  type RunningProcess,
} from './support/processes.js';
import { storedValues } from './support/test-database.js';

const PASSWORD = 'fault-test-password';

describe('faults: database down, server killed, graceful shutdown', () => {
  let dataDir: string;
  let pgPort: number;
  let database: EmbeddedPostgresHandle;
  let apiPort: number;
  let server: RunningProcess | undefined;
  const servers: RunningProcess[] = [];
  /** What every server started here printed. */
  const log = () => servers.flatMap((started) => started.log);
  const summary = { inputsTried: 0, rejectedCorrectly: 0, writesAcknowledged: 0, writesFound: 0 };

  const base = () => `http://127.0.0.1:${apiPort}`;

  async function startServer(): Promise<void> {
    server = startProcess('api', API_MAIN, {
      DATABASE_URL: database.url,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      DB_RETRY_ATTEMPTS: '10',
      LOGIN_RATE_PER_MINUTE: '1000',
    });
    servers.push(server);
    await waitHealthy(base(), server);
  }

  async function token(): Promise<string> {
    const response = await fetch(`${base()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'odien', password: PASSWORD }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cb-fault-'));
    pgPort = await freePort();
    apiPort = await freePort();
    database = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await startServer();
  });

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await database?.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    process.stdout.write(
      `fault test: inputs tried ${summary.inputsTried}, rejected correctly ${summary.rejectedCorrectly}, writes acknowledged ${summary.writesAcknowledged}, writes found after fault ${summary.writesFound}\n`,
    );
  });

  it('keeps every acknowledged write through a database outage and a killed server', async () => {
    let bearer = await token();
    const units = (await (
      await fetch(`${base()}/api/units`, { headers: { authorization: `Bearer ${bearer}` } })
    ).json()) as { id: string }[];
    const unitId = units[0]!.id;
    const acknowledged = new Map<string, number>();
    const statuses: number[] = [];
    const unexpected: string[] = [];
    let sent = 0;
    let stop = false;
    // Bounded in count and in time: the writers stop when told, at 3,000 requests, or after 60 s.
    const TOTAL = 3000;
    const deadline = Date.now() + 60_000;
    const periods = Array.from(
      { length: TOTAL },
      (_, index) => `${2031 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
    );

    const writer = async () => {
      while (!stop && sent < TOTAL && Date.now() < deadline) {
        const index = sent;
        sent += 1;
        const period = periods[index]!;
        const value = 50 + (index % 50);
        // Every tenth request is bad input: it must be refused with 400, whatever else is going on.
        const bad = index % 10 === 0;
        const body = bad
          ? { unitId, indicatorCode: 'TTHC.ONTIME', period: '2031-13', value }
          : { unitId, indicatorCode: 'TTHC.ONTIME', period, value };
        const started = Date.now();
        const response = await fetch(`${base()}/api/results`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        }).catch(() => undefined);
        const status = response?.status ?? 0;
        statuses.push(status);
        if (status >= 500 && status !== 503)
          unexpected.push(`${status} ${await response!.text().catch(() => '')}`);
        if (bad) {
          summary.inputsTried += 1;
          // While the server is down the request cannot be answered; otherwise it is a 400 — never a 5xx but 503.
          if (status === 400 || status === 0 || status === 503) summary.rejectedCorrectly += 1;
        } else if (status === 201 || status === 200) {
          acknowledged.set(period, value);
        } else if (status === 503) {
          expect(Date.now() - started, 'a 503 comes quickly').toBeLessThan(8000);
        }
        await sleep(status === 0 || status === 503 ? 100 : 10);
      }
    };

    const load = Promise.all([writer(), writer(), writer()]);
    // Let some writes land, then take the database away.
    while (acknowledged.size < 40) await sleep(20);
    await database.stop();
    await sleep(500);
    const downHealth = await fetch(`${base()}/api/health`, { signal: AbortSignal.timeout(5000) });
    expect(downHealth.status).toBe(503);
    expect(((await downHealth.json()) as { database: string }).database).toBe('down');
    await sleep(1500);
    database = await startEmbeddedPostgres({ dataDir, port: pgPort });
    // It recovers by itself.
    let recovered = false;
    for (let attempt = 0; attempt < 40 && !recovered; attempt += 1) {
      recovered = (await fetch(`${base()}/api/health`).catch(() => undefined))?.status === 200;
      if (!recovered) await sleep(250);
    }
    expect(recovered).toBe(true);
    // Now kill the server itself mid-load, and start it again.
    const before = acknowledged.size;
    while (acknowledged.size < before + 30 && sent < TOTAL && Date.now() < deadline)
      await sleep(20);
    server!.child.kill('SIGKILL');
    await sleep(300);
    await startServer();
    bearer = await token();
    const afterRestart = acknowledged.size;
    while (acknowledged.size < afterRestart + 50 && sent < TOTAL && Date.now() < deadline)
      await sleep(20);
    stop = true;
    await load;

    // Any answer but 503 among the 5xx, with its body and the server's error lines.
    expect(
      unexpected,
      log()
        .join('')
        .split('\n')
        .filter((line, index, lines) =>
          // The error line of each 5xx but 503, with the stack lines after it.
          lines.slice(Math.max(0, index - 12), index + 1).some((before) =>
            // (Nest colours its lines: the status follows an escape sequence's "m".)
            /ERROR.*[^\d.]5(0[0-24-9]|[1-9]\d) (GET|PUT|POST|PATCH|DELETE)/.test(before),
          ),
        )
        .join('\n')
        .slice(0, 6000),
    ).toEqual([]);
    expect(statuses.some((status) => status === 503 || status === 0)).toBe(true);
    summary.writesAcknowledged = acknowledged.size;
    const stored = await storedValues(database.url, {
      unitId,
      indicatorCode: 'TTHC.ONTIME',
      fromPeriod: '2031',
    });
    summary.writesFound = [...acknowledged].filter(
      ([period, value]) => stored.get(period) === value,
    ).length;
    expect(summary.writesFound).toBe(summary.writesAcknowledged);
    expect(summary.writesAcknowledged).toBeGreaterThan(100);
    expect(summary.rejectedCorrectly).toBe(summary.inputsTried);
  });

  it('finishes in-flight requests on SIGTERM, then exits', async () => {
    const bearer = await token();
    const lines = [
      'Mã đơn vị,Mã chỉ số,Kỳ,Giá trị',
      ...Array.from(
        { length: 20_000 },
        (_, index) =>
          `HN.O_DIEN,TTHC.DIGITIZE,${2040 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')},${50 + (index % 40)}`,
      ),
    ];
    // Periods repeat after 12 × 1000 rows only if the file is longer; keep them unique.
    const unique = [...new Set(lines)];
    const form = new FormData();
    form.append('file', new Blob([unique.join('\n')], { type: 'text/csv' }), 'lon.csv');
    const inFlight = fetch(`${base()}/api/results/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}` },
      body: form,
    });
    await sleep(150);
    server!.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { imported: number }).imported).toBe(unique.length - 1);
    expect(await server!.exited).toBe(0);
    server = undefined;
  });
});
