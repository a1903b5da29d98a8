import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import { ErrorFilter } from './common/error.filter.js';
import type { AppConfig } from './config/config.js';
import { runMigrations } from './database/migrate.js';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/** Builds the HTTP application: the API under /api and, when built, the web app at /. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestExpressApplication> {
  await prepareSchema(config, databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl, role: 'api' }),
    {
      logger: LOG_LEVELS[config.logLevel],
      bodyParser: false,
      // CORS stays closed unless origins are configured: the web app is served from the same origin.
      cors:
        config.corsOrigins.length > 0 ? { origin: config.corsOrigins, credentials: false } : false,
    },
  );
  app.use(helmet());
  app.useBodyParser('json', { limit: `${config.bodyLimitKb}kb` });
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  serveWebApp(app, config.webDist);
  return app;
}

/** The modules without HTTP: the worker process, or one CLI command. */
export async function createAppContext(
  config: AppConfig,
  databaseUrl: string,
  role: 'worker' | 'cli',
  logLevels: LogLevel[] = LOG_LEVELS[config.logLevel],
): Promise<INestApplicationContext> {
  await prepareSchema(config, databaseUrl);
  const context = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl, role }),
    { logger: logLevels },
  );
  context.enableShutdownHooks();
  return context;
}

/**
 * Pending migrations, once (an advisory lock keeps instances starting together from racing), unless
 * MIGRATIONS_RUN=false (a deploy's migration job does it). Retried while the database is starting.
 */
async function prepareSchema(config: AppConfig, databaseUrl: string): Promise<void> {
  if (!config.migrationsRun) return;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await runMigrations(databaseUrl);
      return;
    } catch (error) {
      if (attempt >= config.dbRetryAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Static files of apps/web's build, and index.html for the app's own routes (not /api). */
function serveWebApp(app: INestApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return;
  const files = express.static(webDist, { index: false, maxAge: '1h' });
  // API paths never name a file: no file-system look-up for them.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api')) next();
    else void files(request, response, next);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.sendFile(index, { dotfiles: 'allow' });
  });
}
