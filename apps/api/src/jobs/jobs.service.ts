import { Injectable } from '@nestjs/common';
import {
  ZComparisonQuery,
  REPORT_FORMAT_NAMES_VI,
  ZExportJobCreate,
  ZRankingQuery,
  ZResultImportReport,
  type TJobView,
  type TMe,
} from '@commune-bench/domain';
import { notFound } from '../common/app-error.js';
import { ComparisonsService } from '../comparisons/comparisons.service.js';
import { RankingsService } from '../rankings/rankings.service.js';
import { assertSafeFileName } from '../common/file-name.js';
import { parseInput } from '../common/zod-parse.js';
import { JobQueue } from './job-queue.js';
import { type JobRecord, JobsRepository } from './jobs.repository.js';

function label(job: JobRecord): string {
  if (job.kind === 'results_import') return `Nhập kết quả từ tệp ${job.inputName ?? ''}`.trim();
  const request = ZExportJobCreate.safeParse(job.params);
  const format = request.success ? ` (${REPORT_FORMAT_NAMES_VI[request.data.format]})` : '';
  return job.kind === 'ranking_export'
    ? `Xuất bảng xếp hạng${format}`
    : `Xuất bảng so sánh${format}`;
}

/** The file name of a job's result, out of its Content-Disposition (filename*=UTF-8''…). */
function fileName(disposition: string | null): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? 'bao-cao';
}

export function toJobView(job: JobRecord): TJobView {
  const report = job.resultSummary ? ZResultImportReport.safeParse(job.resultSummary) : undefined;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    label: label(job),
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    attempts: job.attempts,
    file:
      job.status === 'done' && job.resultSize !== null && job.resultContentType !== null
        ? {
            name: fileName(job.resultDisposition),
            contentType: job.resultContentType,
            size: job.resultSize,
          }
        : null,
    importReport: report?.success ? report.data : null,
    error:
      job.error && typeof job.error.code === 'string' && typeof job.error.message === 'string'
        ? {
            code: job.error.code,
            message: job.error.message,
            ...(job.error.details === undefined ? {} : { details: job.error.details }),
          }
        : null,
  };
}

/** Queues exports and imports as jobs and answers for them, from any instance. */
@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly queue: JobQueue,
    private readonly rankings: RankingsService,
    private readonly comparisons: ComparisonsService,
  ) {}

  async createExport(user: TMe, body: unknown): Promise<TJobView> {
    const request = parseInput(ZExportJobCreate, body);
    // Parameters and scope are checked now (400 / 403 at once), and again when the job runs.
    if (request.report === 'ranking')
      await this.rankings.checkAccess(user, parseInput(ZRankingQuery, request.query));
    else await this.comparisons.checkAccess(user, parseInput(ZComparisonQuery, request.query));
    const job = await this.jobs.create({
      kind: request.report === 'ranking' ? 'ranking_export' : 'comparison_export',
      params: request,
      createdBy: user.id,
    });
    await this.queue.enqueue(job.id);
    return toJobView(job);
  }

  async createImport(
    user: TMe,
    file: { buffer: Buffer; originalname: string; mimetype?: string },
  ): Promise<TJobView> {
    assertSafeFileName(file.originalname);
    const job = await this.jobs.create({
      kind: 'results_import',
      params: {},
      createdBy: user.id,
      input: { name: file.originalname, type: file.mimetype ?? null, bytes: file.buffer },
    });
    await this.queue.enqueue(job.id);
    return toJobView(job);
  }

  async get(user: TMe, id: string): Promise<TJobView> {
    return toJobView(await this.visible(user, id));
  }

  async list(user: TMe): Promise<TJobView[]> {
    return (await this.jobs.listByCreator(user.id)).map(toJobView);
  }

  async file(
    user: TMe,
    id: string,
  ): Promise<{ bytes: Buffer; contentType: string; disposition: string }> {
    const job = await this.visible(user, id);
    const file = job.status === 'done' ? await this.jobs.file(job.id) : undefined;
    if (!file) throw notFound('Yêu cầu này chưa có tệp kết quả.');
    return file;
  }

  /** A job is seen by the user who queued it (and by an admin); to anyone else it does not exist. */
  private async visible(user: TMe, id: string): Promise<JobRecord> {
    const job = await this.jobs.findById(id);
    if (!job || (job.createdBy !== user.id && user.role !== 'admin'))
      throw notFound('Không tìm thấy yêu cầu.');
    return job;
  }
}
