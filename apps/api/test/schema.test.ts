import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { pendingSchemaChanges } from '../src/database/schema-diff.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('database schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions({ url: database.url }));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('applies every migration', async () => {
    const applied: { name: string }[] = await dataSource.query(
      'SELECT name FROM migrations ORDER BY id',
    );
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('leaves nothing for TypeORM to synchronise: entities and migrations agree', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('has the indexes the hot paths use: results by (indicator, period, unit) and by (unit, period), unique', async () => {
    const rows: { indexdef: string }[] = await dataSource.query(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'results'`,
    );
    const definitions = rows.map((row) => row.indexdef);
    expect(
      definitions.some((definition) => definition.includes('(indicator_code, period, unit_id)')),
    ).toBe(true);
    // A unit's period is one run of entries: an import of one period touches few index pages.
    expect(
      definitions.some(
        (definition) =>
          definition.startsWith('CREATE UNIQUE INDEX') &&
          definition.includes('(unit_id, period, indicator_code)'),
      ),
    ).toBe(true);
    expect(definitions).toHaveLength(3);
  });

  it("gives new results time-ordered ids (UUID version 7), so new rows share the primary key's last pages", async () => {
    const ids: { id: string }[] = await dataSource.query(
      `SELECT uuid_v7()::text AS id FROM generate_series(1, 3) UNION ALL SELECT (SELECT column_default FROM information_schema.columns WHERE table_name = 'results' AND column_name = 'id')`,
    );
    expect(ids[3]!.id).toBe('uuid_v7()');
    const generated = ids.slice(0, 3).map((row) => row.id);
    for (const id of generated)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The first 48 bits are the time in milliseconds.
    const ms = Number.parseInt(generated[0]!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are rejected by the database', async () => {
    await dataSource.query(
      `INSERT INTO audit_log (actor_name, action, entity, entity_id) VALUES ('test', 'create', 'unit', 'x')`,
    );
    await expect(dataSource.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const rows: { action: string }[] = await dataSource.query('SELECT action FROM audit_log');
    expect(rows).toEqual([{ action: 'create' }]);
  });

  it('refuses a second result for the same unit, indicator and period', async () => {
    await dataSource.query(
      `INSERT INTO provinces (code, name, kind) VALUES ('T1', 'Tỉnh thử', 'tinh')`,
    );
    await dataSource.query(
      `INSERT INTO indicators (code, area, name_vi, name_en, unit, direction, precision, aliases) VALUES ('TTHC.ONTIME', 'TTHC', 'x', 'x', 'percent', 'higher_better', 1, '[]')`,
    );
    const [unit] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO units (code, name, name_folded, type, province_code) VALUES ('U1', 'Xã thử', 'xa thu', 'xa', 'T1') RETURNING id`,
    );
    const insert = () =>
      dataSource.query(
        `INSERT INTO results (unit_id, indicator_code, period, value, evidence) VALUES ($1, 'TTHC.ONTIME', '2025', 90, '[]')`,
        [unit!.id],
      );
    await insert();
    await expect(insert()).rejects.toThrow(/uq_results_unit_period_indicator/);
  });
});
