import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** The advisory lock every instance takes before migrating (any constant, the same everywhere). */
export const MIGRATION_LOCK = 7_360_418_201;

/**
 * Applies pending migrations once, however many instances start at the same moment: each takes a
 * session-level advisory lock first, so the second waits for the first and then finds nothing to do.
 * Returns the names of the migrations this call applied.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions({
      url: databaseUrl,
      poolSize: 2,
      applicationName: 'commune-bench-migrate',
    }),
    migrationsRun: false,
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
