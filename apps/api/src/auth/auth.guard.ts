import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  createParamDecorator,
} from '@nestjs/common';
import type { TMe } from '@commune-bench/domain';
import type { Request } from 'express';
import { unauthorized } from '../common/app-error.js';
import { AuthService } from './auth.service.js';

type AuthenticatedRequest = Request & { user?: TMe };

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) throw unauthorized();
    request.user = await this.auth.authenticate(match[1]);
    return true;
  }
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): TMe => {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw unauthorized();
    return user;
  },
);
