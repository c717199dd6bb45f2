import { http } from 'msw';
import { requireConfigMgrSite } from '@/domain/after-upgrade/catalog-rules';
import {
  downloadEligibilityRequestSchema,
  downloadRequestSchema,
  updateDeploymentPackageRequestSchema,
  type DeploymentPackageProperties,
  type DownloadEligibilityResponse,
  type DownloadResponse,
} from '@/domain/contract/deployment-package-contract';
import { whyUpdatesCannotBeDownloaded } from '@/domain/deployment-packages/deployment-package-operations';
import {
  whyCannotCreateDeploymentPackage,
  whyCannotDownload,
  whyCannotOnDeploymentPackage,
  whyCannotSeeDeploymentPackages,
} from '@/domain/deployment-packages/deployment-package-rights';
import {
  distributionPointsOfSite,
  packageAccessAccounts,
  packageContentInfo,
  packageDistributionPoints,
  runningPackageDownload,
} from '@/domain/deployment-packages/package-content';
import { nextPackageId } from '@/domain/deployments/deployment-operations';
import type { DeploymentPackage } from '@/domain/model/site-objects';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { canRead, missingRightOnObjectMessage } from '@/domain/rights/rights';
import type { Backend } from '../backend';
import { badRequest, forbidden, notFound } from '../errors';
import { json, jsonBodyOf, parseBodyOr400, requireAdmin } from './http';

/**
 * Deployment packages: the Download Updates Wizard (what it may offer, and the download itself, a job on the site
 * clock), a package's Properties and saving its General tab. Every rule is the domain's
 * (src/domain/deployment-packages); a refused request changes nothing.
 */
export function deploymentPackageHandlers(backend: Backend) {
  const site = () =>
    requireConfigMgrSite(backend.state.phase === 'configmgr' ? backend.state : null, 'Deployment packages');

  /** The updates a request names: 400 for an unknown one, 403 for one the caller may not read. */
  const updatesFor = (account: string, ids: readonly string[]): SoftwareUpdate[] => {
    const byId = new Map(backend.state.softwareUpdates.map((update) => [update.id, update]));
    return ids.map((id, index) => {
      const update = byId.get(id);
      if (!update) throw badRequest(`updateIds.${index}`, `updateIds.${index}: there is no software update ${id}`);
      if (!canRead(backend.rights, account, 'SoftwareUpdate', id)) {
        throw forbidden(missingRightOnObjectMessage(account, 'Read', 'SoftwareUpdate', id));
      }
      return update;
    });
  };

  /**
   * The package a request names, when the caller may use `right` on it: 403 without any right on packages (before
   * "not found", so a refusal never tells which packages exist), 404 when there is none, 403 naming the right.
   */
  const packageFor = (account: string, id: string, right: 'Read' | 'Modify'): DeploymentPackage => {
    const blind = whyCannotSeeDeploymentPackages(backend.rights, account);
    if (blind) throw forbidden(blind);
    const pkg = backend.state.deploymentPackages.find((candidate) => candidate.id === id);
    if (!pkg) throw notFound(`There is no deployment package with ID ${id}.`);
    const refused = whyCannotOnDeploymentPackage(backend.rights, account, id, right);
    if (refused) throw forbidden(refused);
    return pkg;
  };

  const propertiesOf = (account: string, pkg: DeploymentPackage): DeploymentPackageProperties => {
    const state = backend.state;
    return {
      item: pkg,
      rights: backend.rights.rightsOn(account, 'DeploymentPackage', pkg.id),
      content: packageContentInfo(state, pkg),
      distributionPoints: packageDistributionPoints(state, pkg),
      accessAccounts: packageAccessAccounts(pkg),
      runningJobId: runningPackageDownload(state, pkg.id)?.id ?? null,
    };
  };

  return [
    http.post(
      '*/api/deployment-packages/download-eligibility',
      json(async ({ request }): Promise<DownloadEligibilityResponse> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          downloadEligibilityRequestSchema,
          await jsonBodyOf(request),
          'POST /api/deployment-packages/download-eligibility',
        );
        const state = site();
        const updates = updatesFor(account, body.updateIds);
        return {
          updates: updates.map((update) => ({
            id: update.id,
            title: update.title,
            expired: update.expired,
            downloaded: update.downloaded,
            language: update.language,
            sizeKb: update.sizeKb,
          })),
          cannotDownload: whyUpdatesCannotBeDownloaded(updates),
          cannotCreatePackage: whyCannotCreateDeploymentPackage(backend.rights, account),
          packages: state.deploymentPackages
            .filter((pkg) => canRead(backend.rights, account, 'DeploymentPackage', pkg.id))
            .sort((a, b) => a.name.localeCompare(b.name, 'en-US'))
            .map((pkg) => {
              const running = runningPackageDownload(state, pkg.id);
              return {
                id: pkg.id,
                name: pkg.name,
                sourcePath: pkg.sourcePath,
                updateCount: pkg.updateIds.length,
                whyNot:
                  whyCannotOnDeploymentPackage(backend.rights, account, pkg.id, 'Modify') ??
                  (running ? `Software updates are being downloaded into it by job ${running.id}.` : null),
              };
            }),
          distributionPoints: distributionPointsOfSite(state).map((system) => ({
            id: system.id,
            name: system.name,
            siteCode: system.siteCode,
          })),
        };
      }),
    ),
    http.post(
      '*/api/deployment-packages/download',
      json(async ({ request }): Promise<DownloadResponse> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          downloadRequestSchema,
          await jsonBodyOf(request),
          'POST /api/deployment-packages/download',
        );
        site();
        const updates = updatesFor(account, body.updateIds);
        const choice = body.deploymentPackage;
        if (choice.kind === 'existing') {
          // 403 without any right on packages, 404 for none, before the right on the one named.
          const blind = whyCannotSeeDeploymentPackages(backend.rights, account);
          if (blind) throw forbidden(blind);
          if (!backend.state.deploymentPackages.some((pkg) => pkg.id === choice.id)) {
            throw notFound(`There is no deployment package with ID ${choice.id}.`);
          }
        }
        const refused = whyCannotDownload(backend.rights, account, { updates, deploymentPackage: choice });
        if (refused) throw forbidden(refused);
        const id = choice.kind === 'new' ? nextPackageId(backend.state) : choice.id;
        await backend.apply({
          ...body,
          type: 'download-software-updates',
          deploymentPackage: choice.kind === 'new' ? { ...choice, id } : choice,
          by: account,
        });
        const pkg = backend.state.deploymentPackages.find((candidate) => candidate.id === id);
        const job =
          runningPackageDownload(backend.state, id) ??
          [...backend.state.jobs]
            .reverse()
            .find((candidate) => candidate.targetId === id && candidate.kind === 'deployment-package-download');
        if (!pkg || !job) throw notFound(`There is no deployment package with ID ${id}.`);
        return {
          item: pkg,
          rights: backend.rights.rightsOn(account, 'DeploymentPackage', id),
          jobId: job.id,
          endsAt: job.endsAt,
        };
      }),
    ),
    http.get(
      '*/api/deployment-packages/:id/properties',
      json(({ request, params }): DeploymentPackageProperties => {
        const account = requireAdmin(request, backend);
        site();
        return propertiesOf(account, packageFor(account, String(params.id), 'Read'));
      }),
    ),
    http.patch(
      '*/api/deployment-packages/:id',
      json(async ({ request, params }): Promise<DeploymentPackageProperties> => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          updateDeploymentPackageRequestSchema,
          await jsonBodyOf(request),
          'PATCH /api/deployment-packages/:id',
        );
        site();
        packageFor(account, id, 'Modify');
        await backend.apply({ ...body, type: 'update-deployment-package', id, by: account });
        return propertiesOf(account, packageFor(account, id, 'Read'));
      }),
    ),
  ];
}
