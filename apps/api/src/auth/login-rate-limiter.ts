import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * Login attempts per client address in a sliding minute, in this process. (Per-account lockout is
 * kept in the database, so it holds across instances; see AuthService.)
 */
@Injectable()
export class LoginRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Records an attempt; false when the address is over its limit. */
  hit(address: string, now = Date.now()): boolean {
    const windowStart = now - 60_000;
    const recent = (this.attempts.get(address) ?? []).filter((at) => at > windowStart);
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000) {
      for (const [key, times] of this.attempts)
        if (times.every((at) => at <= windowStart)) this.attempts.delete(key);
    }
    return recent.length <= this.config.loginRatePerMinute;
  }
}
