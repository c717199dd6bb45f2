import { operationTimeSchema } from '../operations/operation-time';
import { z } from 'zod';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import { requireConfigMgrSite } from './catalog-rules';
import { finishJob, reportStatus, runningJobOfKind, startJob } from './jobs';

const uncPath = z
  .string()
  .max(260, 'the path must be at most 260 characters')
  .regex(
    /^\\\\[^\\/:*?"<>|\s]+\\[^/:*?"<>|]+$/,
    'the path must be a UNC path such as \\\\CEN-SMS01\\PkgSrc$\\OfficeQ1',
  );

export const changePackageSourceSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('change-package-source'),
  packageId: z.string().min(1).max(16),
  sourcePath: uncPath,
  by: z.string(),
});
export const updateDistributionPointsSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('update-distribution-points'),
  packageId: z.string().min(1).max(16),
  by: z.string(),
});

/** Site minutes to download a package's content again to the distribution points. */
export const CONTENT_DOWNLOAD_MINUTES = 10;

/**
 * Whether a package source path exists on the site's file servers. In the scenario every share of the site server
 * exists except the folder that was removed after the Office distribution was made (\\CEN-SMS01\PkgSrc$\OfficeQ1).
 */
export function packageSourceExists(path: string): boolean {
  const normalized = path.replace(/\\+$/, '').toLowerCase();
  const server = `\\\\${CONTOSO.sites.central.serverName.toLowerCase()}\\`;
  const removed = CONTOSO.invalidPackageSource.toLowerCase();
  // The removed folder is gone with everything inside it.
  const insideRemoved = normalized === removed || normalized.startsWith(`${removed}\\`);
  return normalized.startsWith(server) && !insideRemoved;
}

function packageOf(state: SiteState, packageId: string) {
  const pkg = state.packages.find((candidate) => candidate.id === packageId);
  if (!pkg) throw new RuleViolation('unknown-package', `There is no package ${packageId}.`);
  return pkg;
}

/** Points a package at another source folder; its content stays invalid until it is downloaded again from there. */
export function changePackageSource(
  site: SiteState | null,
  packageId: string,
  sourcePath: string,
  by: string,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'Changing a package source');
  const pkg = packageOf(state, packageId);
  if (runningJobOfKind(state, 'package-content-download', packageId)) {
    throw new RuleViolation(
      'content-download-running',
      `The content of ${pkg.name} (${pkg.id}) is being downloaded: wait for it to finish.`,
    );
  }
  const exists = packageSourceExists(sourcePath);
  const next: SiteState = {
    ...state,
    packages: state.packages.map((candidate) =>
      candidate.id === packageId
        ? {
            ...candidate,
            sourcePath,
            contentStatus: exists
              ? `Source path changed to ${sourcePath}: update the distribution points to download the content again from it.`
              : `Source path changed to ${sourcePath}, which does not exist: source validation will fail.`,
          }
        : candidate,
    ),
  };
  return reportStatus(next, at, [
    {
      component: 'SMS_DISTRIBUTION_MANAGER',
      severity: exists ? 'Informational' : 'Warning',
      messageId: 2300,
      description: `${by} changed the source path of ${pkg.name} (${pkg.id}) to ${sourcePath}.`,
    },
  ]);
}

/** Downloads the package content again from its source to the distribution points (a job on the site clock). */
export function updateDistributionPoints(site: SiteState | null, packageId: string, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'Updating distribution points');
  const pkg = packageOf(state, packageId);
  if (runningJobOfKind(state, 'package-content-download', packageId)) {
    throw new RuleViolation(
      'content-download-running',
      `The content of ${pkg.name} (${pkg.id}) is already being downloaded.`,
    );
  }
  const exists = packageSourceExists(pkg.sourcePath);
  const component = 'SMS_DISTRIBUTION_MANAGER';
  return startJob(
    {
      ...state,
      packages: state.packages.map((candidate) =>
        candidate.id === packageId
          ? { ...candidate, contentStatus: `Downloading the content from ${pkg.sourcePath}.` }
          : candidate,
      ),
    },
    {
      kind: 'package-content-download',
      name: `Update distribution points: ${pkg.name}`,
      requestedBy: by,
      durationMinutes: CONTENT_DOWNLOAD_MINUTES,
      willSucceed: exists,
      targetId: packageId,
      milestones: [
        {
          afterMinutes: 0,
          component,
          severity: 'Informational',
          messageId: 2301,
          description: `Distribution Manager is processing package ${pkg.id} (${pkg.name}) from ${pkg.sourcePath}.`,
        },
        exists
          ? {
              afterMinutes: CONTENT_DOWNLOAD_MINUTES,
              component,
              severity: 'Informational',
              messageId: 2330,
              description: `Distribution Manager copied the content of ${pkg.id} to the distribution point \\\\${CONTOSO.sites.central.serverName}; source validation passed.`,
            }
          : {
              afterMinutes: CONTENT_DOWNLOAD_MINUTES,
              component,
              severity: 'Error',
              messageId: 2302,
              description: `Distribution Manager failed to process package ${pkg.id} (${pkg.name}): the source directory ${pkg.sourcePath} does not exist. Change the package source to a folder that holds the content.`,
            },
      ],
    },
    at,
  );
}

export function completeContentDownload(state: SiteState, jobId: string, at: string): SiteState {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  const finished = finishJob(state, jobId, at, job?.willSucceed ? 'Succeeded' : 'Failed');
  if (!job?.targetId) return finished;
  const pkg = finished.packages.find((candidate) => candidate.id === job.targetId);
  const downloadedIds = new Set(job.willSucceed && pkg ? pkg.updateIds : []);
  return {
    ...finished,
    packages: finished.packages.map((candidate) =>
      candidate.id === job.targetId
        ? {
            ...candidate,
            sourceValid: job.willSucceed,
            contentStatus: job.willSucceed
              ? `Content valid on the distribution points: downloaded again from ${candidate.sourcePath}; source validation passed.`
              : `Source validation failed: ${candidate.sourcePath} does not exist. The content is invalid until it is downloaded again from a valid source.`,
          }
        : candidate,
    ),
    softwareUpdates:
      downloadedIds.size === 0
        ? finished.softwareUpdates
        : finished.softwareUpdates.map((update) =>
            downloadedIds.has(update.id) && !update.downloaded ? { ...update, downloaded: true } : update,
          ),
  };
}
