import { useEffect, useRef } from 'react';
import { useCreateExportJob } from '../api/create-export-job';
import { useDownloadJobFile } from '../api/download-job-file';
import { useJob } from '../api/get-job';

/**
 * A report made as a background job: queue it, poll it, and once it is done download its file
 * (once per job: later polls, re-renders and remounts of the same job do not download it again).
 */
export function useExportJob() {
  const create = useCreateExportJob();
  const job = useJob(create.data?.id);
  const file = useDownloadJobFile();
  const saved = useRef<string | null>(null);
  const { mutate: download } = file;
  const done = job.data?.status === 'done' && job.data.file !== null ? job.data : undefined;

  useEffect(() => {
    if (done === undefined || saved.current === done.id) return;
    saved.current = done.id;
    download(done);
  }, [done, download]);

  return { create, job, file };
}
