/**
 * `npm start` ends here: parse the config, start the embedded PostgreSQL unless DATABASE_URL is set,
 * migrate (unless MIGRATIONS_RUN=false), load the demo data once, serve on PORT. Ctrl-C (or SIGTERM) stops everything.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { openDatabase } from './database/embedded-postgres.js';

const logger = new Logger('Main');

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const { url: databaseUrl, embedded } = await openDatabase(config, (message) =>
    logger.log(message),
  );

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    await app?.close().catch((error: unknown) => logger.error(error));
    await embedded?.stop().catch((error: unknown) => logger.error(error));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    app = await createApp(config, databaseUrl);
    await app.listen(config.port, config.host);
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
  logger.log(`commune-bench is serving on http://localhost:${config.port} (API under /api)`);
}

void main();
