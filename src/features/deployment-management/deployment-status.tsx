import { useQueries, useQuery } from '@tanstack/react-query';
import { objectQuery } from '@/api/resources';
import { siteJobsQuery } from '@/api/site-clock';
import { formatCount, formatDateTime } from '@/domain/format';
import type { Deployment } from '@/domain/model/site-objects';
import type { SoftwareUpdate } from '@/domain/model/software-update';

/** The most software updates whose compliance the General tab adds up (one request each). */
export const MAX_UPDATES_TOTALLED = 500;

/**
 * The deployment's software updates as the administrator may read them, one request each (the Properties dialog of
 * an update reads the same object): their Installed and Required counts add up on the General tab.
 */
export function useDeploymentUpdates(admin: string, updateIds: readonly string[]) {
  const ids = updateIds.slice(0, MAX_UPDATES_TOTALLED);
  const results = useQueries({ queries: ids.map((id) => objectQuery(admin, 'software-updates', id)) });
  const updates: SoftwareUpdate[] = [];
  let failed: string | null = null;
  let pending = false;
  for (const result of results) {
    if (result.data) updates.push(result.data.item as SoftwareUpdate);
    else if (result.isError) failed ??= result.error.message;
    else pending = true;
  }
  return { updates, failed, pending, partial: updateIds.length > ids.length };
}

/** The rollout job of a deployment, newest first (the site's jobs are listed newest first). */
export function useRolloutJob(admin: string, deploymentId: string) {
  const jobs = useQuery(siteJobsQuery(admin));
  const job = jobs.data?.jobs.find(
    (candidate) => candidate.kind === 'deployment-rollout' && candidate.targetId === deploymentId,
  );
  return { job, error: jobs.isError ? jobs.error.message : null, pending: jobs.isPending };
}

/**
 * The deployment's compliance on the site clock: its rollout job's progress while it runs (clients report installs
 * hour by hour), and the Installed and Required counts of its software updates.
 */
export function DeploymentCompliance({ admin, deployment }: { admin: string; deployment: Deployment }) {
  const rollout = useRolloutJob(admin, deployment.id);
  const { updates, failed, pending, partial } = useDeploymentUpdates(admin, deployment.updateIds);
  const installed = updates.reduce((sum, update) => sum + update.compliance.installed, 0);
  const required = updates.reduce((sum, update) => sum + update.compliance.required, 0);
  const expected = Object.values(deployment.expectedInstalls).reduce((sum, n) => sum + n, 0);
  const job = rollout.job;
  return (
    <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
      <legend className="px-1">Compliance</legend>
      <div className="space-y-1.5">
        {job ? (
          <div>
            <div className="flex items-center gap-2">
              <span className="shrink-0">Rollout:</span>
              <div
                role="progressbar"
                aria-label={`Rollout of ${deployment.name}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={job.percent}
                aria-valuetext={`${job.percent}% (${job.state})`}
                className="win-progress job-progress flex-1"
                data-state={job.state}
              >
                <div style={{ width: `${job.percent}%` }} />
              </div>
              <span className="w-10 shrink-0 text-right">{job.percent}%</span>
            </div>
            <p className="mt-0.5 text-[#444]">
              {job.state === 'Running'
                ? `Running on the site clock until ${formatDateTime(job.endsAt)}: ${job.statusText}`
                : `${job.state} at ${formatDateTime(job.finishedAt ?? job.endsAt)}: ${job.statusText}`}
            </p>
          </div>
        ) : (
          <p className="text-[#444]">
            {rollout.error
              ? `The rollout cannot be shown: ${rollout.error}`
              : rollout.pending
                ? 'Reading the site jobs…'
                : 'No rollout job is recorded for this deployment.'}
          </p>
        )}
        <dl className="grid grid-cols-[180px_1fr] gap-x-2 gap-y-0.5">
          <dt>Expected installations:</dt>
          <dd>{formatCount(expected)}</dd>
          <dt>Installed:</dt>
          <dd>{pending && updates.length === 0 ? '…' : formatCount(installed)}</dd>
          <dt>Required:</dt>
          <dd>{pending && updates.length === 0 ? '…' : formatCount(required)}</dd>
        </dl>
        <p className="text-[#444]">
          Installed and Required add up the site&apos;s compliance counts of the deployment&apos;s{' '}
          {formatCount(Math.min(deployment.updateIds.length, MAX_UPDATES_TOTALLED))} software updates
          {partial
            ? ` (the first ${formatCount(MAX_UPDATES_TOTALLED)} of ${formatCount(deployment.updateIds.length)})`
            : ''}
          ; they move as clients report installations.
        </p>
        {failed ? (
          <p role="alert" className="text-[#a11]">
            Some software updates could not be read: {failed}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
