import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ZLoginRequest, type TLoginResponse, type TMe } from '@commune-bench/domain';
import { parseInput } from '../common/zod-parse.js';
import { AuthGuard, CurrentUser } from './auth.guard.js';
import { AuthService } from './auth.service.js';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown): Promise<TLoginResponse> {
    const { username, password } = parseInput(ZLoginRequest, body);
    return this.auth.login(username, password);
  }

  @Get('me')
  @UseGuards(AuthGuard)
  me(@CurrentUser() user: TMe): TMe {
    return user;
  }
}
