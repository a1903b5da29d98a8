import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `cbt_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${pg.escapeIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`,
  );
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** What the database holds for one unit and indicator from a period on: period → value. */
export async function storedValues(
  databaseUrl: string,
  filter: { unitId: string; indicatorCode: string; fromPeriod: string },
): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = (
      await client.query<{ period: string; value: number }>(
        'SELECT period, value FROM results WHERE unit_id = $1 AND indicator_code = $2 AND period >= $3',
        [filter.unitId, filter.indicatorCode, filter.fromPeriod],
      )
    ).rows;
    return new Map(rows.map((row) => [row.period, Number(row.value)]));
  } finally {
    await client.end();
  }
}
