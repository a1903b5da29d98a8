import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ZRankingQuery, type TMe } from '@commune-bench/domain';
import type { Request, Response } from 'express';
import { gunzipSync } from 'node:zlib';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { RankingsService } from './rankings.service.js';

@Controller('rankings')
@UseGuards(AuthGuard)
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  /**
   * A TRankingView, sent as the JSON the ranking cache holds when it holds it (gzip-compressed to a
   * client that accepts it), private.
   */
  @Get()
  async ranking(
    @CurrentUser() user: TMe,
    @Query() query: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const json = await this.rankings.rankingJson(user, parseInput(ZRankingQuery, query));
    // Only the caller's browser keeps it, and asks again each time (a 304 when nothing changed).
    response.setHeader('Cache-Control', 'private, no-cache');
    response.status(200).type('application/json');
    if (json.gzip === undefined) {
      if (json.etag !== undefined) response.setHeader('ETag', json.etag);
      response.send(json.body);
      return;
    }
    response.setHeader('Vary', 'Accept-Encoding');
    // With the cache's tag set, Express hashes nothing and answers If-None-Match with 304; the two
    // encodings are two representations, with two tags.
    if (request.acceptsEncodings('gzip') === 'gzip') {
      response.setHeader('ETag', `${json.etag.slice(0, -1)}-gzip"`);
      response.setHeader('Content-Encoding', 'gzip');
      response.send(json.gzip);
    } else {
      response.setHeader('ETag', json.etag);
      response.send(gunzipSync(json.gzip));
    }
  }
}
