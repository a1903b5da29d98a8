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

  async onModuleInit(): Promise<void> {
    if (this.config.databaseReadUrl === undefined) return;
    this.replica = new DataSource({
      ...dataSourceOptions({
        url: this.config.databaseReadUrl,
        poolSize: this.config.dbPoolSize,
        applicationName: 'commune-bench-read',
      }),
      migrationsRun: false,
    });
    await this.replica.initialize();
    this.logger.log('rankings, comparisons and exports read from DATABASE_READ_URL');
  }

  get manager(): EntityManager {
    return (this.replica ?? this.primary).manager;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.destroy().catch(() => undefined);
  }
}
