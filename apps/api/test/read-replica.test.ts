/**
 * DATABASE_READ_URL: rankings and comparisons read the replica, everything else the primary. The
 * "replica" here is a copy of the primary's database made once, so a value changed only in the copy
 * tells which side answered.
 */
import type { TComparisonView, TRankingView, TResultView } from '@commune-bench/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('a read replica for rankings and comparisons', () => {
  let primary: TestDatabase;
  let replicaUrl: string;
  let api: TestApp;
  const query = { indicator: 'TTHC.ONLINE_DOSSIER', period: '2026', province: 'HNI', type: 'xa' };

  beforeAll(async () => {
    primary = await createTestDatabase();
    // Migrate and load the demo data once, then copy the database as the replica.
    await (await startTestApp(primary.url)).close();
    const url = new URL(primary.url);
    const name = url.pathname.slice(1);
    replicaUrl = Object.assign(new URL(primary.url), { pathname: `/${name}_ro` }).toString();
    const admin = new pg.Client({
      connectionString: Object.assign(url, { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(
      `CREATE DATABASE ${pg.escapeIdentifier(`${name}_ro`)} TEMPLATE ${pg.escapeIdentifier(name)}`,
    );
    await admin.end();
    api = await startTestApp(primary.url, { DATABASE_READ_URL: replicaUrl });
  });

  afterAll(async () => {
    await api?.close();
    const url = new URL(primary.url);
    const admin = new pg.Client({
      connectionString: Object.assign(url, { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(
      `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(`${new URL(primary.url).pathname.slice(1)}_ro`)} WITH (FORCE)`,
    );
    await admin.end();
    await primary?.drop();
  });

  it('the ranking and the comparison show the replica’s value; the results list shows the primary’s', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    const before = (await reviewer.get('/api/rankings').query(query)).body as TRankingView;
    const first = before.rows[0]!;
    // Change the leader's counted value in the replica only.
    const replica = new pg.Client({ connectionString: replicaUrl });
    await replica.connect();
    const changed = await replica.query(
      `UPDATE results SET value = 1.5 WHERE unit_id = $1 AND indicator_code = $2 AND period = $3`,
      [first.unitId, query.indicator, query.period],
    );
    await replica.end();
    expect(changed.rowCount).toBe(1);

    const after = (await reviewer.get('/api/rankings').query(query)).body as TRankingView;
    const moved = after.rows.find((row) => row.unitId === first.unitId)!;
    expect(moved.value).toBe(1.5);
    expect(moved.rank).toBeGreaterThan(first.rank);

    const comparison = (
      await reviewer.get('/api/comparisons').query({ units: first.unitId, period: query.period })
    ).body as TComparisonView;
    const row = comparison.rows.find((entry) => entry.indicatorCode === query.indicator);
    expect(row?.cells[0]?.attainment).toMatchObject({ actual: 1.5, actualPeriod: query.period });

    const results = (
      await reviewer
        .get('/api/results')
        .query({ unitId: first.unitId, indicator: query.indicator, period: query.period })
    ).body as TResultView[];
    expect(results.map((result) => result.value)).toEqual([first.value]);
  });

  it('starts when the replica cannot be reached, and reads from the primary meanwhile', async () => {
    const unreachable = Object.assign(new URL(primary.url), {
      pathname: '/no_such_replica_db',
    }).toString();
    const fallback = await startTestApp(primary.url, { DATABASE_READ_URL: unreachable });
    try {
      const reviewer = await fallback.as('reviewer.hanoi');
      const response = await reviewer.get('/api/rankings').query(query);
      expect(response.status).toBe(200);
      const results = (
        await reviewer
          .get('/api/results')
          .query({ indicator: query.indicator, period: query.period })
      ).body as TResultView[];
      const leader = (response.body as TRankingView).rows[0]!;
      // The primary's value, not the replica's 1.5 of the test before.
      expect(results.find((result) => result.unitId === leader.unitId)?.value).toBe(leader.value);
      expect(leader.value).not.toBe(1.5);
    } finally {
      await fallback.close();
    }
  });
});
