import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ZComparisonQuery, ZRankingQuery, type TMe } from '@commune-bench/domain';
import { ZReportFormat } from '@commune-bench/reports';
import type { Response } from 'express';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { type ReportDownload, ReportsService } from './reports.service.js';

@Controller('reports')
@UseGuards(AuthGuard)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** `ranking.xlsx`, `ranking.pdf`, `ranking.docx`, `ranking.csv`, with the parameters of /api/rankings. */
  @Get('ranking.:format')
  async ranking(
    @CurrentUser() user: TMe,
    @Param('format') format: string,
    @Query() query: unknown,
    @Res() response: Response,
  ): Promise<void> {
    await send(
      response,
      await this.reports.ranking(
        user,
        parseInput(ZRankingQuery, query),
        parseInput(ZReportFormat, format),
      ),
    );
  }

  /** `comparison.{xlsx,pdf,docx,csv}`, with the parameters of /api/comparisons. */
  @Get('comparison.:format')
  async comparison(
    @CurrentUser() user: TMe,
    @Param('format') format: string,
    @Query() query: unknown,
    @Res() response: Response,
  ): Promise<void> {
    await send(
      response,
      await this.reports.comparison(
        user,
        parseInput(ZComparisonQuery, query),
        parseInput(ZReportFormat, format),
      ),
    );
  }
}

/** Streams the file into the response; everything that can fail (scope, parameters) has failed before. */
async function send(response: Response, download: ReportDownload): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', download.contentType);
  response.setHeader('Content-Disposition', download.contentDisposition);
  response.setHeader('Cache-Control', 'no-store');
  await download.write(response);
}
