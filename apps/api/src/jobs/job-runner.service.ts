import { Injectable, Logger } from '@nestjs/common';
import {
  ZComparisonQuery,
  ZExportJobCreate,
  ZRankingQuery,
  type TJobKind,
  type TMe,
} from '@commune-bench/domain';
import { Writable } from 'node:stream';
import { toMe } from '../auth/auth.service.js';
import { UsersRepository } from '../auth/users.repository.js';
import { AppError } from '../common/app-error.js';
import { isDatabaseUnavailable } from '../common/database-errors.js';
import { parseInput } from '../common/zod-parse.js';
import { RankingCache } from '../rankings/ranking-cache.js';
import { ReportsService } from '../reports/reports.service.js';
import { ResultsService } from '../results/results.service.js';
import { JobsRepository } from './jobs.repository.js';

/** Attempts of a job that fails for a passing reason (the database away) before it is failed. */
export const JOB_MAX_ATTEMPTS = 3;

/** What became of one attempt: finished (done or failed for good), or to be tried again. */
export type AttemptOutcome = 'finished' | 'retry';

/**
 * Runs one job, whichever process picked it up (the worker, or the API itself without Redis): loads
 * the user who queued it again (a disabled user's jobs fail; scope is checked at run time as well as
 * at queue time), does the work through the same services as the synchronous endpoints, and records
 * progress and the outcome in the jobs table.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('JobRunner');

  constructor(
    private readonly jobs: JobsRepository,
    private readonly users: UsersRepository,
    private readonly reports: ReportsService,
    private readonly results: ResultsService,
    private readonly rankingCache: RankingCache,
  ) {}

  async run(jobId: string): Promise<AttemptOutcome> {
    const job = await this.jobs.start(jobId);
    if (!job) return 'finished';
    try {
      const record = await this.users.findById(job.createdBy);
      if (!record || record.disabled)
        throw new AppError('forbidden', 403, 'Tài khoản đã tạo yêu cầu này không còn hoạt động.');
      const user = toMe(record);
      const progress = (percent: number) => this.jobs.setProgress(jobId, percent);
      await progress(5);
      if (job.kind === 'results_import') await this.runImport(jobId, user, progress);
      else await this.runExport(jobId, job.kind, job.params, user, progress);
      // Finished jobs older than the retention period go, with their files.
      await this.jobs.prune().catch(() => undefined);
      return 'finished';
    } catch (error) {
      if (error instanceof AppError) {
        await this.jobs.fail(jobId, {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        });
        return 'finished';
      }
      const passing = isDatabaseUnavailable(error);
      this.logger.error(
        `job ${jobId} (${job.kind}) attempt ${job.attempts}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      const recorded = {
        code: passing ? 'database_unavailable' : 'internal_error',
        message: passing
          ? 'Cơ sở dữ liệu tạm thời không truy cập được; yêu cầu sẽ được chạy lại.'
          : 'Lỗi hệ thống khi thực hiện yêu cầu.',
      };
      if (passing && job.attempts < JOB_MAX_ATTEMPTS) {
        await this.jobs.requeue(jobId, recorded).catch(() => undefined);
        return 'retry';
      }
      await this.jobs.fail(jobId, recorded).catch(() => undefined);
      return passing ? 'retry' : 'finished';
    }
  }

  private async runExport(
    jobId: string,
    kind: TJobKind,
    params: Record<string, unknown>,
    user: TMe,
    progress: (percent: number) => Promise<void>,
  ): Promise<void> {
    const request = parseInput(ZExportJobCreate, params);
    const download =
      kind === 'ranking_export'
        ? await this.reports.ranking(user, parseInput(ZRankingQuery, request.query), request.format)
        : await this.reports.comparison(
            user,
            parseInput(ZComparisonQuery, request.query),
            request.format,
          );
    await progress(50);
    const chunks: Buffer[] = [];
    await download.write(
      new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
          callback();
        },
      }),
    );
    await progress(95);
    await this.jobs.complete(jobId, {
      file: {
        bytes: Buffer.concat(chunks),
        contentType: download.contentType,
        disposition: download.contentDisposition,
      },
    });
  }

  private async runImport(
    jobId: string,
    user: TMe,
    progress: (percent: number) => Promise<void>,
  ): Promise<void> {
    const input = await this.jobs.input(jobId);
    if (!input) throw new AppError('not_found', 404, 'Không còn tệp của yêu cầu nhập.');
    const report = await this.results.import(
      user,
      { buffer: input.bytes, originalname: input.name, mimetype: input.type ?? undefined },
      progress,
    );
    await this.jobs.complete(jobId, { summary: report });
    await this.rankingCache.invalidate();
  }
}
