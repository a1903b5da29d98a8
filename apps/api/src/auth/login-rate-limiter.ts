import { Inject, Injectable } from '@nestjs/common';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS, type RedisClient } from '../redis/redis.module.js';

/**
 * Login attempts per client address per minute. With REDIS_URL the count lives in Redis, so it holds
 * across every instance (a client cannot dodge it by reaching another replica); while Redis is away
 * each instance counts in memory. Without REDIS_URL the count is per instance. (Per-account lockout
 * is kept in the database and always holds across instances; see AuthService.)
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: RedisClient) {
    const options = { points: config.loginRatePerMinute, duration: 60 };
    const memory = new RateLimiterMemory({ ...options, keyPrefix: 'login' });
    this.limiter =
      redis === null
        ? memory
        : new RateLimiterRedis({
            ...options,
            storeClient: redis,
            keyPrefix: `${config.redisKeyPrefix}:login`,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          });
  }

  /** Records an attempt; false when the address is over its limit. */
  async hit(address: string): Promise<boolean> {
    try {
      await this.limiter.consume(address);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }
}
