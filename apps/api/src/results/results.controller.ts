import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ZResultQuery,
  ZResultReturn,
  ZResultUpsert,
  ZUuid,
  type TMe,
  type TResultImportReport,
  type TResultView,
} from '@commune-bench/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { badRequest } from '../common/app-error.js';
import { assertSafeFileName } from '../common/file-name.js';
import { parseInput } from '../common/zod-parse.js';
import { ResultsService } from './results.service.js';

const ZTransition = z.strictObject({ version: z.number().int().min(1).optional() });
const ZReturn = ZResultReturn.extend({ version: z.number().int().min(1).optional() });
export const RESULTS_UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

@Controller('results')
@UseGuards(AuthGuard)
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  list(@CurrentUser() user: TMe, @Query() query: unknown): Promise<TResultView[]> {
    return this.results.list(user, parseInput(ZResultQuery, query));
  }

  /** 201 when a draft was created, 200 when a value changed. */
  @Put()
  async upsert(
    @CurrentUser() user: TMe,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TResultView> {
    const { result, created } = await this.results.upsert(user, parseInput(ZResultUpsert, body));
    response.status(created ? 201 : 200);
    return result;
  }

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: RESULTS_UPLOAD_LIMIT_BYTES, files: 1 } }),
  )
  import(
    @CurrentUser() user: TMe,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<TResultImportReport> {
    if (!file)
      throw badRequest('Chưa chọn tệp (trường "file", dạng CSV hoặc XLSX).', [
        { path: 'file', message: 'bắt buộc' },
      ]);
    assertSafeFileName(file.originalname);
    return this.results.import(user, file);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TResultView> {
    return this.results.transition(
      user,
      parseInput(ZUuid, id),
      'submit',
      parseInput(ZTransition, body ?? {}),
    );
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TResultView> {
    return this.results.transition(
      user,
      parseInput(ZUuid, id),
      'verify',
      parseInput(ZTransition, body ?? {}),
    );
  }

  @Post(':id/return')
  @HttpCode(200)
  returnResult(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TResultView> {
    return this.results.transition(
      user,
      parseInput(ZUuid, id),
      'return',
      parseInput(ZReturn, body),
    );
  }
}
