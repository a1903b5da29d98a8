import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ZRankingQuery, type TMe, type TRankingView } from '@commune-bench/domain';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { RankingsService } from './rankings.service.js';

@Controller('rankings')
@UseGuards(AuthGuard)
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @Get()
  ranking(@CurrentUser() user: TMe, @Query() query: unknown): Promise<TRankingView> {
    return this.rankings.ranking(user, parseInput(ZRankingQuery, query));
  }
}
