import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ZPlanCreate,
  ZPlanQuery,
  ZPlanUpdate,
  ZUuid,
  type TCascadeIssue,
  type TMe,
  type TPlanDetail,
  type TPlanSummary,
} from '@commune-bench/domain';
import { z } from 'zod';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { PlansService } from './plans.service.js';

const ZIssue = z.strictObject({ version: z.number().int().min(1) });

@Controller('plans')
@UseGuards(AuthGuard)
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  list(@CurrentUser() user: TMe, @Query() query: unknown): Promise<TPlanSummary[]> {
    return this.plans.list(user, parseInput(ZPlanQuery, query).unitId);
  }

  @Get(':id')
  get(@CurrentUser() user: TMe, @Param('id') id: string): Promise<TPlanDetail> {
    return this.plans.get(user, parseInput(ZUuid, id));
  }

  @Post()
  create(@CurrentUser() user: TMe, @Body() body: unknown): Promise<TPlanDetail> {
    return this.plans.create(user, parseInput(ZPlanCreate, body));
  }

  @Patch(':id')
  update(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TPlanDetail> {
    return this.plans.update(user, parseInput(ZUuid, id), parseInput(ZPlanUpdate, body));
  }

  @Post(':id/issue')
  @HttpCode(200)
  issue(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TPlanDetail> {
    return this.plans.issue(user, parseInput(ZUuid, id), parseInput(ZIssue, body).version);
  }

  @Get(':id/cascade')
  cascade(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
  ): Promise<{ planId: string; parentPlanId: string | null; issues: TCascadeIssue[] }> {
    return this.plans.cascade(user, parseInput(ZUuid, id));
  }
}
