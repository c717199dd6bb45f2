import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { siteJobsQuery, useCancelSiteJob } from '@/api/site-clock';
import type { JobsResponse } from '@/domain/contract/after-upgrade-contract';
import { formatDateTime } from '@/domain/format';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { clockRateText } from './site-clock-menu';

export type SiteJob = JobsResponse['jobs'][number];

/** A job's progress bar, named after the job (the status bar's is named apart, see SiteJobsStatus). */
export function JobProgress({ job, label = job.name, slim = false }: { job: SiteJob; label?: string; slim?: boolean }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={job.percent}
      aria-valuetext={`${job.percent}%`}
      className={`win-progress job-progress ${slim ? 'job-progress-slim' : ''}`.trim()}
      data-state={job.state}
    >
      <div style={{ width: `${job.percent}%` }} />
    </div>
  );
}

/**
 * The Site Jobs dialog: every job of the site (synchronizations, content downloads, upgrades), newest first, with how
 * far it is on the site clock and its latest status message; a running job can be cancelled, after asking.
 */
export function SiteJobsDialog({ admin, onClose }: { admin: string; onClose: () => void }) {
  const jobs = useQuery(siteJobsQuery(admin));
  const cancel = useCancelSiteJob(admin);
  const [confirming, setConfirming] = useState<SiteJob | null>(null);
  const data = jobs.data;

  const closeConfirm = () => {
    setConfirming(null);
    cancel.reset();
  };

  return (
    <>
      <Dialog
        title="Site Jobs"
        onClose={onClose}
        width={940}
        footer={
          <button type="button" className="win-button" onClick={onClose}>
            OK
          </button>
        }
      >
        {data ? (
          <p className="mb-2">
            Site clock: {formatDateTime(data.now)} ({clockRateText(data.clockSpeed, data.clockPaused)})
          </p>
        ) : null}
        {jobs.isError ? (
          <p role="alert" className="text-[#a11]">
            The jobs could not be read: {jobs.error.message}
          </p>
        ) : !data ? (
          <p>Reading the site's jobs…</p>
        ) : data.jobs.length === 0 ? (
          <p>The site has no jobs.</p>
        ) : (
          <div className="site-jobs-table max-h-[60vh] overflow-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Jobs of the site, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">State</th>
                  <th scope="col">Started</th>
                  <th scope="col">Ends</th>
                  <th scope="col">Requested by</th>
                  <th scope="col">Progress</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              {data.jobs.map((job) => (
                <tbody key={job.id} className="site-job" data-state={job.state}>
                  <tr>
                    <th scope="row" className="font-normal whitespace-nowrap">
                      {job.name}
                    </th>
                    <td className="job-state" data-state={job.state}>
                      {job.state}
                    </td>
                    <td className="whitespace-nowrap">{formatDateTime(job.startedAt)}</td>
                    <td className="whitespace-nowrap">
                      {job.state === 'Running' || !job.finishedAt ? (
                        formatDateTime(job.endsAt)
                      ) : (
                        <>Ended {formatDateTime(job.finishedAt)}</>
                      )}
                    </td>
                    <td className="whitespace-nowrap">{job.requestedBy}</td>
                    <td className="w-[140px]">
                      <div className="flex items-center gap-1.5">
                        <JobProgress job={job} />
                        <span className="w-9 text-right tabular-nums" aria-hidden="true">
                          {job.percent}%
                        </span>
                      </div>
                    </td>
                    <td>
                      {job.canCancel ? (
                        <button
                          type="button"
                          className="win-button"
                          aria-label={`Cancel ${job.name}`}
                          onClick={() => setConfirming(job)}
                        >
                          Cancel
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  <tr>
                    <td colSpan={7} className="job-status-text">
                      {job.statusText}
                    </td>
                  </tr>
                </tbody>
              ))}
            </table>
          </div>
        )}
      </Dialog>
      {confirming ? (
        <Dialog
          title="Cancel Job"
          onClose={closeConfirm}
          footer={
            <>
              <button
                type="button"
                className="win-button"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
              >
                Yes
              </button>
              {/* No is the safe answer, and the one focused first. */}
              <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={closeConfirm}>
                No
              </button>
            </>
          }
        >
          <p>
            Cancel <strong>{confirming.name}</strong> ({confirming.id}), requested by {confirming.requestedBy}? It stops
            where it is, and nothing it would have changed is changed.
          </p>
          {cancel.isError ? (
            <p role="alert" className="mt-2 text-[#a11]">
              {cancel.error.message}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
