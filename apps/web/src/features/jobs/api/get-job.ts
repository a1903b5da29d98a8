import type { TJobStatus, TJobView } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { jobsKeys } from './query-keys';

/** How often a queued or running job is asked for again. */
export const JOB_POLL_INTERVAL_MS = 1000;

/** Still to finish: worth asking again. */
export function isJobActive(job: { status: TJobStatus } | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** `GET /api/jobs/:id`: the job's status, progress and outcome. */
export function getJob(id: string, signal?: AbortSignal): Promise<TJobView> {
  return apiRequest<TJobView>(`/jobs/${encodeURIComponent(id)}`, { signal });
}

export function getJobQueryOptions(id: string) {
  return queryOptions({
    queryKey: jobsKeys.detail(id),
    queryFn: ({ signal }) => getJob(id, signal),
    // About once a second while it waits or runs; not at all once it is done or failed (or could
    // not be read at all).
    refetchInterval: (query) => {
      const job = query.state.data;
      if (job === undefined) return query.state.status === 'error' ? false : JOB_POLL_INTERVAL_MS;
      return isJobActive(job) ? JOB_POLL_INTERVAL_MS : false;
    },
  });
}

/** A job, polled until it is done or failed (nothing without an id). */
export function useJob(id: string | undefined) {
  return useQuery({ ...getJobQueryOptions(id ?? ''), enabled: id !== undefined });
}
