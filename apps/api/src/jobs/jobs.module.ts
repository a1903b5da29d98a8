import { type DynamicModule, Module } from '@nestjs/common';
import { ComparisonsModule } from '../comparisons/comparisons.module.js';
import { RankingsModule } from '../rankings/rankings.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ResultsModule } from '../results/results.module.js';
import { JobQueue, RUNS_JOBS } from './job-queue.js';
import { JobRunner } from './job-runner.service.js';
import { JobsController } from './jobs.controller.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

@Module({})
export class JobsModule {
  /** runsJobs: whether this process takes jobs from the queue (the worker; an API unless RUN_JOBS=false). */
  static forRoot(runsJobs: boolean): DynamicModule {
    return {
      module: JobsModule,
      imports: [ReportsModule, ResultsModule, RankingsModule, ComparisonsModule],
      controllers: [JobsController],
      providers: [
        { provide: RUNS_JOBS, useValue: runsJobs },
        JobsRepository,
        JobRunner,
        JobQueue,
        JobsService,
      ],
      exports: [JobQueue, JobsService],
    };
  }
}
