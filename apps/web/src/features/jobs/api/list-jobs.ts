import type { TJobView } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { isJobActive } from './get-job';
import { jobsKeys } from './query-keys';

/** How often the list is asked for again while one of its jobs waits or runs. */
export const JOBS_LIST_POLL_INTERVAL_MS = 2000;

/** `GET /api/jobs`: the user's latest 20 jobs, newest first. */
export function listJobs(signal?: AbortSignal): Promise<TJobView[]> {
  return apiRequest<TJobView[]>('/jobs', { signal });
}

export function listJobsQueryOptions() {
  return queryOptions({
    queryKey: jobsKeys.lists(),
    queryFn: ({ signal }) => listJobs(signal),
    refetchInterval: (query) =>
      (query.state.data ?? []).some(isJobActive) ? JOBS_LIST_POLL_INTERVAL_MS : false,
  });
}

export function useJobs() {
  return useQuery(listJobsQueryOptions());
}
