import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { concatMap, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DataChanges } from '../database/data-changes.js';
import { REDIS, type RedisClient } from '../redis/redis.module.js';

const gzipAsync = promisify(gzip);

/**
 * The data generation and the entry under it, in one round trip (the entry's name depends on the
 * generation). KEYS[1]: the generation key; ARGV: the entry name's prefix and the query's digest.
 */
const LOOKUP_SCRIPT = `local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}`;

/** Moves the generation on and tells every instance the new one. KEYS[1]: generation; ARGV[1]: channel. */
const INVALIDATE_SCRIPT = `local generation = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], generation)
return generation`;

interface LookupCommand {
  rankingLookupBuffer(
    generationKey: string,
    entryPrefix: string,
    digest: string,
  ): Promise<[Buffer, Buffer | null]>;
  rankingInvalidate(generationKey: string, channel: string): Promise<number>;
}

/** The in-process copy's bounds: entries and their compressed bytes. */
const LOCAL_MAX_ENTRIES = 1_000;
const LOCAL_MAX_BYTES = 64 * 1024 * 1024;

interface LocalEntry {
  generation: string;
  gzip: Buffer;
  etag: string;
  until: number;
}

/** A ranking as JSON: computed now (text), or from the cache (gzip-compressed bytes). */
export type RankingJson =
  | { body: string; gzip?: undefined; etag?: string }
  | { body?: undefined; gzip: Buffer; etag: string };

/**
 * Computed rankings, and comparisons (the same data, the same invalidation: comparisons.service.ts).
 * With Redis (REDIS_URL) they are shared by every instance: every entry belongs to a data
 * generation; each write to units, plans or results through the API moves the generation on
 * (`invalidate`), and so does every change PostgreSQL announces (a worker's, a script's, psql's:
 * database/data-changes.ts), so the next request computes afresh; RANKING_CACHE_SECONDS only bounds
 * how long an unused entry stays. While Redis is away the rankings are computed as if there were no
 * cache. Entries are kept gzip-compressed (a national ranking's 160 KB of JSON is about 20 KB):
 * less to move out of Redis, and sent as they are to every client that accepts gzip, which every
 * browser does.
 *
 * Each instance also keeps the entries it served in memory, for the generation it knows to be
 * current, so that a repeated ranking costs no Redis round trip. It knows because every move of the
 * generation is published (Redis pub/sub, in the same script as the move) and drops the copy in
 * every instance; a write's response is sent after that. While the subscription is not up, the copy
 * is not used; a look-up that began before a drop does not store what it read.
 *
 * Without Redis the in-process copy is the cache (`npm start`'s single instance): it is dropped by
 * every write through this instance before its response, and by every change PostgreSQL announces
 * at commit (another instance's, a worker's, psql's), within milliseconds. While the announcements
 * cannot reach this process (the listening connection is lost) nothing is served from it. Not with
 * a read replica (DATABASE_READ_URL): the replica can still be behind the primary's announcement.
 */
@Injectable()
export class RankingCache implements OnApplicationShutdown {
  private readonly logger = new Logger('RankingCache');
  private readonly local = new Map<string, LocalEntry>();
  private localBytes = 0;
  /** The generation every instance has been told of last; null until a look-up reads it. */
  private current: string | null = null;
  /** Moves on at every drop of the copy. */
  private epoch = 0;
  private listening = false;
  private subscriber: Redis | null = null;
  /** Without Redis: where the cache lives, and the in-process generation (moved at every drop). */
  private readonly mode: 'redis' | 'memory' | 'off';
  private memoryGeneration = 0;
  private subscribedToData = false;
  /** Tells this process's entity tags apart from an earlier process's (their generations restart). */
  private readonly boot = randomBytes(4).toString('hex');

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataChanges: DataChanges,
  ) {
    redis?.defineCommand('rankingLookup', { numberOfKeys: 1, lua: LOOKUP_SCRIPT });
    redis?.defineCommand('rankingInvalidate', { numberOfKeys: 1, lua: INVALIDATE_SCRIPT });
    this.mode =
      config.rankingCacheSeconds === 0
        ? 'off'
        : redis !== null
          ? 'redis'
          : config.databaseReadUrl === undefined
            ? 'memory'
            : 'off';
  }

  /** Listens for PostgreSQL's announcements on the first look-up (as `listen` below). */
  private listenToData(): void {
    if (this.subscribedToData) return;
    this.subscribedToData = true;
    this.dataChanges.subscribe({
      changed: () => {
        if (this.mode === 'redis') void this.invalidate();
        else this.drop(null);
      },
      listening: (up) => {
        if (this.mode !== 'memory') return;
        this.drop(null);
        this.listening = up;
      },
    });
  }

  private get generationKey(): string {
    return `${this.config.redisKeyPrefix}:ranking-generation`;
  }

  private get channel(): string {
    return `${this.config.redisKeyPrefix}:ranking-generation-moved`;
  }

  /** Subscribes on the first look-up (a worker or a CLI command that never serves one never does). */
  private listen(redis: RedisClient & object): void {
    if (this.subscriber !== null) return;
    const subscriber = redis.duplicate({ connectionName: 'commune-bench-api-rankings' });
    this.subscriber = subscriber;
    const stop = () => {
      this.listening = false;
      this.drop(null);
    };
    subscriber.on('ready', () => {
      this.drop(null);
      subscriber.subscribe(this.channel).then(
        () => {
          this.drop(null);
          this.listening = true;
        },
        (error: Error) => this.logger.warn(`not subscribed: ${error.message}`),
      );
    });
    subscriber.on('close', stop);
    subscriber.on('end', stop);
    subscriber.on('error', stop);
    subscriber.on('message', (channel: string, generation: string) => {
      if (channel === this.channel) this.drop(generation);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.listening = false;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Forgets every in-process entry; `generation` is the new current one when it is known. */
  private drop(generation: string | null): void {
    this.epoch += 1;
    this.current =
      this.mode === 'memory' ? `${this.boot}.${(this.memoryGeneration += 1)}` : generation;
    this.local.clear();
    this.localBytes = 0;
  }

  private keep(digest: string, entry: LocalEntry, epoch: number): void {
    if (!this.listening || epoch !== this.epoch) return;
    if (this.current === null) this.current = entry.generation;
    if (entry.generation !== this.current) return;
    const old = this.local.get(digest);
    if (old !== undefined) {
      this.local.delete(digest);
      this.localBytes -= old.gzip.byteLength;
    }
    this.local.set(digest, entry);
    this.localBytes += entry.gzip.byteLength;
    // The oldest go first (a Map keeps insertion order).
    for (const [key, value] of this.local) {
      if (this.local.size <= LOCAL_MAX_ENTRIES && this.localBytes <= LOCAL_MAX_BYTES) break;
      this.local.delete(key);
      this.localBytes -= value.gzip.byteLength;
    }
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
    if (this.mode === 'off') return {};
    this.listenToData();
    // Cohorts depend on the current year too (classifications valid "now"), so the day is part of it.
    const digest = createHash('sha256')
      .update(JSON.stringify([key, new Date().toISOString().slice(0, 10)]))
      .digest('base64url');
    const now = Date.now();
    const until = now + this.config.rankingCacheSeconds * 1000;
    if (this.listening && this.current !== null) {
      const local = this.local.get(digest);
      if (local !== undefined && local.generation === this.current && local.until > now)
        return { hit: local.gzip, etag: local.etag };
    }
    if (this.mode === 'memory') {
      if (!this.listening) return {};
      const epoch = this.epoch;
      const generation = this.current!;
      const etag = `"${generation}-${digest}"`;
      return {
        etag,
        store: async (json) => {
          await gzipAsync(json)
            .then((compressed) =>
              this.keep(digest, { generation, gzip: compressed, etag, until }, epoch),
            )
            .catch(() => undefined);
        },
      };
    }
    const redis = this.redis;
    if (redis === null || redis.status !== 'ready') return {};
    this.listen(redis);
    try {
      const epoch = this.epoch;
      const entryPrefix = `${this.config.redisKeyPrefix}:ranking:`;
      const [generationBytes, hit] = await (redis as unknown as LookupCommand).rankingLookupBuffer(
        this.generationKey,
        entryPrefix,
        digest,
      );
      const generation = generationBytes.toString();
      const entryKey = `${entryPrefix}${generation}:${digest}`;
      const etag = `"${generation}-${digest}"`;
      if (hit !== null) {
        this.keep(digest, { generation, gzip: hit, etag, until }, epoch);
        return { hit, etag };
      }
      // Stored under the generation read before: if a write moved it on meanwhile, nobody reads it.
      return {
        etag,
        store: async (json) => {
          await gzipAsync(json)
            .then(async (compressed) => {
              await redis.set(entryKey, compressed, 'EX', this.config.rankingCacheSeconds);
              this.keep(digest, { generation, gzip: compressed, etag, until }, epoch);
            })
            .catch(() => undefined);
        },
      };
    } catch {
      return {};
    }
  }

  /** After a write that can change a ranking: every cached ranking is out of date, in every instance. */
  async invalidate(): Promise<void> {
    this.drop(null);
    const redis = this.redis;
    if (redis === null) return;
    await (redis as unknown as LookupCommand)
      .rankingInvalidate(this.generationKey, this.channel)
      .catch((error: Error) => this.logger.warn(`rankings not invalidated: ${error.message}`));
  }
}

/** The API paths whose writes change what rankings are computed from. */
const DATA_PATHS = /^\/api\/(results|plans|units)(\/|$|\?)/;

/**
 * Moves the ranking cache's generation on after every successful write to units, plans or results,
 * before the response is sent (waiting a second at most): whoever reads after the answer reads the
 * write, on any instance.
 */
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
    return (next.handle() as Observable<unknown>).pipe(
      concatMap(async (value: unknown) => {
        // Not longer than a second: while Redis is away a write is not held up by it (the cache
        // is not used then either).
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          this.cache.invalidate(),
          new Promise((resolve) => (timer = setTimeout(resolve, 1000))),
        ]);
        clearTimeout(timer);
        return value;
      }),
    );
  }
}
