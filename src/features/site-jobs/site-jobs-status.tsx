import { useQuery } from '@tanstack/react-query';
import { siteJobsQuery } from '@/api/site-clock';
import { JobProgress } from './site-jobs-dialog';

/** "1 job running", "2 jobs running", "No jobs running". */
export function runningJobsText(running: number): string {
  if (running === 0) return 'No jobs running';
  return `${running} ${running === 1 ? 'job' : 'jobs'} running`;
}

/**
 * The status bar's jobs: a button named "Site jobs: N job(s) running" that opens the Site Jobs dialog, and while a job
 * runs a slim progress bar of the first one ("Running job: <name>"). Nothing shows to an administrator who may not
 * read the site.
 */
export function SiteJobsStatus({ admin, onOpen }: { admin: string; onOpen: () => void }) {
  const jobs = useQuery(siteJobsQuery(admin));
  if (!jobs.data) return null;
  const running = jobs.data.jobs.filter((job) => job.state === 'Running');
  // The server lists the newest first: the one shown is the running job that started first.
  const first = running.at(-1);
  return (
    <span className="flex items-center gap-2">
      {first ? (
        <span className="flex items-center gap-1.5" title={first.statusText}>
          <span className="max-w-[220px] truncate">{first.name}</span>
          <JobProgress job={first} label={`Running job: ${first.name}`} slim />
          <span className="tabular-nums" aria-hidden="true">
            {first.percent}%
          </span>
        </span>
      ) : null}
      <button
        type="button"
        className="status-bar-button"
        aria-label={`Site jobs: ${runningJobsText(running.length)}`}
        onClick={onOpen}
      >
        {runningJobsText(running.length)}
      </button>
    </span>
  );
}
