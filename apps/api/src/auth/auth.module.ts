import { createSecretKey, randomBytes } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SettingsModule } from '../settings/settings.module.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { UserCache } from './user-cache.js';
import { UsersRepository } from './users.repository.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      imports: [SettingsModule],
      inject: [APP_CONFIG, SettingsRepository],
      // Without JWT_SECRET, one secret is generated at first start and kept in the database, so every
      // instance and every restart accept the same tokens.
      useFactory: async (config: AppConfig, settings: SettingsRepository) => ({
        // A KeyObject, not the string: jsonwebtoken first tries a string as a public key (and
        // throws and catches) at every verify, which was the largest cost of a cached ranking.
        secret: createSecretKey(
          Buffer.from(
            config.jwtSecret ??
              (await settings.getOrInsert('jwt_secret', randomBytes(48).toString('base64url'))),
          ),
        ),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    UsersRepository,
    UserCache,
    RefreshTokensRepository,
    LoginRateLimiter,
    AuthService,
    AuthGuard,
  ],
  exports: [UsersRepository, UserCache, RefreshTokensRepository, AuthService, AuthGuard],
})
export class AuthModule {}
