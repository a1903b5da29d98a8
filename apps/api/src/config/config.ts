/**
 * Configuration, parsed once at boot. Nothing else in the API reads process.env.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (apps/api/{src,dist}/config → ../../../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,40}$/, 'letters, digits and _ . : - only')
    .default('commune-bench'),
  MIGRATIONS_RUN: booleanFlag.default(true),
  RUN_JOBS: booleanFlag.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  RANKING_CACHE_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  AUTH_USER_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_RETRY_ATTEMPTS: z.coerce.number().int().min(0).max(100).default(3),
  DEMO_DATA: booleanFlag.default(true),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_EXPIRES_IN_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(15 * 60),
  WEB_DIST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? []
        : value
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.url('each origin must be a URL such as https://cchc.example.gov.vn'))),
  BODY_LIMIT_KB: z.coerce.number().int().min(16).max(10240).default(1024),
  REFRESH_EXPIRES_IN_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset: the API starts an embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  /** A read replica for rankings, comparisons and exports; unset: everything reads the primary. */
  databaseReadUrl: string | undefined;
  /** Unset: login limits per instance, jobs in-process, no shared cache. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key (queues, limits, cache), so several deployments can share a Redis. */
  redisKeyPrefix: string;
  /** Run pending migrations at start (under an advisory lock); false where a deploy job does it. */
  migrationsRun: boolean;
  /** Whether an API instance runs queued jobs itself (the worker process always does). */
  runJobs: boolean;
  workerConcurrency: number;
  /** How long a cached ranking lives in Redis at most (writes invalidate it at once); 0: no cache. */
  rankingCacheSeconds: number;
  /** How long an account read for a token is kept in-process (changes through the API drop it at once); 0: never. */
  userCacheSeconds: number;
  dataDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  dbRetryAttempts: number;
  demoData: boolean;
  demoPassword: string | undefined;
  jwtSecret: string | undefined;
  jwtExpiresInSeconds: number;
  webDist: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Origins allowed by CORS; empty: CORS closed (the web app is served from the same origin). */
  corsOrigins: string[];
  bodyLimitKb: number;
  refreshExpiresInDays: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginRatePerMinute: number;
  version: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset, as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    migrationsRun: e.MIGRATIONS_RUN,
    runJobs: e.RUN_JOBS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    rankingCacheSeconds: e.RANKING_CACHE_SECONDS,
    userCacheSeconds: e.AUTH_USER_CACHE_SECONDS,
    dataDir: fromRoot(e.DATA_DIR ?? '.data'),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dbPoolSize: e.DB_POOL_SIZE,
    dbRetryAttempts: e.DB_RETRY_ATTEMPTS,
    demoData: e.DEMO_DATA,
    demoPassword: e.DEMO_PASSWORD,
    jwtSecret: e.JWT_SECRET,
    jwtExpiresInSeconds: e.JWT_EXPIRES_IN_SECONDS,
    webDist: fromRoot(e.WEB_DIST ?? 'apps/web/dist'),
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS,
    bodyLimitKb: e.BODY_LIMIT_KB,
    refreshExpiresInDays: e.REFRESH_EXPIRES_IN_DAYS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    version: '0.1.0',
  };
}

/** Injection token for the parsed config. */
export const APP_CONFIG = Symbol('APP_CONFIG');
