/**
 * The ranking cache of an instance without Redis (as `npm start` runs it): a ranking asked again is
 * answered from memory, without the database, and every committed change is in the next ranking:
 * at once when it is written through the API, within moments when it is written anywhere else (psql,
 * a script, another process), also after the connection that hears of changes was lost.
 */
import type { TComparisonView, TRankingView, TResultView } from '@commune-bench/domain';
import pg from 'pg';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATA_CHANGES_APPLICATION_NAME, DataChanges } from '../src/database/data-changes.js';
import { startTestApp, type AuthenticatedAgent, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const COHORT = { indicator: 'CQS.DTI', period: '2026', province: 'HNI', type: 'xa', class: 'I' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rankings kept in memory by an instance without Redis', () => {
  let database: TestDatabase;
  let api: TestApp;
  /** Another session on the same database, as psql would be. */
  let psql: pg.Client;
  let reviewer: AuthenticatedAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    psql = new pg.Client({ connectionString: database.url });
    await psql.connect();
    reviewer = await api.as('reviewer.hanoi');
    // The first ranking starts listening for changes; nothing is kept until that is up.
    expect((await reviewer.get('/api/rankings').query(COHORT)).status).toBe(200);
    await listening();
  });

  /** Waits until the API hears of changes (after its start, or after the connection was lost). */
  const listening = () =>
    vi.waitFor(() => expect(api.app.get(DataChanges).isListening).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });

  afterAll(async () => {
    await psql?.end();
    await api?.close();
    await database?.drop();
  });

  const ranking = async (query: Record<string, string> = COHORT): Promise<TRankingView> => {
    const response = await reviewer.get('/api/rankings').query(query);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as TRankingView;
  };

  /**
   * Sends the request while another session holds the results table locked (no ranking can be
   * computed meanwhile), waiting up to `wait` ms; then releases the lock and awaits the answer.
   */
  const whileResultsLocked = async (request: supertest.Test, wait: number) => {
    await psql.query('BEGIN');
    await psql.query('LOCK TABLE results IN ACCESS EXCLUSIVE MODE');
    let answered = false;
    const response = Promise.resolve(request).then((value) => {
      answered = true;
      return value;
    });
    await Promise.race([response, sleep(wait)]);
    const answeredWhileLocked = answered;
    await psql.query('ROLLBACK');
    return { answeredWhileLocked, response: await response };
  };

  it('answers a ranking asked before from memory, while the database could not compute it', async () => {
    const first = await ranking();
    expect(first.rows.length).toBeGreaterThanOrEqual(3);
    const again = await whileResultsLocked(reviewer.get('/api/rankings').query(COHORT), 10_000);
    expect(again.answeredWhileLocked).toBe(true);
    expect(again.response.status).toBe(200);
    expect(again.response.body).toEqual(first);
    // A ranking nobody asked for yet must be computed: it waits for the lock.
    const other = await whileResultsLocked(
      reviewer.get('/api/rankings').query({ ...COHORT, period: '2025' }),
      1_000,
    );
    expect(other.answeredWhileLocked).toBe(false);
    expect(other.response.status).toBe(200);
  });

  it('a result written through the API is in the very next ranking', async () => {
    const before = await ranking();
    await ranking(); // kept
    const last = before.rows.at(-1)!;
    const [result] = (
      await reviewer
        .get('/api/results')
        .query({ unitId: last.unitId, indicator: COHORT.indicator, period: COHORT.period })
    ).body as TResultView[];
    const put = await reviewer.put('/api/results').send({
      unitId: last.unitId,
      indicatorCode: COHORT.indicator,
      period: COHORT.period,
      value: 0.9991,
      version: result!.version,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const current = put.body as TResultView;
    if (current.status === 'draft')
      expect((await reviewer.post(`/api/results/${current.id}/submit`).send({})).status).toBe(200);
    if (current.status !== 'verified')
      expect((await reviewer.post(`/api/results/${current.id}/verify`).send({})).status).toBe(200);
    const after = await ranking();
    expect(after.rows[0]).toMatchObject({ unitId: last.unitId, rank: 1, displayValue: '0,9991' });
  });

  it('a result written straight into the table, as psql would, is in the ranking within moments', async () => {
    const before = await ranking();
    await ranking(); // kept
    const last = before.rows.at(-1)!;
    const updated = await psql.query(
      `UPDATE results SET value = 0.9995 WHERE unit_id = $1 AND indicator_code = $2 AND period = $3`,
      [last.unitId, COHORT.indicator, COHORT.period],
    );
    expect(updated.rowCount).toBe(1);
    // PostgreSQL announces the change at commit; the API hears it within milliseconds.
    await expect
      .poll(async () => (await ranking()).rows[0]?.unitId, { timeout: 5_000, interval: 50 })
      .toBe(last.unitId);
  });

  it('keeps a comparison as it keeps rankings: asked again it is answered from memory, and a change is in it within moments', async () => {
    const units = (await ranking()).rows.slice(0, 3).map((row) => row.unitId);
    const query = { units: units.join(','), period: COHORT.period };
    const compare = async (): Promise<TComparisonView> => {
      const response = await reviewer.get('/api/comparisons').query(query);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body as TComparisonView;
    };
    const first = await compare();
    const kept = await whileResultsLocked(reviewer.get('/api/comparisons').query(query), 10_000);
    expect(kept.answeredWhileLocked).toBe(true);
    expect(kept.response.body).toEqual(first);
    // A result the comparison shows, changed straight in the table.
    const shown = first.rows
      .flatMap((row) => row.cells.map((cell) => ({ code: row.indicatorCode, cell })))
      .find(({ cell }) => cell.attainment?.actualPeriod === COHORT.period);
    expect(shown).toBeDefined();
    const changed = await psql.query(
      `UPDATE results SET value = 42 WHERE unit_id = $1 AND indicator_code = $2 AND period = $3`,
      [shown!.cell.unitId, shown!.code, COHORT.period],
    );
    expect(changed.rowCount).toBe(1);
    const actual = async () =>
      (await compare()).rows
        .find((row) => row.indicatorCode === shown!.code)!
        .cells.find((cell) => cell.unitId === shown!.cell.unitId)!.attainment?.actual;
    await expect.poll(actual, { timeout: 5_000, interval: 50 }).toBe(42);
  });

  it('after the connection that hears of changes is lost, it listens again and misses nothing', async () => {
    const listener = async () =>
      (
        await psql.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
          [DATA_CHANGES_APPLICATION_NAME],
        )
      ).rows.map((row) => row.pid);
    const [pid] = await listener();
    expect(pid).toBeDefined();
    await psql.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect.poll(listener, { timeout: 10_000, interval: 100 }).not.toContain(pid);
    await listening();
    expect(await listener()).toHaveLength(1);

    const before = await ranking();
    const kept = await whileResultsLocked(reviewer.get('/api/rankings').query(COHORT), 10_000);
    expect(kept.answeredWhileLocked).toBe(true);
    const last = before.rows.at(-1)!;
    await psql.query(
      `UPDATE results SET value = 0.9999 WHERE unit_id = $1 AND indicator_code = $2 AND period = $3`,
      [last.unitId, COHORT.indicator, COHORT.period],
    );
    await expect
      .poll(async () => (await ranking()).rows[0]?.unitId, { timeout: 5_000, interval: 50 })
      .toBe(last.unitId);
  });
});
