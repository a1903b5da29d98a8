import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ZLoginRequest,
  ZPasswordChange,
  ZRefreshRequest,
  type TLoginResponse,
  type TMe,
} from '@commune-bench/domain';
import type { Request } from 'express';
import { parseInput } from '../common/zod-parse.js';
import { AuthGuard, CurrentUser } from './auth.guard.js';
import { AuthService } from './auth.service.js';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() request: Request): Promise<TLoginResponse> {
    const { username, password } = parseInput(ZLoginRequest, body);
    return this.auth.login(username, password, request.ip ?? 'unknown');
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: unknown): Promise<TLoginResponse> {
    return this.auth.refresh(parseInput(ZRefreshRequest, body).refreshToken);
  }

  @Get('me')
  @UseGuards(AuthGuard)
  me(@CurrentUser() user: TMe): TMe {
    return user;
  }

  @Post('password')
  @HttpCode(204)
  @UseGuards(AuthGuard)
  async changePassword(@CurrentUser() user: TMe, @Body() body: unknown): Promise<void> {
    const { currentPassword, newPassword } = parseInput(ZPasswordChange, body);
    await this.auth.changePassword(user, currentPassword, newPassword);
  }
}
