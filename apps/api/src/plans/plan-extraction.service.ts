import { Injectable } from '@nestjs/common';
import type { TPlanProposal } from '@commune-bench/domain';
import { extractPlan, isPlanImportError, type ExtractPlanInput } from '@commune-bench/plan-import';
import { z } from 'zod';
import { AppError } from '../common/app-error.js';

/** Uploaded plan documents: 10 MB; pasted text goes through the JSON body limit (BODY_LIMIT_KB). */
export const PLAN_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export const ZExtractText = z.strictObject({
  text: z.string().min(1, 'cần nội dung văn bản').max(2_000_000),
  filename: z.string().max(255).optional(),
});

/** Reads a plan document and proposes its targets (packages/plan-import); nothing is saved. */
@Injectable()
export class PlanExtractionService {
  async extract(input: ExtractPlanInput): Promise<TPlanProposal> {
    try {
      return await extractPlan(input, { timeoutMs: 20_000 });
    } catch (error) {
      if (isPlanImportError(error) && error.code !== 'internal_error')
        throw new AppError(error.code, error.status, error.message, error.details);
      throw error;
    }
  }
}
