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

  /** A TRankingView, sent as the JSON text the ranking cache holds (when it holds it), private. */
  @Get()
  async ranking(
    @CurrentUser() user: TMe,
    @Query() query: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const json = await this.rankings.rankingJson(user, parseInput(ZRankingQuery, query));
    // With the cache's tag set, Express hashes nothing and answers If-None-Match with 304.
    if (json.etag !== undefined) response.setHeader('ETag', json.etag);
    // Only the caller's browser keeps it, and asks again each time (a 304 when nothing changed).
    response.setHeader('Cache-Control', 'private, no-cache');
    response.status(200).type('application/json').send(json.body);
  }
}
