import { Body, Controller, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ZUserCreate, ZUserUpdate, ZUuid, type TMe, type TUserView } from '@commune-bench/domain';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { UsersService } from './users.service.js';

@Controller('users')
@UseGuards(AuthGuard)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentUser() user: TMe): Promise<TUserView[]> {
    return this.users.list(user);
  }

  @Post()
  create(@CurrentUser() user: TMe, @Body() body: unknown): Promise<TUserView> {
    return this.users.create(user, parseInput(ZUserCreate, body));
  }

  @Patch(':id')
  update(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TUserView> {
    return this.users.update(user, parseInput(ZUuid, id), parseInput(ZUserUpdate, body));
  }
}
