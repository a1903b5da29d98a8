import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS, type RedisClient } from '../redis/redis.module.js';
import type { UserRecord } from './users.repository.js';

const MAX_ENTRIES = 10_000;

/**
 * The accounts bearer tokens belong to, kept for AUTH_USER_CACHE_SECONDS so that a request does not
 * read its user from PostgreSQL every time (a database round trip was a fifth of a cached ranking's
 * cost). It cannot disagree with the database for longer than a message takes: every change of an
 * account through the API (`changed`, after its transaction commits) drops the account here and,
 * through Redis pub/sub, in every other instance. While the subscription is not up (Redis away or
 * reconnecting) nothing is served from here; after it comes back everything is read again. Without
 * REDIS_URL there is one instance and only its own changes to hear of. A change made outside the
 * API (psql) is seen within AUTH_USER_CACHE_SECONDS.
 */
@Injectable()
export class UserCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('UserCache');
  private readonly entries = new Map<string, { user: UserRecord | undefined; until: number }>();
  /** Moves on at every drop: a read that began before a drop does not store what it read. */
  private generation = 0;
  private listening = false;
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get channel(): string {
    return `${this.config.redisKeyPrefix}:user-changed`;
  }

  onModuleInit(): void {
    if (this.config.userCacheSeconds === 0) return;
    if (this.redis === null) {
      this.listening = true;
      return;
    }
    const subscriber = this.redis.duplicate({ connectionName: 'commune-bench-api-users' });
    this.subscriber = subscriber;
    const stop = () => {
      this.listening = false;
      this.clear();
    };
    subscriber.on('ready', () => {
      this.clear();
      subscriber.subscribe(this.channel).then(
        () => {
          this.clear();
          this.listening = true;
        },
        (error: Error) => this.logger.warn(`not subscribed: ${error.message}`),
      );
    });
    subscriber.on('close', stop);
    subscriber.on('end', stop);
    subscriber.on('error', stop);
    subscriber.on('message', (channel: string, userId: string) => {
      if (channel === this.channel) this.drop(userId);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.listening = false;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** The account, from here when it is here and still fresh, otherwise from `load`. */
  async get(
    userId: string,
    load: () => Promise<UserRecord | undefined>,
  ): Promise<UserRecord | undefined> {
    if (!this.listening) return load();
    const hit = this.entries.get(userId);
    if (hit !== undefined && hit.until > Date.now()) return hit.user;
    const generation = this.generation;
    const user = await load();
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(userId, { user, until: Date.now() + this.config.userCacheSeconds * 1000 });
    }
    return user;
  }

  /** After a change of an account has committed: every instance reads it again. */
  async changed(userId: string): Promise<void> {
    this.drop(userId);
    await this.redis?.publish(this.channel, userId).catch((error: Error) => {
      this.logger.warn(`change of ${userId} not announced: ${error.message}`);
    });
  }

  private drop(userId: string): void {
    this.generation += 1;
    this.entries.delete(userId);
  }

  private clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
