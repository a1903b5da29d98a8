import type { TExportJobCreate, TJobView } from '@commune-bench/domain';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import type { ReportRequest } from '../../reports/api/download-report';
import { jobsKeys } from './query-keys';

/** The job body of a report request: its query string as strings, empty values left out. */
export function exportJobBody(request: ReportRequest): TExportJobCreate {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.parameters)) {
    if (value === undefined || value === null || value === '') continue;
    query[key] = String(value);
  }
  return { report: request.kind, format: request.format, query };
}

/** `POST /api/jobs/exports`: the same report as `GET /api/reports/…`, made in the background. */
export function createExportJob(request: ReportRequest): Promise<TJobView> {
  return apiRequest<TJobView>('/jobs/exports', { method: 'POST', body: exportJobBody(request) });
}

/** A job just queued: shown at once (no wait for the first poll) and in the list. */
export function rememberJob(queryClient: QueryClient, job: TJobView): Promise<void> {
  queryClient.setQueryData(jobsKeys.detail(job.id), job);
  return queryClient.invalidateQueries({ queryKey: jobsKeys.lists() });
}

export function useCreateExportJob() {
  const queryClient = useQueryClient();
  return useMutation<TJobView, ApiError, ReportRequest>({
    mutationKey: [...jobsKeys.all, 'export'],
    mutationFn: createExportJob,
    onSuccess: (job) => rememberJob(queryClient, job),
  });
}
