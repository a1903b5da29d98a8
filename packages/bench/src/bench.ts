/**
 * `node dist/bench.js --database-url postgres://…` (issue 7): against the national data set, starts
 * the built API on a free loopback port, signs in as an admin it creates, and prints medians and p95
 * over repeated runs of the issue's seven measurements, the DuckDB reference for queries 1 and 3, and
 * each goal with the measured figure and met / not met.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { findIndicator } from '@commune-bench/domain';
import argon2 from 'argon2';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuSeconds, rssBytes, startApi, type ApiProcess } from './api-process.js';
import { compositeSql, prepareDuckDb, rankingSql, type DuckReference } from './duckdb-reference.js';
import { NATIONAL_CODE_PREFIX } from './national.js';
import { formatMs, median, percentile, table } from './stats.js';

const BENCH_USER = 'bench.admin';
const INDICATOR = 'CQS.DTI';
const YEAR = 2026;

interface Measured {
  label: string;
  samples: number[];
  peakRss?: number;
  note?: string;
}

interface Options {
  databaseUrl: string;
  runs: number;
  duration: number;
  importRuns: number;
  budgetMs: number;
  /** Measurements to run (`1,3,5`), or all. */
  only: Set<string> | null;
  skipDuckDb: boolean;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function ensureAdmin(client: pg.Client): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  await client.query(
    `INSERT INTO users (username, display_name, password_hash, role, scope_provinces)
     VALUES ($1, 'Benchmark admin (issue 7)', $2, 'admin', NULL)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, disabled = false`,
    [BENCH_USER, hash],
  );
  return password;
}

async function login(api: ApiProcess, password: string): Promise<string> {
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password }),
  });
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

/** GETs a path; the time includes reading the whole body. Throws on a non-2xx answer. */
async function get(api: ApiProcess, token: string, path: string): Promise<ArrayBuffer> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.arrayBuffer();
  if (!response.ok)
    throw new Error(
      `GET ${path}: ${response.status} ${Buffer.from(body).toString().slice(0, 500)}`,
    );
  return body;
}

async function repeat(
  runs: number,
  warmup: number,
  action: () => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await action();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push((await timed(action)).ms);
  return samples;
}

/**
 * Repeats within a time budget: a first (cold) call, then as many timed runs as the budget allows
 * (at most `runs`). When the first call alone exceeds the budget it is the only sample.
 */
async function bounded(
  runs: number,
  budgetMs: number,
  action: () => Promise<unknown>,
): Promise<{ samples: number[]; cold: boolean }> {
  const first = (await timed(action)).ms;
  const n = Math.min(runs, Math.floor(budgetMs / Math.max(first, 1)));
  if (n < 1) return { samples: [first], cold: true };
  return { samples: await repeat(n, first < 1000 ? 1 : 0, action), cold: false };
}

/** Samples the API process's RSS every 10 ms while `action` runs; returns the peak in bytes. */
async function peakRss<T>(
  pid: number,
  action: () => Promise<T>,
): Promise<{ peak: number; value: T }> {
  let peak = rssBytes(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid) ?? 0);
  }, 10);
  try {
    const value = await action();
    peak = Math.max(peak, rssBytes(pid) ?? 0);
    return { peak, value };
  } finally {
    clearInterval(timer);
  }
}

/** What a browser sends: it takes gzip (the ranking cache's entries are kept gzip-compressed). */
const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br' };

/**
 * autocannon's client appends every response body to a string (for `expectBody`/`verifyBody`,
 * which this benchmark does not use). For a 37 KB gzip-compressed ranking that decoding was 84% of
 * the client's time, and the API sat idle 44% of the load: the figure was the client's. The
 * client here counts the bytes (autocannon does so apart) and leaves the bodies undecoded; what
 * the bodies hold is checked by the measurements above. `apiCpu` says how busy the API was.
 */
function skipBodyText(client: unknown): void {
  const queue = (client as { pipelinedRequests?: { addBody?: (data: Buffer) => void } })
    .pipelinedRequests;
  if (queue?.addBody === undefined) throw new Error('autocannon: no pipelinedRequests.addBody');
  queue.addBody = () => undefined;
}

async function load(
  url: string,
  token: string | null,
  duration: number,
  pid: number,
  headers: Record<string, string> = BROWSER_ENCODINGS,
): Promise<autocannon.Result & { apiCpu: number }> {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url,
    connections: 8,
    duration,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    setupClient: skipBodyText,
  });
  const cpuAfter = cpuSeconds(pid);
  const apiCpu =
    cpuBefore === null || cpuAfter === null ? Number.NaN : (cpuAfter - cpuBefore) / result.duration;
  return Object.assign(result, { apiCpu });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      runs: { type: 'string', default: '15' },
      duration: { type: 'string', default: '10' },
      'import-runs': { type: 'string', default: '3' },
      budget: { type: 'string', default: '60' },
      only: { type: 'string' },
      'skip-duckdb': { type: 'boolean', default: false },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('--database-url (or DATABASE_URL) is required\n');
    process.exit(2);
  }
  const options: Options = {
    databaseUrl,
    runs: Number(values.runs),
    duration: Number(values.duration),
    importRuns: Number(values['import-runs']),
    budgetMs: Number(values.budget) * 1000,
    only: values.only === undefined ? null : new Set(values.only.split(',')),
    skipDuckDb: values['skip-duckdb'],
  };
  await run(options);
}

async function run(options: Options): Promise<void> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const notLoaded = (found: string) =>
    new Error(
      `the national data set is not loaded (${found}): run pnpm run cli demo generate --scale national first`,
    );
  const counted = await client
    .query<{ units: string; results: string }>(
      `SELECT (SELECT count(*) FROM units WHERE code LIKE $1) AS units, (SELECT count(*) FROM results) AS results`,
      [`${NATIONAL_CODE_PREFIX}%`],
    )
    .catch((error: unknown) => {
      // 42P01: no such table, a database the API never migrated.
      throw (error as { code?: string }).code === '42P01' ? notLoaded('no schema') : error;
    });
  const unitCount = Number(counted.rows[0]!.units);
  const resultCount = Number(counted.rows[0]!.results);
  if (unitCount < 3321) throw notLoaded(`${unitCount} units`);
  const password = await ensureAdmin(client);

  // The cohort for query 2: the province with the most xã loại I in 2026, around its middle unit.
  const classAt = `c.valid_from <= DATE '${YEAR}-12-31' AND (c.valid_to IS NULL OR c.valid_to >= DATE '${YEAR}-12-31')`;
  const province = (
    await client.query<{ province_code: string }>(
      `SELECT u.province_code FROM units u JOIN unit_classifications c ON c.unit_id = u.id AND ${classAt}
        WHERE u.code LIKE $1 AND u.type = 'xa' AND c.class = 'I'
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [`${NATIONAL_CODE_PREFIX}%`],
    )
  ).rows[0]!.province_code;
  const aroundId = (
    await client.query<{ id: string }>(
      `SELECT u.id FROM units u JOIN unit_classifications c ON c.unit_id = u.id AND ${classAt}
         JOIN results r ON r.unit_id = u.id AND r.indicator_code = $2 AND r.period = $3 AND r.status = 'verified'
        WHERE u.province_code = $1 AND u.type = 'xa' AND c.class = 'I'
        ORDER BY r.value, u.id`,
      [province, INDICATOR, String(YEAR)],
    )
  ).rows;
  const around = aroundId[Math.floor(aroundId.length / 2)]!.id;
  const sixUnits = (
    await client.query<{ id: string }>(
      `SELECT id FROM units WHERE code LIKE $1 ORDER BY code LIMIT 6 OFFSET 1000`,
      [`${NATIONAL_CODE_PREFIX}%`],
    )
  ).rows.map((row) => row.id);

  log(`Data: ${unitCount} national units, ${resultCount.toLocaleString('en')} results.`);
  log('Starting the API…');
  const api = await startApi(options.databaseUrl, {
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_EXPIRES_IN_SECONDS: '7200',
  });
  const pid = api.child.pid!;
  const measured: Measured[] = [];
  const extra: Record<string, number> = {};
  let duck: DuckReference | undefined;
  const duckDir = `${tmpdir()}/commune-bench-duckdb-${process.pid}`;
  const importedPeriods: string[] = [];
  try {
    const token = await login(api, password);
    const rssIdle = rssBytes(pid) ?? 0;
    const q1 = `/api/rankings?indicator=${INDICATOR}&period=${YEAR}&type=xa&class=I`;
    const q2 = `/api/rankings?indicator=${INDICATOR}&period=${YEAR}&province=${province}&type=xa&class=I&around=${around}&k=5`;
    const q3 = `/api/rankings?indicator=composite&period=${YEAR}`;
    const q4 = `/api/comparisons?units=${sixUnits.join(',')}&period=${YEAR}`;
    const national = `indicator=${INDICATOR}&period=${YEAR}`;

    /** One measurement within the time budget, with the API's peak RSS; a failure is recorded, not fatal. */
    const step = async (
      label: () => string,
      action: () => Promise<unknown>,
      runs = options.runs,
    ): Promise<Measured | null> => {
      if (options.only !== null && !options.only.has(label().slice(0, 1))) return null;
      log(`${label()}…`);
      const started = performance.now();
      try {
        const { peak, value } = await peakRss(pid, () => bounded(runs, options.budgetMs, action));
        const entry: Measured = {
          label: label(),
          samples: value.samples,
          peakRss: peak,
          ...(value.cold ? { note: 'one cold run (over the time budget)' } : {}),
        };
        measured.push(entry);
        return entry;
      } catch (error) {
        const cause =
          error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
        const exited =
          api.child.exitCode !== null || api.child.signalCode !== null
            ? `; the API exited (${String(api.child.exitCode ?? api.child.signalCode)})`
            : '';
        const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
        if (exited) log(`API output:\n${api.output().slice(-3000)}`);
        const entry: Measured = {
          label: label(),
          samples: [],
          note: `failed after ${formatMs(performance.now() - started)}: ${message}${cause}${exited}`,
        };
        measured.push(entry);
        return entry;
      }
    };
    let ranked1 = 0;
    await step(
      () => `1) ranking xã loại I, national, ${INDICATOR} ${YEAR} (${ranked1} ranked)`,
      async () => {
        const body = JSON.parse(Buffer.from(await get(api, token, q1)).toString()) as {
          rows: unknown[];
        };
        ranked1 = body.rows.length;
      },
    );
    await step(
      () => `2) ranking xã loại I of ${province}, around, k=5`,
      () => get(api, token, q2),
    );
    await step(
      () => '4) comparison of 6 units, all indicators',
      () => get(api, token, q4),
    );
    const exportRuns = Math.max(3, Math.min(options.runs, 7));
    let xlsxBytes = 0;
    const xlsx = await step(
      () => `5a) XLSX export, national ranking (${(xlsxBytes / 1024).toFixed(0)} KiB)`,
      async () => {
        xlsxBytes = (await get(api, token, `/api/reports/ranking.xlsx?${national}`)).byteLength;
      },
      exportRuns,
    );
    extra.xlsxPeakRss = xlsx?.peakRss ?? Number.NaN;
    let pdfBytes = 0;
    const pdf = await step(
      () => `5b) PDF export, national ranking (${(pdfBytes / 1024).toFixed(0)} KiB)`,
      async () => {
        pdfBytes = (await get(api, token, `/api/reports/ranking.pdf?${national}`)).byteLength;
      },
      exportRuns,
    );
    extra.pdfPeakRss = pdf?.peakRss ?? Number.NaN;
    extra.rssIdle = rssIdle;

    const want = (key: string) => options.only === null || options.only.has(key);
    if (want('6')) {
      log('6) import of 100,000 results…');
      const importSamples: number[] = [];
      let importNote: string | undefined;
      const free = await freeMonths(client, options.importRuns);
      const units = (
        await client.query<{ code: string }>(
          `SELECT code FROM units WHERE code LIKE $1 ORDER BY code`,
          [`${NATIONAL_CODE_PREFIX}%`],
        )
      ).rows.map((row) => row.code);
      const importRss = await peakRss(pid, async () => {
        for (const period of free) {
          const csv = importCsv(units, period, 100_000);
          importedPeriods.push(period);
          const { ms, value } = await timed(async () => {
            const form = new FormData();
            form.append('file', new Blob([csv], { type: 'text/csv' }), `results-${period}.csv`);
            const response = await fetch(`${api.baseUrl}/api/results/import`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}` },
              body: form,
            });
            return { status: response.status, body: await response.text() };
          });
          const report =
            value.status === 200
              ? (JSON.parse(value.body) as { imported: number; errors: unknown[] })
              : null;
          if (report === null || report.imported !== 100_000 || report.errors.length > 0) {
            importNote = `failed (${period}, ${formatMs(ms)}): ${value.status} ${value.body.slice(0, 300)}`;
            break;
          }
          importSamples.push(ms);
        }
      });
      measured.push({
        label: `6) import of a 100,000-row results CSV (new months ${free.join(', ')})`,
        samples: importSamples,
        peakRss: importRss.peak,
        ...(importNote ? { note: importNote } : {}),
      });
    }
    if (want('7')) {
      // The machine is shared: the three loads take turns in rounds, after a warm-up of each, so
      // that a change of the machine's load falls on all three alike.
      const rounds = Math.max(1, Math.round(options.duration / 5));
      const slice = Math.max(1, Math.round(options.duration / rounds));
      log(
        `7) throughput under load (${rounds} rounds of ${slice} s each, 8 connections, loopback, accept-encoding as a browser)…`,
      );
      const targets = {
        ranking: () => load(`${api.baseUrl}${q1}`, token, slice, pid),
        health: () => load(`${api.baseUrl}/api/health`, null, slice, pid),
        plainRanking: () => load(`${api.baseUrl}${q1}`, token, slice, pid, {}),
      };
      for (const run of Object.values(targets)) await run(); // warm-up, not counted
      const results: Record<keyof typeof targets, (autocannon.Result & { apiCpu: number })[]> = {
        ranking: [],
        health: [],
        plainRanking: [],
      };
      for (let round = 0; round < rounds; round += 1)
        for (const [name, run] of Object.entries(targets) as [
          keyof typeof targets,
          () => Promise<autocannon.Result & { apiCpu: number }>,
        ][])
          results[name].push(await run());
      for (const [name, runs] of Object.entries(results)) {
        const requests = runs.reduce((sum, r) => sum + r.requests.total, 0);
        const seconds = runs.reduce((sum, r) => sum + r.duration, 0);
        extra[`${name}Rps`] = requests / seconds;
        extra[`${name}Errors`] = runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
        extra[`${name}LatencyP50`] = median(runs.map((r) => r.latency.p50));
        extra[`${name}ApiCpu`] = runs.reduce((sum, r) => sum + r.apiCpu * r.duration, 0) / seconds;
      }
    }
    // Last: the heaviest request; if it exhausts the API, the figures above are already taken.
    // The composite three ways. From nothing: every kept score thrown away first, as after a
    // national import or a change of the rules. Kept: what the requests after that are served.
    // After a write: one xã's DTI result written through the API, then the ranking.
    let ranked3 = 0;
    const composite = async () => {
      const body = JSON.parse(Buffer.from(await get(api, token, q3)).toString()) as {
        rows: unknown[];
      };
      ranked3 = body.rows.length;
    };
    if (want('3')) {
      log('3a) composite ranking, every kept score thrown away first…');
      await client.query('DELETE FROM composite_scores');
      const cold = await peakRss(pid, () => timed(composite));
      measured.push({
        label: `3a) composite ranking from nothing (kept scores emptied first)`,
        samples: [cold.value.ms],
        peakRss: cold.peak,
        note: 'one run',
      });
    }
    await step(
      () => `3) composite ranking, all units, ${YEAR} (${ranked3} ranked), scores kept`,
      composite,
    );
    if (want('3')) {
      log('3b) composite ranking after one result written…');
      // Through the API, as a commune would: a draft result for a month the data set does not
      // have (removed afterwards). The triggers bump that unit and the units whose DTI rank
      // targets it can move; the API moves the Redis cache's generation on.
      const writers = (
        await client.query<{ id: string }>(
          `SELECT u.id FROM units u WHERE u.code LIKE $1 AND u.type = 'xa'
            ORDER BY md5(u.id::text) LIMIT $2`,
          [`${NATIONAL_CODE_PREFIX}%`, Math.min(options.runs, 10)],
        )
      ).rows.map((row) => row.id);
      const month = `${YEAR}-12`;
      const samples: number[] = [];
      const recomputed: number[] = [];
      const afterWrite = await peakRss(pid, async () => {
        for (const unitId of writers) {
          const put = await fetch(`${api.baseUrl}/api/results`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ unitId, indicatorCode: INDICATOR, period: month, value: 0.5 }),
          });
          if (!put.ok) throw new Error(`PUT /api/results: ${put.status} ${await put.text()}`);
          const since = new Date();
          samples.push((await timed(composite)).ms);
          recomputed.push(
            Number(
              (
                await client.query<{ n: string }>(
                  `SELECT count(*) AS n FROM composite_scores WHERE computed_at >= $1`,
                  [since],
                )
              ).rows[0]!.n,
            ),
          );
        }
      });
      await client.query(
        `DELETE FROM results WHERE period = $1 AND indicator_code = $2 AND unit_id = ANY($3)`,
        [month, INDICATOR, writers],
      );
      measured.push({
        label: `3b) composite ranking after one ${INDICATOR} result written`,
        samples,
        peakRss: afterWrite.peak,
        note: `units computed again: median ${median(recomputed)}`,
      });
    }
  } finally {
    await api.stop();
  }

  // Keep the data set as generated: remove the imported months.
  if (importedPeriods.length > 0)
    await client.query(`DELETE FROM results WHERE period = ANY($1)`, [importedPeriods]);

  const reference: Record<string, number[]> = {};
  if (!options.skipDuckDb) {
    log('DuckDB reference: exporting to CSV, converting to Parquet…');
    try {
      duck = await prepareDuckDb(options.databaseUrl, duckDir);
      extra.duckExport = duck.exportSeconds;
      extra.duckParquet = duck.parquetSeconds;
      const indicator = findIndicator(INDICATOR)!;
      const sql1 = rankingSql(INDICATOR, YEAR, indicator.precision, indicator.direction);
      const sql3 = compositeSql(YEAR, indicator.precision);
      const connection = duck.connection;
      const rows1 = (await connection.runAndReadAll(sql1)).getRows().length;
      const rows3 = (await connection.runAndReadAll(sql3)).getRows().length;
      extra.duckRows1 = rows1;
      extra.duckRows3 = rows3;
      reference['1'] = await repeat(options.runs, 2, async () =>
        (await connection.runAndReadAll(sql1)).getRows(),
      );
      reference['3'] = await repeat(options.runs, 2, async () =>
        (await connection.runAndReadAll(sql3)).getRows(),
      );
    } finally {
      duck?.close();
      await rm(duckDir, { recursive: true, force: true });
    }
  }
  await client.end();

  print(measured, reference, extra, options);
}

async function freeMonths(client: pg.Client, count: number): Promise<string[]> {
  const taken = new Set(
    (
      await client.query<{ period: string }>(
        `SELECT DISTINCT period FROM results WHERE period ~ '^[0-9]{4}-[0-9]{2}$'`,
      )
    ).rows.map((row) => row.period),
  );
  const free: string[] = [];
  for (let year = 2025; year <= 2030 && free.length < count; year += 1)
    for (let month = 1; month <= 12 && free.length < count; month += 1) {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      if (!taken.has(period)) free.push(period);
    }
  return free;
}

/** A results CSV of `rows` rows for one month no unit has results for: unit × indicator. */
export function importCsv(unitCodes: readonly string[], period: string, rows: number): string {
  const indicators = [
    'TTHC.ONTIME',
    'TTHC.ONLINE_DOSSIER',
    'TTHC.FULL_ONLINE_SVC',
    'TTHC.PAY_ENABLED',
    'TTHC.PAY_TXN',
    'TTHC.PAY_DOSSIER',
    'TTHC.DIGITIZE',
    'TTHC.E_RESULT',
    'TTHC.DATA_REUSE',
    'TTHC.NO_RESUBMIT',
    'TTHC.E_CIRCULATE',
    'TTHC.ONESTOP',
    'TTHC.FOUR_ONSITE',
    'TTHC.FEEDBACK_TIMELY',
    'TTHC.FEEDBACK_CLOSED',
    'TTHC.SAT',
    'TTHC.SAT_LAND',
    'TTHC.PUBLISH',
    'TTHC.E_CERT',
    'CQS.ONLINE_SAT',
    'CQS.EID',
    'CQS.E_WORKFILE',
    'CQS.E_DOC_EXCHANGE',
    'CQS.ONESTOP_SYS',
    'CQS.DIGITAL_INSPECT',
    'CQS.DB_CONNECT',
    'CQS.IS_CONNECT',
    'CQS.SECTOR_IS',
    'CQS.MEETING_SYS',
    'CQS.REPORT_SYS',
    'THCH.VB_ONTIME',
  ];
  const lines = ['unit_code,indicator_code,period,value,source'];
  let n = 0;
  outer: for (const indicator of indicators)
    for (const [i, unit] of unitCodes.entries()) {
      if (n >= rows) break outer;
      lines.push(
        `${unit},${indicator},${period},${(50 + ((i * 37 + n) % 500) / 10).toFixed(1)},bench`,
      );
      n += 1;
    }
  if (n < rows) throw new Error(`only ${n} rows possible for ${period}`);
  return `${lines.join('\n')}\n`;
}

function print(
  measured: readonly Measured[],
  reference: Record<string, number[]>,
  extra: Record<string, number>,
  options: Options,
): void {
  const mib = (bytes: number | undefined) =>
    bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const duckMedian = (key: string) => (reference[key] ? median(reference[key]) : Number.NaN);
  const sorted = [...measured].sort((a, b) => a.label.localeCompare(b.label));
  const rows = sorted.map((m) => {
    const key = m.label.slice(0, 1);
    const ours = median(m.samples);
    const duckMs = key === '1' || key === '3' ? duckMedian(key) : Number.NaN;
    return [
      m.label,
      String(m.samples.length),
      formatMs(ours),
      formatMs(percentile(m.samples, 95)),
      formatMs(duckMs),
      Number.isFinite(duckMs) && Number.isFinite(ours) ? `${(ours / duckMs).toFixed(1)}×` : '',
      m.peakRss === undefined ? '' : mib(m.peakRss),
      m.note ?? '',
    ];
  });
  const loads: [key: string, label: string][] = [
    ['ranking', 'GET ranking (q1) under load'],
    ['plainRanking', 'GET ranking (q1), client without gzip'],
    ['health', 'GET /api/health, same server'],
  ];
  if (extra.rankingRps !== undefined)
    for (const [key, label] of loads)
      rows.push([
        `7) throughput, ${label}`,
        `${options.duration} s`,
        `${extra[`${key}Rps`]?.toFixed(0)} req/s`,
        `p50 ${extra[`${key}LatencyP50`]} ms`,
        '',
        '',
        `${extra[`${key}Errors`]} errors`,
        `API CPU ${((extra[`${key}ApiCpu`] ?? Number.NaN) * 100).toFixed(0)}% of a core`,
      ]);
  const out: string[] = [];
  out.push('');
  out.push(
    table(
      [
        'measurement',
        'runs',
        'median',
        'p95',
        'DuckDB median',
        'ours ÷ DuckDB',
        'API peak RSS',
        'note',
      ],
      rows,
    ),
  );
  out.push('');
  out.push(
    `API RSS: idle ${mib(extra.rssIdle)}, peak during XLSX ${mib(extra.xlsxPeakRss)}, during PDF ${mib(extra.pdfPeakRss)}.`,
  );
  if (extra.duckExport !== undefined)
    out.push(
      `DuckDB reference: export to CSV ${extra.duckExport.toFixed(1)} s, CSV → Parquet ${extra.duckParquet!.toFixed(1)} s; rows: q1 ${extra.duckRows1}, q3 ${extra.duckRows3}.`,
    );
  const byKey = (prefix: string) => measured.find((m) => m.label.startsWith(prefix));
  const ours = (prefix: string) => median(byKey(prefix)?.samples ?? []);
  const ratio = (prefix: string, key: string) => ours(prefix) / duckMedian(key);
  const goals: [string, string, boolean][] = [];
  const r1 = ratio('1)', '1');
  const r2 = ours('2)') / duckMedian('1');
  const r3 = ratio('3)', '3');
  goals.push(['Query 1 median ≤ DuckDB (ratio ≤ 1.0)', `${r1.toFixed(1)}×`, r1 <= 1]);
  goals.push([
    'Query 2 median ≤ DuckDB query 1 (ratio ≤ 1.0; no DuckDB query 2)',
    `${r2.toFixed(1)}×`,
    r2 <= 1,
  ]);
  const q3Note = byKey('3)')?.note;
  goals.push([
    'Query 3 ≤ 2× DuckDB (scores kept current on write)',
    Number.isFinite(r3) ? `${r3.toFixed(1)}×` : `no figure (${q3Note ?? 'not run'})`,
    r3 <= 2,
  ]);
  const m4 = ours('4)');
  goals.push(['Query 4 median ≤ 50 ms', formatMs(m4), m4 <= 50]);
  const m5 = ours('5a)');
  goals.push(['Query 5 XLSX ≤ 2 s', formatMs(m5), m5 <= 2000]);
  goals.push([
    'Query 5 peak API RSS during XLSX ≤ 400 MB',
    mib(extra.xlsxPeakRss),
    (extra.xlsxPeakRss ?? Number.POSITIVE_INFINITY) <= 400 * 1000 * 1000,
  ]);
  const m6 = ours('6)');
  goals.push(['Query 6 ≤ 10 s for 100,000 rows', formatMs(m6), m6 <= 10_000]);
  const share = (extra.rankingRps ?? 0) / (extra.healthRps ?? 1);
  goals.push([
    'Query 7 ranking throughput ≥ 50% of /api/health',
    `${(share * 100).toFixed(1)}%`,
    share >= 0.5,
  ]);
  out.push('');
  out.push(
    table(
      ['goal', 'measured', 'status'],
      goals.map(([goal, figure, met]) => [goal, figure, met ? 'met' : 'NOT MET']),
    ),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
