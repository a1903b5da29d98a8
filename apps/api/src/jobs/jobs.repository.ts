import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TJobKind, TJobStatus } from '@commune-bench/domain';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows.js';

/** A job as stored, without its input and output bytes (those are read only when needed). */
export interface JobRecord {
  id: string;
  kind: TJobKind;
  status: TJobStatus;
  progress: number;
  params: Record<string, unknown>;
  inputName: string | null;
  resultContentType: string | null;
  resultDisposition: string | null;
  resultSize: number | null;
  resultSummary: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  attempts: number;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface JobRow {
  id: string;
  kind: TJobKind;
  status: TJobStatus;
  progress: number;
  params: Record<string, unknown>;
  input_name: string | null;
  result_content_type: string | null;
  result_disposition: string | null;
  result_size: number | null;
  result_summary: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  attempts: number;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `id, kind, status, progress, params, input_name, result_content_type, result_disposition,
  octet_length(result_file) AS result_size, result_summary, error, attempts, created_by, created_at,
  started_at, finished_at`;

const toRecord = (row: JobRow): JobRecord => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  progress: row.progress,
  params: row.params,
  inputName: row.input_name,
  resultContentType: row.result_content_type,
  resultDisposition: row.result_disposition,
  resultSize: row.result_size === null ? null : Number(row.result_size),
  resultSummary: row.result_summary,
  error: row.error,
  attempts: row.attempts,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  startedAt: row.started_at === null ? null : new Date(row.started_at),
  finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
});

/** Finished jobs (and their files) are kept this long. */
export const JOB_RETENTION_DAYS = 7;

@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(job: {
    kind: TJobKind;
    params: Record<string, unknown>;
    createdBy: string;
    input?: { name: string; type: string | null; bytes: Buffer };
  }): Promise<JobRecord> {
    const rows: JobRow[] = await this.dataSource.query(
      `INSERT INTO jobs (kind, params, created_by, input_name, input_type, input)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        job.kind,
        JSON.stringify(job.params),
        job.createdBy,
        job.input?.name ?? null,
        job.input?.type ?? null,
        job.input?.bytes ?? null,
      ],
    );
    return toRecord(rows[0]!);
  }

  async findById(id: string): Promise<JobRecord | undefined> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM jobs WHERE id = $1`,
      [id],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** The user's latest jobs, newest first. */
  async listByCreator(userId: string, limit = 20): Promise<JobRecord[]> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM jobs WHERE created_by = $1 ORDER BY created_at DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toRecord);
  }

  /** Jobs not finished (after a restart of a single-process deployment they are run again). */
  async unfinishedIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  /** Takes a job to run: counts the attempt. Undefined when it is already done or failed. */
  async start(id: string): Promise<JobRecord | undefined> {
    const rows = returnedRows<JobRow>(
      await this.dataSource.query(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, progress = 0,
           started_at = now(), error = NULL
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
        [id],
      ),
    );
    return rows[0] && toRecord(rows[0]);
  }

  async input(
    id: string,
  ): Promise<{ name: string; type: string | null; bytes: Buffer } | undefined> {
    const rows: { input_name: string; input_type: string | null; input: Buffer | null }[] =
      await this.dataSource.query('SELECT input_name, input_type, input FROM jobs WHERE id = $1', [
        id,
      ]);
    const row = rows[0];
    return row?.input
      ? { name: row.input_name, type: row.input_type, bytes: row.input }
      : undefined;
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE jobs SET progress = $2 WHERE id = $1 AND status = 'running'`,
      [id, Math.max(0, Math.min(99, Math.round(progress)))],
    );
  }

  async complete(
    id: string,
    outcome: {
      file?: { bytes: Buffer; contentType: string; disposition: string };
      summary?: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE jobs SET status = 'done', progress = 100, finished_at = now(), input = NULL,
         result_file = $2, result_content_type = $3, result_disposition = $4, result_summary = $5
       WHERE id = $1`,
      [
        id,
        outcome.file?.bytes ?? null,
        outcome.file?.contentType ?? null,
        outcome.file?.disposition ?? null,
        outcome.summary === undefined ? null : JSON.stringify(outcome.summary),
      ],
    );
  }

  async fail(id: string, error: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `UPDATE jobs SET status = 'failed', finished_at = now(), input = NULL, error = $2 WHERE id = $1`,
      [id, JSON.stringify(error)],
    );
  }

  /** Puts a job back in the queue after an attempt that failed for a passing reason. */
  async requeue(id: string, error: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `UPDATE jobs SET status = 'queued', error = $2 WHERE id = $1 AND status = 'running'`,
      [id, JSON.stringify(error)],
    );
  }

  async file(
    id: string,
  ): Promise<{ bytes: Buffer; contentType: string; disposition: string } | undefined> {
    const rows: {
      result_file: Buffer | null;
      result_content_type: string | null;
      result_disposition: string | null;
    }[] = await this.dataSource.query(
      'SELECT result_file, result_content_type, result_disposition FROM jobs WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row?.result_file) return undefined;
    return {
      bytes: row.result_file,
      contentType: row.result_content_type ?? 'application/octet-stream',
      disposition: row.result_disposition ?? 'attachment',
    };
  }

  /** Drops finished jobs older than the retention period, with their files. */
  async prune(): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `DELETE FROM jobs WHERE status IN ('done', 'failed')
         AND finished_at < now() - make_interval(days => $1)`,
      [JOB_RETENTION_DAYS],
    );
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
