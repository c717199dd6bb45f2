import { z } from 'zod';
import { SITE_SERVER_ROLES } from '../after-upgrade/site-after-setup';
import type { Job, SiteSystem } from '../model/after-upgrade-objects';
import type { DeploymentPackage } from '../model/site-objects';
import type { SoftwareUpdate } from '../model/software-update';
import type { SiteState } from '../site-state';

/**
 * What a deployment package holds and where: its access accounts, the distribution points that hold its content and
 * their status, and the state of its content. Derived from the package and the site; nothing here is stored twice.
 */

/** The site system role that makes a server a distribution point. */
export const DISTRIBUTION_POINT_ROLE: (typeof SITE_SERVER_ROLES)[number] = 'ConfigMgr distribution point';

/** The package status of a distribution point, as the product's Distribution Points node shows it. */
export const DISTRIBUTION_POINT_STATUSES = ['Installed', 'Install Pending', 'Install Retrying'] as const;
export type DistributionPointStatus = (typeof DISTRIBUTION_POINT_STATUSES)[number];

/** A row of a package's Access Accounts node. `id` is `<package id>:<account>`, unique across packages. */
export const packageAccessAccountSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  name: z.string(),
  type: z.literal('Windows User Group'),
  access: z.enum(['Read', 'Full Control']),
});
export type PackageAccessAccount = z.infer<typeof packageAccessAccountSchema>;

/** A row of a package's Distribution Points node. `id` is `<package id>:<site system id>`. */
export const packageDistributionPointSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  name: z.string(),
  siteCode: z.string(),
  status: z.enum(DISTRIBUTION_POINT_STATUSES),
  /** The content version the distribution point holds. */
  version: z.number().int().nonnegative(),
  /** In plain words: why the status is what it is. */
  statusDetail: z.string(),
});
export type PackageDistributionPoint = z.infer<typeof packageDistributionPointSchema>;

/**
 * "By default, the Users group is granted Read access and the Administrators group is granted Full Control" to a
 * package's share: the product's default package access accounts, which the console does not let one change.
 */
export const DEFAULT_ACCESS_ACCOUNTS: ReadonlyArray<Pick<PackageAccessAccount, 'name' | 'access'>> = [
  { name: 'Users', access: 'Read' },
  { name: 'Administrators', access: 'Full Control' },
];

export function packageAccessAccounts(pkg: Pick<DeploymentPackage, 'id'>): PackageAccessAccount[] {
  return DEFAULT_ACCESS_ACCOUNTS.map((account) => ({
    id: `${pkg.id}:${account.name}`,
    packageId: pkg.id,
    name: account.name,
    type: 'Windows User Group',
    access: account.access,
  }));
}

/** The site systems of the site that are distribution points. */
export function distributionPointsOfSite(state: Pick<SiteState, 'siteSystems'>): SiteSystem[] {
  return state.siteSystems.filter((system) => system.roles.includes(DISTRIBUTION_POINT_ROLE));
}

/** The distribution points a package is on: those it names, or every distribution point of the site. */
export function distributionPointIdsOf(
  state: Pick<SiteState, 'siteSystems'>,
  pkg: Pick<DeploymentPackage, 'distributionPointIds'>,
): string[] {
  return pkg.distributionPointIds ?? distributionPointsOfSite(state).map((system) => system.id);
}

/** The running download into a package, if any. */
export function runningPackageDownload(state: Pick<SiteState, 'jobs'>, packageId: string): Job | null {
  return (
    state.jobs.find(
      (job) => job.state === 'Running' && job.kind === 'deployment-package-download' && job.targetId === packageId,
    ) ?? null
  );
}

/** The version of the content a package's source holds: 1 unless downloads into it have moved it on. */
export function contentVersionOf(pkg: Pick<DeploymentPackage, 'contentVersion'>): number {
  return pkg.contentVersion ?? 1;
}

/**
 * Where a package's content stands on its distribution points: Install Pending while a download runs, Install
 * Retrying after a download that failed (the distribution manager retries until the content is downloaded again),
 * Installed otherwise.
 */
export function packageDistributionStatus(
  state: Pick<SiteState, 'jobs'>,
  pkg: Pick<DeploymentPackage, 'id' | 'lastDownload' | 'contentVersion'>,
): { status: DistributionPointStatus; detail: string; version: number } {
  const version = contentVersionOf(pkg);
  const running = runningPackageDownload(state, pkg.id);
  if (running) {
    return {
      status: 'Install Pending',
      detail: `Waiting for the download of job ${running.id} to finish; then version ${version + 1} is copied here.`,
      version,
    };
  }
  if (pkg.lastDownload && !pkg.lastDownload.succeeded) {
    return {
      status: 'Install Retrying',
      detail: `The download of job ${pkg.lastDownload.jobId} failed; the distribution manager retries until the software updates are downloaded again.`,
      version,
    };
  }
  return { status: 'Installed', detail: `Version ${version} of the content is installed.`, version };
}

export function packageDistributionPoints(state: SiteState, pkg: DeploymentPackage): PackageDistributionPoint[] {
  const { status, detail, version } = packageDistributionStatus(state, pkg);
  const systems = new Map(state.siteSystems.map((system) => [system.id, system]));
  return distributionPointIdsOf(state, pkg).map((systemId) => {
    const system = systems.get(systemId);
    return {
      id: `${pkg.id}:${systemId}`,
      packageId: pkg.id,
      name: system?.name ?? `\\\\${systemId}`,
      siteCode: system?.siteCode ?? '',
      status,
      version,
      statusDetail: detail,
    };
  });
}

/** The package's content in words and figures (the Data Source tab). */
export interface PackageContentInfo {
  version: number;
  sizeKb: number;
  updateCount: number;
  current: boolean;
  /** "The content is current" or why it needs an update. */
  text: string;
}

export function packageContentInfo(
  state: Pick<SiteState, 'jobs' | 'softwareUpdates'>,
  pkg: DeploymentPackage,
): PackageContentInfo {
  const inPackage = new Set(pkg.updateIds);
  let sizeKb = 0;
  for (const update of state.softwareUpdates) if (inPackage.has(update.id)) sizeKb += update.sizeKb;
  const { status, version } = packageDistributionStatus(state, pkg);
  const pending = pkg.pendingUpdateIds?.length ?? 0;
  const text =
    status === 'Installed'
      ? `The content is current: version ${version} is on every distribution point of the package.`
      : status === 'Install Pending'
        ? `The content needs update: ${pending} software updates are being downloaded into it.`
        : 'The content needs update: the last download failed, so the distribution points do not hold every software update yet.';
  return { version, sizeKb, updateCount: pkg.updateIds.length, current: status === 'Installed', text };
}

/** The updates whose content is in the package (its Software Updates node). */
export function isInPackage(
  pkg: Pick<DeploymentPackage, 'updateIds'>,
): (update: Pick<SoftwareUpdate, 'id'>) => boolean {
  const ids = new Set(pkg.updateIds);
  return (update) => ids.has(update.id);
}

/** Every package's access accounts / distribution points (one resource each; a package's node narrows it). */
export function allPackageAccessAccounts(state: SiteState): PackageAccessAccount[] {
  return state.deploymentPackages.flatMap((pkg) => packageAccessAccounts(pkg));
}

export function allPackageDistributionPoints(state: SiteState): PackageDistributionPoint[] {
  return state.deploymentPackages.flatMap((pkg) => packageDistributionPoints(state, pkg));
}
