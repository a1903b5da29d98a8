import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * Where rankings, comparisons and exports read: the replica at DATABASE_READ_URL when one is set
 * (its own pool of DB_POOL_SIZE connections), else the primary. Writes, and reads that must see the
 * caller's own write at once (optimistic locking, the results list), always use the primary.
 */
@Injectable()
export class ReadDatabase implements OnModuleInit, OnApplicationShutdown {
  private replica: DataSource | undefined;
  private readonly logger = new Logger('ReadDatabase');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  private retry: NodeJS.Timeout | undefined;

  /** A replica that cannot be reached at start (e.g. just after a failover) is tried again later; meanwhile the primary serves the reads. */
  async onModuleInit(): Promise<void> {
    if (this.config.databaseReadUrl === undefined) return;
    await this.connect(this.config.databaseReadUrl);
  }

  private async connect(url: string): Promise<void> {
    const replica = new DataSource({
      ...dataSourceOptions({
        url,
        poolSize: this.config.dbPoolSize,
        applicationName: 'commune-bench-read',
      }),
      migrationsRun: false,
    });
    try {
      await replica.initialize();
      this.replica = replica;
      this.logger.log('rankings, comparisons and exports read from DATABASE_READ_URL');
    } catch (error) {
      this.logger.warn(
        `DATABASE_READ_URL unreachable (${error instanceof Error ? error.message : String(error)}); reading from the primary, trying again in 30 s`,
      );
      this.retry = setTimeout(() => void this.connect(url), 30_000);
      this.retry.unref();
    }
  }

  get manager(): EntityManager {
    return (this.replica ?? this.primary).manager;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.retry);
    await this.replica?.destroy().catch(() => undefined);
  }
}
