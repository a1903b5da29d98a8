import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ZRankingQuery, type TMe } from '@commune-bench/domain';
import type { Response } from 'express';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { RankingsService } from './rankings.service.js';

@Controller('rankings')
@UseGuards(AuthGuard)
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  /** A TRankingView, sent as the JSON text the ranking cache holds (when it holds it). */
  @Get()
  async ranking(
    @CurrentUser() user: TMe,
    @Query() query: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const json = await this.rankings.rankingJson(user, parseInput(ZRankingQuery, query));
    response.status(200).type('application/json').send(json);
  }
}
