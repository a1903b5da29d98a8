import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Body,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ZUuid, type TJobView, type TMe } from '@commune-bench/domain';
import type { Response } from 'express';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { badRequest } from '../common/app-error.js';
import { parseInput } from '../common/zod-parse.js';
import { RESULTS_UPLOAD_LIMIT_BYTES } from '../results/results.controller.js';
import { JobsService } from './jobs.service.js';

@Controller('jobs')
@UseGuards(AuthGuard)
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** The caller's latest jobs. */
  @Get()
  list(@CurrentUser() user: TMe): Promise<TJobView[]> {
    return this.jobs.list(user);
  }

  /** A ranking or comparison export as a job: 202 with the job; poll GET /api/jobs/:id. */
  @Post('exports')
  @HttpCode(202)
  createExport(@CurrentUser() user: TMe, @Body() body: unknown): Promise<TJobView> {
    return this.jobs.createExport(user, body);
  }

  /** A results file (CSV or XLSX) imported as a job: all rows or none, as POST /api/results/import. */
  @Post('imports')
  @HttpCode(202)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: RESULTS_UPLOAD_LIMIT_BYTES, files: 1 } }),
  )
  createImport(
    @CurrentUser() user: TMe,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<TJobView> {
    if (!file)
      throw badRequest('Chưa chọn tệp (trường "file", dạng CSV hoặc XLSX).', [
        { path: 'file', message: 'bắt buộc' },
      ]);
    return this.jobs.createImport(user, file);
  }

  @Get(':id')
  get(@CurrentUser() user: TMe, @Param('id') id: string): Promise<TJobView> {
    return this.jobs.get(user, parseInput(ZUuid, id));
  }

  /** The finished export's file. */
  @Get(':id/file')
  async file(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.jobs.file(user, parseInput(ZUuid, id));
    response.status(200);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', file.disposition);
    response.setHeader('Cache-Control', 'no-store');
    response.end(file.bytes);
  }
}
