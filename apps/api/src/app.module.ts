import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module.js';
import { ComparisonsModule } from './comparisons/comparisons.module.js';
import { OpenApiModule } from './openapi/openapi.module.js';
import { RankingsModule } from './rankings/rankings.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { RedisModule } from './redis/redis.module.js';
import { PlansModule } from './plans/plans.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ResultsModule } from './results/results.module.js';
import { UnitsModule } from './units/units.module.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL, or the embedded server's. */
  databaseUrl: string;
  /** api: the HTTP server; worker: `pnpm run worker` (always runs jobs); cli: one command. */
  role?: 'api' | 'worker' | 'cli';
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, role = 'api' }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: databaseUrl,
            poolSize: config.dbPoolSize,
            applicationName: `commune-bench-${role}`,
          }),
          // Migrations are applied before the module starts, under a lock (database/migrate.ts).
          migrationsRun: false,
          retryAttempts: config.dbRetryAttempts,
          retryDelay: 1000,
        }),
        DatabaseModule,
        AuditModule,
        AuthModule,
        HealthModule,
        ReferenceModule,
        UnitsModule,
        PlansModule,
        ResultsModule,
        RankingsModule,
        ComparisonsModule,
        DemoModule,
        OpenApiModule,
        ReportsModule,
        UsersModule,
        RedisModule,
        JobsModule.forRoot(role === 'worker' || (role === 'api' && config.runJobs)),
      ],
    };
  }
}
