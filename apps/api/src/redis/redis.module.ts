import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Injection token: the shared ioredis client, or null when REDIS_URL is not set. */
export const REDIS = Symbol('REDIS');
export type RedisClient = Redis | null;

/**
 * A client of this process. Commands fail fast while Redis is away (callers fall back), except on a
 * BullMQ worker's connection, which must wait for Redis to return (maxRetriesPerRequest null).
 */
export function redisClient(
  url: string,
  name: string,
  maxRetriesPerRequest: number | null = 1,
): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RedisClient => {
        if (config.redisUrl === undefined) return null;
        const client = redisClient(config.redisUrl, 'commune-bench-api');
        const logger = new Logger('Redis');
        let reported = false;
        client.on('error', (error: Error) => {
          if (!reported) logger.warn(`Redis unavailable: ${error.message}`);
          reported = true;
        });
        client.on('ready', () => {
          if (reported) logger.log('Redis is back');
          reported = false;
        });
        return client;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
