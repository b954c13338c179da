import { useEffect, useRef, useState } from 'react';
import { Progress } from 'antd';
import { csvFile, saveBlob } from '../files';

/** A rejected row of a roster job, as membership's and aid's jobs report them. */
export interface RejectedRow {
  line: number;
  field: string;
  reason: string;
}

/** A roster job's progress in percent: rows done of the total (a finished job with no rows is 100). */
export function jobPercent(job: { rowsDone: number; totalRows: number; status: string }): number {
  if (job.totalRows > 0) return Math.floor((job.rowsDone / job.totalRows) * 100);
  return job.status === 'completed' ? 100 : 0;
}

/** The progress bar of a roster job: active while it runs, green when completed, red when it failed. */
export function JobProgress({ job, testId }: { job: { rowsDone: number; totalRows: number; status: string }; testId: string }) {
  return <Progress percent={jobPercent(job)} status={job.status === 'failed' ? 'exception' : job.status === 'completed' ? 'success' : 'active'} data-testid={testId} />;
}

/**
 * Poll a job until `finished` says so (every 400 ms), and pick it up again when `id` changes.
 * `fetch` answers the job, or undefined when it cannot be read (polling stops).
 */
export function usePolledJob<T>(id: string | null, fetch: (id: string) => Promise<T | undefined>, finished: (job: T) => boolean): T | null {
  const [job, setJob] = useState<T | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ fetch, finished });
  latest.current = { fetch, finished };
  useEffect(() => {
    setJob(null);
    if (!id) return;
    let stopped = false;
    const poll = async () => {
      const data = await latest.current.fetch(id);
      if (stopped) return;
      if (data) setJob(data);
      if (!data || latest.current.finished(data)) return;
      timer.current = window.setTimeout(() => void poll(), 400);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer.current);
    };
  }, [id]);
  return job;
}

/** Download a roster job's rejected rows as CSV, named after the roster. */
export function downloadRejectedRows(rosterFileName: string, rows: RejectedRow[]): void {
  saveBlob(csvFile([['行号', '字段', '原因'], ...rows.map((r) => [r.line, r.field, r.reason])]), `${rosterFileName.replace(/\.[^.]+$/, '')}-未通过.csv`);
}
