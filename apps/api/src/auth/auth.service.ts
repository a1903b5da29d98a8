import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TLoginResponse, TMe } from '@commune-bench/domain';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { AppError, unauthorized } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { hashPassword, verifyPassword } from './password.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { UserCache } from './user-cache.js';
import { type UserRecord, UsersRepository } from './users.repository.js';

interface TokenPayload {
  sub: string;
  role: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly userCache: UserCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Sign-in. Too many attempts from one address in a minute → 429; after LOGIN_MAX_FAILURES wrong
   * passwords for an account it is locked for LOGIN_LOCKOUT_MINUTES (kept in the audit log, so every
   * instance sees it). Never says which of username and password was wrong.
   */
  async login(username: string, password: string, address: string): Promise<TLoginResponse> {
    const name = username.slice(0, 100);
    if (!(await this.rateLimiter.hit(address))) {
      throw new AppError(
        'too_many_requests',
        429,
        'Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau một phút.',
      );
    }
    const failures = await this.audit.loginFailures(name, this.config.loginLockoutMinutes);
    if (failures.count >= this.config.loginMaxFailures) {
      const until = new Date(
        (failures.lastAt?.getTime() ?? Date.now()) + this.config.loginLockoutMinutes * 60_000,
      );
      await this.audit.append({
        actorId: null,
        actorName: name,
        action: 'login_locked',
        entity: 'auth',
        entityId: name,
        after: { until: until.toISOString(), address },
      });
      const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
      throw new AppError(
        'account_locked',
        429,
        `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
        { until: until.toISOString() },
      );
    }
    const user = await this.users.findByUsername(username);
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      await this.audit.append({
        actorId: null,
        actorName: name,
        action: 'login_failed',
        entity: 'auth',
        entityId: name,
        after: { known: user !== undefined, address, failures: failures.count + 1 },
      });
      throw new AppError('invalid_credentials', 401, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    if (user.disabled)
      throw new AppError('user_disabled', 403, 'Tài khoản đã bị khóa. Liên hệ quản trị viên.');
    await this.audit.append({
      actorId: user.id,
      actorName: user.username,
      action: 'login',
      entity: 'auth',
      entityId: name,
      after: { address },
    });
    return this.issue(user);
  }

  /** Exchanges a refresh token for a new pair. A token used twice revokes every session of its user. */
  async refresh(refreshToken: string): Promise<TLoginResponse> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const consumed = await this.refreshTokens.consume(sha256(refreshToken), manager);
      if (consumed?.state === 'reused')
        await this.refreshTokens.revokeAll(consumed.userId, manager);
      return consumed;
    });
    if (!outcome || outcome.state !== 'valid') {
      if (outcome?.state === 'reused')
        await this.audit.append({
          actorId: outcome.userId,
          actorName: null,
          action: 'refresh_reused',
          entity: 'auth',
          entityId: outcome.userId,
        });
      throw unauthorized('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    }
    const user = await this.users.findById(outcome.userId);
    if (!user || user.disabled) throw unauthorized();
    return this.issue(user);
  }

  async changePassword(me: TMe, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(me.id);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError('invalid_credentials', 400, 'Mật khẩu hiện tại không đúng.', [
        { path: 'currentPassword', message: 'không đúng' },
      ]);
    }
    if (currentPassword === newPassword)
      throw new AppError('validation_failed', 400, 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
        { path: 'newPassword', message: 'trùng mật khẩu cũ' },
      ]);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(user.id, { passwordHash: await hashPassword(newPassword) }, manager);
      await this.refreshTokens.revokeAll(user.id, manager);
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'password_change',
          entity: 'user',
          entityId: user.id,
        },
        manager,
      );
    });
    await this.userCache.changed(user.id);
  }

  /** The user a bearer token belongs to; a disabled or deleted user's tokens stop working. */
  async authenticate(token: string): Promise<TMe> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw unauthorized();
    }
    const user = await this.userCache.get(payload.sub, () => this.users.findById(payload.sub));
    if (!user || user.disabled) throw unauthorized();
    return toMe(user);
  }

  private async issue(user: UserRecord): Promise<TLoginResponse> {
    const payload: TokenPayload = { sub: user.id, role: user.role };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.jwtExpiresInSeconds,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresIn = this.config.refreshExpiresInDays * 24 * 3600;
    await this.refreshTokens.insert(
      user.id,
      sha256(refreshToken),
      new Date(Date.now() + refreshExpiresIn * 1000),
    );
    return {
      accessToken,
      expiresIn: this.config.jwtExpiresInSeconds,
      refreshToken,
      refreshExpiresIn,
      user: toMe(user),
    };
  }
}

export function toMe(user: UserRecord): TMe {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope: { provinces: user.scopeProvinces, unitId: user.scopeUnitId },
  };
}
