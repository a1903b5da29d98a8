/**
 * Background jobs on one instance without Redis (the embedded default): exports and imports queued,
 * run in-process, with progress, outcome and file kept in PostgreSQL; who may see a job; and the
 * migration lock that lets instances start together.
 */
import type { TJobView, TResultView } from '@commune-bench/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../src/database/migrate.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { startTestApp, type AuthenticatedAgent, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForJob(agent: AuthenticatedAgent, id: string): Promise<TJobView[]> {
  const seen: TJobView[] = [];
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const response = await agent.get(`/api/jobs/${id}`);
    expect(response.status).toBe(200);
    const job = response.body as TJobView;
    seen.push(job);
    if (job.status === 'done' || job.status === 'failed') return seen;
    await sleep(100);
  }
  throw new Error(`job ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
}

const bytesOf = (request: ReturnType<AuthenticatedAgent['get']>) =>
  request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

describe('background jobs (in-process, without Redis)', () => {
  let database: TestDatabase;
  let api: TestApp;
  const query = { indicator: 'TTHC.ONLINE_DOSSIER', period: '2026', province: 'HNI', type: 'xa' };

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('an export job ends with the same file the direct download gives, for its creator only', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    const queued = await reviewer
      .post('/api/jobs/exports')
      .send({ report: 'ranking', format: 'csv', query });
    expect(queued.status).toBe(202);
    const job = queued.body as TJobView;
    expect(job).toMatchObject({
      kind: 'ranking_export',
      status: 'queued',
      progress: 0,
      file: null,
    });
    expect(job.label).toBe('Xuất bảng xếp hạng (CSV)');

    const states = await waitForJob(reviewer, job.id);
    const done = states.at(-1)!;
    expect(done).toMatchObject({ status: 'done', progress: 100, attempts: 1, error: null });
    expect(done.file?.name).toMatch(/\.csv$/);
    expect(done.finishedAt).not.toBeNull();

    const file = await bytesOf(reviewer.get(`/api/jobs/${job.id}/file`));
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const direct = await bytesOf(reviewer.get('/api/reports/ranking.csv').query(query));
    expect((file.body as Buffer).length).toBe(done.file!.size);
    expect((file.body as Buffer).toString('utf8')).toBe((direct.body as Buffer).toString('utf8'));

    // Listed for its creator; another reviewer does not even learn it exists; an admin sees it.
    const mine = (await reviewer.get('/api/jobs')).body as TJobView[];
    expect(mine.map((entry) => entry.id)).toContain(job.id);
    const other = await api.as('reviewer');
    expect((await other.get(`/api/jobs/${job.id}`)).status).toBe(404);
    expect((await other.get(`/api/jobs/${job.id}/file`)).status).toBe(404);
    expect(
      ((await other.get('/api/jobs')).body as TJobView[]).map((entry) => entry.id),
    ).not.toContain(job.id);
    expect((await (await api.as('admin')).get(`/api/jobs/${job.id}`)).status).toBe(200);
  });

  it('refuses at once what the direct download would refuse: bad parameters 400, out of scope 403', async () => {
    const staff = await api.as('odien');
    const outside = await staff.post('/api/jobs/exports').send({
      report: 'ranking',
      format: 'xlsx',
      query: { indicator: 'CQS.DTI', period: '2026', province: 'HUE' },
    });
    expect(outside.status).toBe(403);
    const reviewer = await api.as('reviewer.hanoi');
    const badPeriod = await reviewer
      .post('/api/jobs/exports')
      .send({ report: 'ranking', format: 'xlsx', query: { ...query, period: '2026-13' } });
    expect(badPeriod.status).toBe(400);
    const badFormat = await reviewer
      .post('/api/jobs/exports')
      .send({ report: 'ranking', format: 'odt', query });
    expect(badFormat.status).toBe(400);
    expect((await reviewer.get('/api/jobs/not-a-uuid')).status).toBe(400);
  });

  it('an import job writes every row or none, and says which rows were wrong', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    const header = 'Mã đơn vị,Mã chỉ số,Kỳ,Giá trị';
    const bad = [
      header,
      'DEMO.HNI.DAN_PHUONG,TTHC.ONTIME,2026-Q4,"96,5"',
      'DEMO.HNI.HOAI_DUC,TTHC.KHONG_CO,2026-Q4,90',
    ].join('\n');
    const rejected = await reviewer
      .post('/api/jobs/imports')
      .attach('file', Buffer.from(bad, 'utf8'), 'ket-qua.csv');
    expect(rejected.status).toBe(202);
    const failed = (await waitForJob(reviewer, (rejected.body as TJobView).id)).at(-1)!;
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('import_rejected');
    const details = failed.error?.details as { errors: { row: number; reason: string }[] };
    expect(details.errors).toEqual([expect.objectContaining({ row: 3 })]);
    const none = (await reviewer.get('/api/results').query({ period: '2026-Q4' }))
      .body as TResultView[];
    expect(none).toEqual([]);

    const good = [header, 'DEMO.HNI.DAN_PHUONG,TTHC.ONTIME,2026-Q4,"96,5"'].join('\n');
    const accepted = await reviewer
      .post('/api/jobs/imports')
      .attach('file', Buffer.from(good, 'utf8'), 'ket-qua.csv');
    const done = (await waitForJob(reviewer, (accepted.body as TJobView).id)).at(-1)!;
    expect(done).toMatchObject({
      status: 'done',
      label: 'Nhập kết quả từ tệp ket-qua.csv',
      importReport: { imported: 1, created: 1, updated: 0, errors: [] },
    });
    const stored = (await reviewer.get('/api/results').query({ period: '2026-Q4' }))
      .body as TResultView[];
    expect(stored.map((result) => result.value)).toEqual([96.5]);
  });

  it('an import that would overwrite a verified result writes nothing and names that row', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    const verified = (
      (await reviewer.get('/api/results').query({ status: 'verified', period: '2025' }))
        .body as TResultView[]
    )[0]!;
    const unit = (await reviewer.get(`/api/units/${verified.unitId}`)).body as { code: string };
    const csv = [
      'Mã đơn vị,Mã chỉ số,Kỳ,Giá trị',
      `${unit.code},TTHC.ONTIME,2026-11,88`,
      `${unit.code},${verified.indicatorCode},${verified.period},1`,
    ].join('\n');
    const rejected = await reviewer
      .post('/api/results/import')
      .attach('file', Buffer.from(csv, 'utf8'), 'ghi-de.csv');
    expect(rejected.status).toBe(422);
    expect((rejected.body as { details: { errors: unknown[] } }).details.errors).toEqual([
      { row: 3, reason: 'Kết quả đã được thẩm định và bị khóa.' },
    ]);
    // Neither the new row nor the locked one changed.
    const written = (await reviewer.get('/api/results').query({ unitId: verified.unitId }))
      .body as TResultView[];
    expect(written.find((result) => result.period === '2026-11')).toBeUndefined();
    expect(written.find((result) => result.id === verified.id)).toMatchObject({
      value: verified.value,
      version: verified.version,
    });
  });

  it('a job of a user disabled before it ran fails, and its file is never made', async () => {
    const admin = await api.as('admin');
    const username = `jobs.${Date.now()}`;
    const created = await admin.post('/api/users').send({
      username,
      displayName: 'Người thử tác vụ',
      password: 'mat-khau-thu-123',
      role: 'reviewer',
      scopeProvinces: ['HNI'],
    });
    expect(created.status).toBe(201);
    const token = await api.login(username, 'mat-khau-thu-123');
    // Queue straight into the table (as if the job waited in Redis), disable the user, then run it.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const [{ id }] = (
      await client.query<{ id: string }>(
        `INSERT INTO jobs (kind, params, created_by) VALUES ('ranking_export', $1, $2) RETURNING id`,
        [
          JSON.stringify({ report: 'ranking', format: 'csv', query }),
          (created.body as { id: string }).id,
        ],
      )
    ).rows as [{ id: string }];
    await client.end();
    expect(
      (
        await admin
          .patch(`/api/users/${(created.body as { id: string }).id}`)
          .send({ disabled: true })
      ).status,
    ).toBe(200);
    const { JobQueue } = await import('../src/jobs/job-queue.js');
    await api.app.get(JobQueue).enqueue(id);
    const job = (await waitForJob(admin, id)).at(-1)!;
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('forbidden');
    expect(job.file).toBeNull();
    expect(
      (await api.http.get(`/api/jobs/${id}`).set('Authorization', `Bearer ${token}`)).status,
    ).toBe(401);
  });
});

describe('jobs left unfinished by a stopped single-process deployment', () => {
  it('are run again when it starts', async () => {
    const database = await createTestDatabase();
    let api: TestApp | undefined;
    try {
      api = await startTestApp(database.url);
      const query = { indicator: 'TTHC.ONLINE_DOSSIER', period: '2026', province: 'HNI' };
      const reviewer = await api.as('reviewer.hanoi');
      const me = (await reviewer.get('/api/auth/me')).body as { id: string };
      await api.close();
      api = undefined;
      // As if the process had been killed: one job still queued, one cut short while running.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const ids = (
        await client.query<{ id: string }>(
          `INSERT INTO jobs (kind, params, created_by, status, attempts, started_at)
           VALUES ('ranking_export', $1, $2, 'queued', 0, NULL),
                  ('ranking_export', $1, $2, 'running', 1, now())
           RETURNING id`,
          [JSON.stringify({ report: 'ranking', format: 'csv', query }), me.id],
        )
      ).rows.map((row) => row.id);
      await client.end();
      api = await startTestApp(database.url);
      const again = await api.as('reviewer.hanoi');
      for (const id of ids) {
        const job = (await waitForJob(again, id)).at(-1)!;
        expect(job).toMatchObject({ status: 'done', progress: 100 });
        expect(job.file?.name).toMatch(/\.csv$/);
      }
    } finally {
      await api?.close();
      await database.drop();
    }
  });
});

describe('migrations under a lock', () => {
  it('instances starting together apply each migration exactly once', async () => {
    const database = await createTestDatabase();
    try {
      const applied = await Promise.all(
        Array.from({ length: 4 }, () => runMigrations(database.url)),
      );
      // One of them applied everything; the others waited for the lock and found nothing to do.
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const rows = (await client.query<{ name: string }>('SELECT name FROM migrations')).rows;
      await client.end();
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await database.drop();
    }
  });
});
