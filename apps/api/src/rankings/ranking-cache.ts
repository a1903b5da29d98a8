import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { type Observable, tap } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS, type RedisClient } from '../redis/redis.module.js';

const gzipAsync = promisify(gzip);

/**
 * The data generation and the entry under it, in one round trip (the entry's name depends on the
 * generation). KEYS[1]: the generation key; ARGV: the entry name's prefix and the query's digest.
 */
const LOOKUP_SCRIPT = `local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}`;

interface LookupCommand {
  rankingLookupBuffer(
    generationKey: string,
    entryPrefix: string,
    digest: string,
  ): Promise<[Buffer, Buffer | null]>;
}

/** A ranking as JSON: computed now (text), or from the cache (gzip-compressed bytes). */
export type RankingJson =
  | { body: string; gzip?: undefined; etag?: string }
  | { body?: undefined; gzip: Buffer; etag: string };

/**
 * Computed rankings, shared by every instance through Redis (REDIS_URL; without it nothing is
 * cached, so instances can never disagree). Every entry belongs to a data generation: each write to
 * units, plans or results moves the generation on (`invalidate`), so the next request computes
 * afresh; RANKING_CACHE_SECONDS only bounds how long an unused entry stays. While Redis is away the
 * rankings are computed as if there were no cache. Entries are kept gzip-compressed (a national
 * ranking's 160 KB of JSON is about 20 KB): less to move out of Redis, and sent as they are to every
 * client that accepts gzip, which every browser does.
 */
@Injectable()
export class RankingCache {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    redis?.defineCommand('rankingLookup', { numberOfKeys: 1, lua: LOOKUP_SCRIPT });
  }

  private get generationKey(): string {
    return `${this.config.redisKeyPrefix}:ranking-generation`;
  }

  async getOrCompute<T>(key: unknown, compute: () => Promise<T>): Promise<T> {
    const cached = await this.lookup(key);
    if (cached.hit !== undefined) return JSON.parse(gunzipSync(cached.hit).toString('utf8')) as T;
    const value = await compute();
    await cached.store?.(JSON.stringify(value));
    return value;
  }

  /**
   * The same, as the JSON text itself: a cache hit is the stored gzip bytes, never parsed and
   * re-serialised, with an entity tag naming the entry (data generation and query).
   */
  async getOrComputeJson(key: unknown, compute: () => Promise<unknown>): Promise<RankingJson> {
    const cached = await this.lookup(key);
    if (cached.hit !== undefined) return { gzip: cached.hit, etag: cached.etag! };
    const json = JSON.stringify(await compute());
    await cached.store?.(json);
    return { body: json, ...(cached.etag === undefined ? {} : { etag: cached.etag }) };
  }

  private async lookup(
    key: unknown,
  ): Promise<{ hit?: Buffer; etag?: string; store?: (json: string) => Promise<void> }> {
    const redis = this.redis;
    if (redis === null || this.config.rankingCacheSeconds === 0 || redis.status !== 'ready')
      return {};
    try {
      // Cohorts depend on the current year too (classifications valid "now"), so the day is part of it.
      const digest = createHash('sha256')
        .update(JSON.stringify([key, new Date().toISOString().slice(0, 10)]))
        .digest('base64url');
      const entryPrefix = `${this.config.redisKeyPrefix}:ranking:`;
      const [generationBytes, hit] = await (redis as unknown as LookupCommand).rankingLookupBuffer(
        this.generationKey,
        entryPrefix,
        digest,
      );
      const generation = generationBytes.toString();
      const entryKey = `${entryPrefix}${generation}:${digest}`;
      const etag = `"${generation}-${digest}"`;
      if (hit !== null) return { hit, etag };
      // Stored under the generation read before: if a write moved it on meanwhile, nobody reads it.
      return {
        etag,
        store: async (json) => {
          await gzipAsync(json)
            .then((compressed) =>
              redis.set(entryKey, compressed, 'EX', this.config.rankingCacheSeconds),
            )
            .then(() => undefined)
            .catch(() => undefined);
        },
      };
    } catch {
      return {};
    }
  }

  /** After a write that can change a ranking: every cached ranking is out of date. */
  async invalidate(): Promise<void> {
    await this.redis?.incr(this.generationKey).catch(() => undefined);
  }
}

/** The API paths whose writes change what rankings are computed from. */
const DATA_PATHS = /^\/api\/(results|plans|units)(\/|$|\?)/;

/** Moves the ranking cache's generation on after every successful write to units, plans or results. */
@Injectable()
export class InvalidateRankingsOnWrite implements NestInterceptor {
  constructor(private readonly cache: RankingCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ method?: string; originalUrl?: string }>();
    const writes =
      request.method !== undefined &&
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
      DATA_PATHS.test(request.originalUrl ?? '') &&
      !(request.originalUrl ?? '').startsWith('/api/plans/extract');
    if (!writes) return next.handle();
    return next.handle().pipe(tap({ complete: () => void this.cache.invalidate() }));
  }
}
