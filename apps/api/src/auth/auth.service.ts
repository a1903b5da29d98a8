import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { TLoginResponse, TMe } from '@commune-bench/domain';
import { AuditRepository } from '../audit/audit.repository.js';
import { AppError, unauthorized } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { verifyPassword } from './password.js';
import { type UserRecord, UsersRepository } from './users.repository.js';

interface TokenPayload {
  sub: string;
  role: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<TLoginResponse> {
    const user = await this.users.findByUsername(username);
    // Verify against a hash even for unknown users would equalise timing; argon2 is slow enough that
    // we at least never reveal which of the two was wrong.
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      await this.audit.append({
        actorId: null,
        actorName: username.slice(0, 100),
        action: 'login_failed',
        entity: 'auth',
        entityId: username.slice(0, 100),
        after: { known: user !== undefined },
      });
      throw new AppError('invalid_credentials', 401, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    if (user.disabled)
      throw new AppError('user_disabled', 403, 'Tài khoản đã bị khóa. Liên hệ quản trị viên.');
    const payload: TokenPayload = { sub: user.id, role: user.role };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.jwtExpiresInSeconds,
    });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, user: toMe(user) };
  }

  /** The user a bearer token belongs to; a disabled or deleted user's tokens stop working. */
  async authenticate(token: string): Promise<TMe> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw unauthorized();
    }
    const user = await this.users.findById(payload.sub);
    if (!user || user.disabled) throw unauthorized();
    return toMe(user);
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
