import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { redisClient } from '../redis/redis.module.js';
import { JOB_MAX_ATTEMPTS, JobRunner } from './job-runner.service.js';
import { JobsRepository } from './jobs.repository.js';

export const QUEUE_NAME = 'jobs';

/** Whether this process runs jobs (the worker always; an API instance unless RUN_JOBS=false). */
export const RUNS_JOBS = Symbol('RUNS_JOBS');

/**
 * Where queued jobs wait. With REDIS_URL: a BullMQ queue on Redis, which any worker process (or API
 * instance with RUN_JOBS) takes from, so a job outlives the instance that queued it and a stalled job
 * (its worker killed) is taken again. Without: this process runs them itself, a few at a time, and
 * at start runs again those a previous run of it left unfinished.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private queue: Queue | undefined;
  private worker: Worker | undefined;
  private readonly connections: Redis[] = [];
  private readonly waiting: string[] = [];
  private active = 0;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNS_JOBS) private readonly runsJobs: boolean,
    private readonly runner: JobRunner,
    private readonly jobs: JobsRepository,
  ) {}

  get mode(): 'redis' | 'in-process' {
    return this.config.redisUrl === undefined ? 'in-process' : 'redis';
  }

  async onApplicationBootstrap(): Promise<void> {
    const url = this.config.redisUrl;
    if (url === undefined) {
      if (!this.runsJobs) return;
      for (const id of await this.jobs.unfinishedIds()) this.runInProcess(id);
      return;
    }
    const prefix = `${this.config.redisKeyPrefix}:bull`;
    this.queue = new Queue(QUEUE_NAME, {
      prefix,
      connection: this.connect(url, 'commune-bench-queue', 1),
      defaultJobOptions: {
        attempts: JOB_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: 1000,
        removeOnFail: 1000,
      },
    });
    this.queue.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
    if (!this.runsJobs) return;
    this.worker = new Worker<{ jobId: string }>(
      QUEUE_NAME,
      async (job) => {
        // 'retry' throws so BullMQ tries again after its backoff; the jobs table says why.
        if ((await this.runner.run(job.data.jobId)) === 'retry')
          throw new Error(`job ${job.data.jobId}: to be tried again`);
      },
      {
        prefix,
        connection: this.connect(url, 'commune-bench-worker', null),
        concurrency: this.config.workerConcurrency,
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`worker: ${error.message}`));
    this.logger.log(`taking jobs from Redis (concurrency ${this.config.workerConcurrency})`);
  }

  private connect(url: string, name: string, maxRetriesPerRequest: number | null): Redis {
    const connection = redisClient(url, name, maxRetriesPerRequest);
    connection.on('error', () => undefined);
    this.connections.push(connection);
    return connection;
  }

  /** Queues a job whose row is already in the jobs table. */
  async enqueue(jobId: string): Promise<void> {
    if (this.queue) {
      await this.queue.add('run', { jobId }, { jobId });
      return;
    }
    this.runInProcess(jobId);
  }

  private runInProcess(jobId: string): void {
    this.waiting.push(jobId);
    this.drain();
  }

  private drain(): void {
    while (!this.closed && this.active < this.config.workerConcurrency && this.waiting.length > 0) {
      const jobId = this.waiting.shift()!;
      this.active += 1;
      void this.runner
        .run(jobId)
        .then((outcome) => {
          if (outcome === 'retry' && !this.closed)
            setTimeout(() => this.runInProcess(jobId), 2000).unref();
        })
        .catch((error: unknown) => this.logger.error(`job ${jobId}: ${String(error)}`))
        .finally(() => {
          this.active -= 1;
          this.drain();
        });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    // The worker finishes the job in hand before it closes; an unfinished one is taken again later.
    await this.worker?.close().catch(() => undefined);
    await this.queue?.close().catch(() => undefined);
    for (const connection of this.connections)
      await connection.quit().catch(() => connection.disconnect());
  }
}
