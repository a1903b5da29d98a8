import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ZPlanCreate,
  ZPlanQuery,
  ZPlanUpdate,
  ZUuid,
  type TCascadeIssue,
  type TMe,
  type TPlanDetail,
  type TPlanSummary,
  type TPlanProposal,
} from '@commune-bench/domain';
import { z } from 'zod';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { assertSafeFileName } from '../common/file-name.js';
import { parseInput } from '../common/zod-parse.js';
import {
  PLAN_UPLOAD_LIMIT_BYTES,
  PlanExtractionService,
  ZExtractText,
} from './plan-extraction.service.js';
import { PlansService } from './plans.service.js';

const ZIssue = z.strictObject({ version: z.number().int().min(1) });

@Controller('plans')
@UseGuards(AuthGuard)
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly extraction: PlanExtractionService,
  ) {}

  @Get()
  list(@CurrentUser() user: TMe, @Query() query: unknown): Promise<TPlanSummary[]> {
    return this.plans.list(user, parseInput(ZPlanQuery, query).unitId);
  }

  /** A document (multipart `file`, or JSON `{ text, filename }`) → proposed plan and targets; nothing is saved. */
  @Post('extract')
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: PLAN_UPLOAD_LIMIT_BYTES, files: 1 } }),
  )
  extract(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: unknown,
  ): Promise<TPlanProposal> {
    if (file) {
      assertSafeFileName(file.originalname);
      return this.extraction.extract({ buffer: file.buffer, filename: file.originalname });
    }
    return this.extraction.extract(parseInput(ZExtractText, body));
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
