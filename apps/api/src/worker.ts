/**
 * `pnpm run worker`: a process that runs queued jobs (national-size exports, large imports) from the
 * BullMQ queue on Redis, beside any number of API instances. Needs DATABASE_URL and REDIS_URL (the
 * embedded single-machine setup runs jobs inside the API instead). SIGTERM: the job in hand is
 * finished, then the process exits; a job cut short by a kill is taken again by another worker.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createAppContext } from './app.factory.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';

const logger = new Logger('Worker');

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
    if (config.databaseUrl === undefined || config.redisUrl === undefined)
      throw new ConfigError([
        'DATABASE_URL and REDIS_URL: the worker needs both (without Redis, jobs run inside the API)',
      ]);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // The worker loads no demo data; the API instances do that.
  const context = await createAppContext(
    { ...config, demoData: false },
    config.databaseUrl,
    'worker',
  );
  logger.log('commune-bench worker is running');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the job in hand, then stopping`);
    await context.close().catch((error: unknown) => logger.error(error));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
