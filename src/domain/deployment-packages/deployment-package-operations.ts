import { z } from 'zod';
import { packageSourceExists } from '../after-upgrade/package-source';
import { requireConfigMgrSite, whyUpdateCannotBeDeployed } from '../after-upgrade/catalog-rules';
import { finishJob, reportStatus, startJob } from '../after-upgrade/jobs';
import { downloadLocationSchema, nextPackageId, PACKAGE_ID_PATTERN } from '../deployments/deployment-operations';
import {
  MAX_DEPLOYMENT_PACKAGE_DESCRIPTION,
  MAX_DEPLOYMENT_PACKAGE_NAME,
  type DeploymentPackage,
} from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import { operationTimeSchema } from '../operations/operation-time';
import { RIGHTS_BY_OBJECT_TYPE } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { LANGUAGES } from '../scenario/languages';
import type { SiteState } from '../site-state';
import { contentVersionOf, distributionPointsOfSite, runningPackageDownload } from './package-content';

/**
 * The Download Updates Wizard (software updates downloaded into a deployment package, on the site clock) and a
 * deployment package's Properties. The server refuses with these rules (409); the wizard asks the same functions.
 */

/** Site minutes a download of software updates into a deployment package takes: a minute per update, 5 at least. */
export function downloadMinutes(updateCount: number): number {
  return Math.max(5, updateCount);
}

const uncPathSchema = z
  .string()
  .max(260, 'the path must be at most 260 characters')
  .regex(/^\\\\[^\\/:*?"<>|\s]+\\[^/:*?"<>|]+$/, 'the path must be a UNC path such as \\\\CEN-SMS01\\PkgSrc$\\Updates');

export const newDeploymentPackageSchema = z.strictObject({
  kind: z.literal('new'),
  /** Written by the server so the log replays to the same IDs. */
  id: z.string().regex(PACKAGE_ID_PATTERN).optional(),
  name: z.string().max(1000),
  description: z.string().max(1000),
  sourcePath: uncPathSchema,
  /** The distribution points (site system IDs) to put the package on. */
  distributionPointIds: z.array(z.string().max(100)).max(100),
});

export const downloadPackageChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('existing'), id: z.string().max(100) }),
  newDeploymentPackageSchema,
]);
export type DownloadPackageChoice = z.infer<typeof downloadPackageChoiceSchema>;

export const downloadSoftwareUpdatesOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('download-software-updates'),
  updateIds: z.array(z.string()),
  deploymentPackage: downloadPackageChoiceSchema,
  downloadFrom: downloadLocationSchema,
  languages: z.array(z.string()),
  by: z.string(),
});
export type DownloadSoftwareUpdatesOperation = z.infer<typeof downloadSoftwareUpdatesOperationSchema>;

export const updateDeploymentPackageOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('update-deployment-package'),
  id: z.string(),
  name: z.string(),
  description: z.string(),
  by: z.string(),
});
export type UpdateDeploymentPackageOperation = z.infer<typeof updateDeploymentPackageOperationSchema>;

export const DEPLOYMENT_PACKAGE_OPERATION_SCHEMAS = [
  downloadSoftwareUpdatesOperationSchema,
  updateDeploymentPackageOperationSchema,
] as const;
export type DeploymentPackageOperation = DownloadSoftwareUpdatesOperation | UpdateDeploymentPackageOperation;
export const DEPLOYMENT_PACKAGE_OPERATION_TYPES: ReadonlySet<string> = new Set(
  DEPLOYMENT_PACKAGE_OPERATION_SCHEMAS.map((schema) => schema.shape.type.value),
);

const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** The package's name: not empty, at most 50 characters, no control characters, not another package's. */
export function whyPackageNameInvalid(
  state: Pick<SiteState, 'deploymentPackages'>,
  name: string,
  exceptId: string | null,
): string | null {
  const text = name.trim();
  if (text === '') return 'The package name cannot be empty.';
  if (text.length > MAX_DEPLOYMENT_PACKAGE_NAME) {
    return `The package name must be at most ${MAX_DEPLOYMENT_PACKAGE_NAME} characters.`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    return 'The package name cannot hold control characters such as tabs or line breaks.';
  }
  const taken = state.deploymentPackages.find((pkg) => pkg.id !== exceptId && sameName(pkg.name, text));
  return taken
    ? `There is already a deployment package named "${taken.name}" (${taken.id}): choose another name.`
    : null;
}

export function whyPackageDescriptionInvalid(description: string): string | null {
  return description.trim().length > MAX_DEPLOYMENT_PACKAGE_DESCRIPTION
    ? `The package description must be at most ${MAX_DEPLOYMENT_PACKAGE_DESCRIPTION} characters.`
    : null;
}

const normalizedPath = (path: string) => path.trim().replace(/\\+$/, '').toLowerCase();

/**
 * Why a folder cannot be a new package's source, or null: it must exist on the site's file servers, and no other
 * package (a deployment package, or a Software Distribution package) may use it, inside it or around it.
 */
export function whyPackageSourceUnusable(
  state: Pick<SiteState, 'packages' | 'deploymentPackages'>,
  sourcePath: string,
): string | null {
  const path = normalizedPath(sourcePath);
  const overlaps = (other: string) => {
    const used = normalizedPath(other);
    return used === path || path.startsWith(`${used}\\`) || used.startsWith(`${path}\\`);
  };
  const user = [...state.deploymentPackages, ...state.packages].find((pkg) => overlaps(pkg.sourcePath));
  if (user) {
    return `The package source ${sourcePath} is in use by the package ${user.name} (${user.id}): every package needs a source folder of its own.`;
  }
  if (!packageSourceExists(sourcePath)) {
    return `The package source ${sourcePath} does not exist or cannot be reached by the site server: choose a shared folder on the site server.`;
  }
  return null;
}

/**
 * Why these updates cannot be downloaded, or null: the domain's deployment rule (expired updates, and other scan
 * tools' updates, have no content to download).
 */
export function whyUpdatesCannotBeDownloaded(updates: readonly SoftwareUpdate[]): string | null {
  if (updates.length === 0) return 'Select at least one software update to download.';
  for (const update of updates) {
    const why = whyUpdateCannotBeDeployed(update);
    if (why) return `${why} Its files cannot be downloaded either.`;
  }
  return null;
}

function updatesOf(state: SiteState, ids: readonly string[]): SoftwareUpdate[] {
  if (new Set(ids).size !== ids.length) {
    throw new RuleViolation('duplicate-software-update', 'A software update is listed more than once.');
  }
  const byId = new Map(state.softwareUpdates.map((update) => [update.id, update]));
  return ids.map((id) => {
    const update = byId.get(id);
    if (!update) throw new RuleViolation('unknown-software-update', `There is no software update ${id}.`);
    return update;
  });
}

function packageOf(state: SiteState, id: string): DeploymentPackage {
  const pkg = state.deploymentPackages.find((candidate) => candidate.id === id);
  if (!pkg) throw new RuleViolation('unknown-deployment-package', `There is no deployment package ${id}.`);
  return pkg;
}

/** Every refusal a download request can meet, in the order the wizard's pages ask; the state is not changed. */
export function checkDownload(state: SiteState, operation: DownloadSoftwareUpdatesOperation) {
  const updates = updatesOf(state, operation.updateIds);
  const cannot = whyUpdatesCannotBeDownloaded(updates);
  if (cannot) throw new RuleViolation('update-not-downloadable', cannot);
  const choice = operation.deploymentPackage;
  if (choice.kind === 'existing') {
    const pkg = packageOf(state, choice.id);
    const running = runningPackageDownload(state, pkg.id);
    if (running) {
      throw new RuleViolation(
        'download-running',
        `Software updates are being downloaded into ${pkg.name} (${pkg.id}) by job ${running.id}: wait for it to finish.`,
      );
    }
  } else {
    const name = whyPackageNameInvalid(state, choice.name, null);
    if (name) throw new RuleViolation('package-name-invalid', name);
    const description = whyPackageDescriptionInvalid(choice.description);
    if (description) throw new RuleViolation('package-description-invalid', description);
    const source = whyPackageSourceUnusable(state, choice.sourcePath);
    if (source) throw new RuleViolation('package-source-unusable', source);
    if (choice.id && [...state.packages, ...state.deploymentPackages].some((pkg) => pkg.id === choice.id)) {
      throw new RuleViolation('package-id-taken', `A package with ID ${choice.id} already exists.`);
    }
    if (new Set(choice.distributionPointIds).size !== choice.distributionPointIds.length) {
      throw new RuleViolation('duplicate-distribution-point', 'A distribution point is listed more than once.');
    }
    const points = new Set(distributionPointsOfSite(state).map((system) => system.id));
    const unknown = choice.distributionPointIds.find((id) => !points.has(id));
    if (unknown !== undefined) {
      throw new RuleViolation(
        'unknown-distribution-point',
        `Distribution Points: ${unknown} is not a distribution point of the site.`,
      );
    }
  }
  if (operation.languages.length === 0) {
    throw new RuleViolation('language-required', 'Language Selection: choose at least one language to download.');
  }
  if (new Set(operation.languages).size !== operation.languages.length) {
    throw new RuleViolation('duplicate-language', 'Language Selection: a language is listed more than once.');
  }
  const unknownLanguage = operation.languages.find((language) => !(LANGUAGES as readonly string[]).includes(language));
  if (unknownLanguage) {
    throw new RuleViolation(
      'unknown-language',
      `Language Selection: ${unknownLanguage} is not a language of the site.`,
    );
  }
  return updates;
}

/**
 * Whether the files can be fetched: from the Internet always; from a network location only when it exists (an
 * administrator who names a folder that is not there sees the download fail on the site clock).
 */
function downloadWillSucceed(operation: DownloadSoftwareUpdatesOperation): boolean {
  return operation.downloadFrom.kind === 'internet' || packageSourceExists(operation.downloadFrom.path);
}

const COMPONENT = 'SMS_DISTRIBUTION_MANAGER';

/**
 * The Download Updates Wizard's end: a new package (its creator holding every right on it) or an existing one, and a
 * job on the site clock that downloads the updates' files into its source and copies them to its distribution points.
 * When the job ends the updates are Downloaded and in the package (see completeDeploymentPackageDownload).
 */
export function downloadSoftwareUpdates(
  site: SiteState | null,
  operation: DownloadSoftwareUpdatesOperation,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'Downloading software updates');
  const updates = checkDownload(state, operation);
  const choice = operation.deploymentPackage;
  let next = state;
  let pkg: DeploymentPackage;
  if (choice.kind === 'new') {
    pkg = {
      id: choice.id ?? nextPackageId(state),
      name: choice.name.trim(),
      description: choice.description.trim(),
      sourcePath: choice.sourcePath.trim(),
      createdBy: operation.by,
      updateIds: [],
      contentVersion: 1,
      distributionPointIds: [...choice.distributionPointIds],
      pendingUpdateIds: [],
      lastDownload: null,
    };
    next = {
      ...next,
      deploymentPackages: [...next.deploymentPackages, pkg],
      grants: [
        ...next.grants,
        {
          account: operation.by,
          objectType: 'DeploymentPackage',
          instanceIds: [pkg.id],
          rights: [...RIGHTS_BY_OBJECT_TYPE.DeploymentPackage],
        },
      ],
    };
  } else {
    pkg = packageOf(state, choice.id);
  }
  const ids = updates.map((update) => update.id);
  next = {
    ...next,
    deploymentPackages: next.deploymentPackages.map((candidate) =>
      candidate.id === pkg.id ? { ...candidate, pendingUpdateIds: ids } : candidate,
    ),
  };
  const from = operation.downloadFrom.kind === 'internet' ? 'the Internet' : operation.downloadFrom.path;
  const willSucceed = downloadWillSucceed(operation);
  const minutes = downloadMinutes(ids.length);
  return startJob(
    next,
    {
      kind: 'deployment-package-download',
      name: `Download software updates: ${pkg.name}`,
      requestedBy: operation.by,
      durationMinutes: minutes,
      willSucceed,
      targetId: pkg.id,
      milestones: [
        {
          afterMinutes: 0,
          component: COMPONENT,
          severity: 'Informational',
          messageId: 2360,
          description: `Downloading ${ids.length} software updates (${operation.languages.join(', ')}) from ${from} into ${pkg.sourcePath} for package ${pkg.id} (${pkg.name}).`,
        },
        willSucceed
          ? {
              afterMinutes: minutes,
              component: COMPONENT,
              severity: 'Informational',
              messageId: 2330,
              description: `Distribution Manager copied version ${versionAfterDownload(pkg)} of package ${pkg.id} (${pkg.name}) to its distribution points.`,
            }
          : {
              afterMinutes: minutes,
              component: COMPONENT,
              severity: 'Error',
              messageId: 2302,
              description: `The software updates for package ${pkg.id} (${pkg.name}) could not be downloaded: ${from} does not exist. Download them again from the Internet or from a location that holds them.`,
            },
      ],
    },
    at,
  );
}

/** The content version a successful download gives: 1 for a package's first content, one more after that. */
export function versionAfterDownload(pkg: Pick<DeploymentPackage, 'updateIds' | 'contentVersion'>): number {
  return pkg.updateIds.length === 0 ? contentVersionOf(pkg) : contentVersionOf(pkg) + 1;
}

/** The download job's end: the updates are in the package and Downloaded, or the package is left as it was. */
export function completeDeploymentPackageDownload(state: SiteState, jobId: string, at: string): SiteState {
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  const finished = finishJob(state, jobId, at, job?.willSucceed ? 'Succeeded' : 'Failed');
  const pkg = finished.deploymentPackages.find((candidate) => candidate.id === job?.targetId);
  if (!job || !pkg) return finished;
  const pending = pkg.pendingUpdateIds ?? [];
  const succeeded = job.willSucceed;
  const updated: DeploymentPackage = {
    ...pkg,
    updateIds: succeeded ? [...new Set([...pkg.updateIds, ...pending])] : pkg.updateIds,
    contentVersion: succeeded ? versionAfterDownload(pkg) : contentVersionOf(pkg),
    pendingUpdateIds: [],
    lastDownload: { at, succeeded, jobId },
  };
  const downloaded = new Set(succeeded ? pending : []);
  return {
    ...finished,
    deploymentPackages: finished.deploymentPackages.map((candidate) => (candidate.id === pkg.id ? updated : candidate)),
    softwareUpdates:
      downloaded.size === 0
        ? finished.softwareUpdates
        : finished.softwareUpdates.map((update) =>
            downloaded.has(update.id) && !update.downloaded ? { ...update, downloaded: true } : update,
          ),
  };
}

/** A package's Properties saved: its name and description (General tab). */
export function updateDeploymentPackage(
  site: SiteState | null,
  operation: UpdateDeploymentPackageOperation,
  at: string,
): SiteState {
  const state = requireConfigMgrSite(site, 'Changing a deployment package');
  const pkg = packageOf(state, operation.id);
  const name = whyPackageNameInvalid(state, operation.name, pkg.id);
  if (name) throw new RuleViolation('package-name-invalid', name);
  const description = whyPackageDescriptionInvalid(operation.description);
  if (description) throw new RuleViolation('package-description-invalid', description);
  const next: SiteState = {
    ...state,
    deploymentPackages: state.deploymentPackages.map((candidate) =>
      candidate.id === pkg.id
        ? { ...candidate, name: operation.name.trim(), description: operation.description.trim() }
        : candidate,
    ),
  };
  return reportStatus(next, at, [
    {
      component: 'SMS_PROVIDER',
      severity: 'Informational',
      messageId: 30001,
      description: `${operation.by} modified the properties of deployment package ${pkg.id} (${operation.name.trim()}).`,
    },
  ]);
}

export function applyDeploymentPackageOperation(
  site: SiteState | null,
  operation: DeploymentPackageOperation,
  at: string,
): SiteState {
  switch (operation.type) {
    case 'download-software-updates':
      return downloadSoftwareUpdates(site, operation, at);
    case 'update-deployment-package':
      return updateDeploymentPackage(site, operation, at);
  }
}
