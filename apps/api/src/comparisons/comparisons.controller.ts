import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ZComparisonQuery, type TComparisonView, type TMe } from '@commune-bench/domain';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { ComparisonsService } from './comparisons.service.js';

@Controller('comparisons')
@UseGuards(AuthGuard)
export class ComparisonsController {
  constructor(private readonly comparisons: ComparisonsService) {}

  @Get()
  compare(@CurrentUser() user: TMe, @Query() query: unknown): Promise<TComparisonView> {
    return this.comparisons.compare(user, parseInput(ZComparisonQuery, query));
  }
}
