import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseSettings {
  url: string;
  /** A read replica: TypeORM's replication, with the primary as the default for every query. */
  readUrl?: string;
  poolSize?: number;
  applicationName?: string;
}

/** The one description of how the API talks to PostgreSQL. `synchronize` is off everywhere: schema only by migrations. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    ...(settings.readUrl === undefined
      ? { url: settings.url }
      : {
          // Everything goes to the primary unless a caller asks for the replica (ReadDatabase).
          replication: {
            master: { url: settings.url },
            slaves: [{ url: settings.readUrl }],
            defaultMode: 'master' as const,
          },
        }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    applicationName: settings.applicationName ?? 'commune-bench-api',
    extra: { max: settings.poolSize ?? 10, connectionTimeoutMillis: 5000 },
  };
}
