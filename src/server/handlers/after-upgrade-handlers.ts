import { z } from 'zod';
import { http } from 'msw';
import {
  proposedSoftwareUpdatePoint,
  SITE_ACTIONS,
  siteActionOperation,
  whyNoRightFor,
  whyNot,
} from '@/domain/after-upgrade/after-upgrade-actions';
import type { AfterUpgradeOperation } from '@/domain/after-upgrade/after-upgrade-operations';
import { itmuRetirementAdvice } from '@/domain/after-upgrade/client-upgrade';
import { whyNotPublishCustomUpdate } from '@/domain/after-upgrade/custom-update-publishing';
import { jobPercent, jobStatusText } from '@/domain/after-upgrade/jobs';
import {
  explainSoftwareUpdate,
  LEGACY_SCRIPT_SOURCE,
  LEGACY_SCRIPT_TEXT,
  previewLegacyScript,
} from '@/domain/after-upgrade/legacy-cleanup';
import {
  configureSoftwareUpdatePointSchema,
  SUP_CLASSIFICATIONS,
  SUP_LANGUAGES,
  SUP_PRODUCTS,
} from '@/domain/after-upgrade/software-update-point';
import {
  clockRequestSchema,
  packageSourceRequestSchema,
  removeUpdatesRequestSchema,
  runAdvertisementRequestSchema,
  siteActionSchema,
  type AfterUpgradeStatus,
  type ExplanationResponse,
  type JobsResponse,
} from '@/domain/contract/after-upgrade-contract';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { changePackageSourceSchema } from '@/domain/after-upgrade/package-source';
import type { ResourceName } from '@/domain/query/resources';
import { canRead, missingRightOnObjectMessage, type ObjectType } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import type { Backend } from '../backend';
import { forbidden, notFound } from '../errors';
import { objectById, requireNodeRead } from '../queries';
import { softwareUpdatePointRequestSchema } from '@/domain/contract/software-update-point-contract';
import { json, jsonBodyOf, parseOr400, requireAdmin } from './http';

const SITE = CONTOSO.sites.central.code;

/**
 * After the upgrade: the software update point, synchronizations and other jobs on the site clock, the ITMU catalog
 * and KB 954474, the custom catalog, the LEGACY clean-up script, package sources, client upgrades and retiring ITMU.
 * Each change is a domain operation: the right it needs is checked first (403), then the domain's rules (409).
 */
export function afterUpgradeHandlers(backend: Backend) {
  /** Does the operation for the caller: 403 without the right, 409 when a rule refuses it, else saved. */
  const perform = async (account: string, operation: AfterUpgradeOperation) => {
    const noRight = whyNoRightFor(backend.rights, account, operation);
    if (noRight) throw forbidden(noRight);
    await backend.apply(operation);
  };

  /** The object an action targets: 404 when there is none (to a caller who may see its type), 403 without Read. */
  const requireObject = (account: string, resource: ResourceName, objectType: ObjectType, id: string) => {
    const item = objectById(backend, resource, id);
    if (!item) {
      requireNodeRead(backend, account, resource);
      throw notFound(`There is no ${resource.replace(/s$/, '').replace(/-/g, ' ')} with ID ${id}.`);
    }
    if (!canRead(backend.rights, account, objectType, id)) {
      throw forbidden(missingRightOnObjectMessage(account, 'Read', objectType, id));
    }
    return item;
  };
  const requireSiteRead = (account: string) => {
    if (!canRead(backend.rights, account, 'Site', SITE)) {
      throw forbidden(missingRightOnObjectMessage(account, 'Read', 'Site', SITE));
    }
  };

  /** "Publish Custom Update...": the right first (any custom update needs the same), then the site's rules. */
  const publishCustomUpdateState = (account: string) => {
    const state = backend.state;
    if (state.phase !== 'configmgr') {
      return { enabled: false, why: 'Site CEN still runs SMS 2003 SP3: run Setup to upgrade it first.' };
    }
    const why = whyNotPublishCustomUpdate(state, backend.rights, account);
    return { enabled: why === null, why };
  };

  const status = (account: string): AfterUpgradeStatus => {
    const state = backend.state;
    const now = backend.now();
    const actionState = (operation: AfterUpgradeOperation) => {
      const why = state.phase === 'configmgr' ? whyNot(state, backend.rights, account, operation, now) : null;
      return state.phase === 'configmgr'
        ? { enabled: why === null, why }
        : { enabled: false, why: 'Site CEN still runs SMS 2003 SP3: run Setup to upgrade it first.' };
    };
    const proposed = proposedSoftwareUpdatePoint(state);
    const preview = previewLegacyScript(state);
    return {
      now,
      softwareUpdatePoint: state.softwareUpdatePoint,
      proposedSoftwareUpdatePoint: {
        serverName: proposed.serverName,
        products: proposed.products,
        classifications: proposed.classifications,
        languages: proposed.languages,
      },
      offered: {
        products: [...SUP_PRODUCTS],
        classifications: [...SUP_CLASSIFICATIONS],
        languages: [...SUP_LANGUAGES],
      },
      facts: state.facts,
      itmu: itmuRetirementAdvice(state),
      legacyCleanup: { scriptText: LEGACY_SCRIPT_TEXT, source: LEGACY_SCRIPT_SOURCE, ...preview },
      configureSoftwareUpdatePoint: actionState({
        type: 'configure-software-update-point',
        ...proposed,
        by: account,
      }),
      publishCustomUpdate: publishCustomUpdateState(account),
      actions: Object.fromEntries(
        SITE_ACTIONS.map((action) => [action, actionState(siteActionOperation(action, account))]),
      ) as AfterUpgradeStatus['actions'],
    };
  };

  const jobs = (): JobsResponse => {
    const now = backend.now();
    return {
      now,
      clockSpeed: backend.clockSetting.speed,
      clockPaused: backend.clockSetting.paused,
      jobs: [...backend.state.jobs].reverse().map((job) => ({
        ...job,
        percent: jobPercent(job, now),
        statusText: jobStatusText(job),
        canCancel: job.state === 'Running',
      })),
    };
  };

  return [
    http.get(
      '*/api/site/after-upgrade',
      json(({ request }) => {
        const account = requireAdmin(request, backend);
        requireSiteRead(account);
        return status(account);
      }),
    ),
    http.put(
      '*/api/site/software-update-point',
      json(async ({ request }) => {
        const account = requireAdmin(request, backend);
        const body = parseOr400(softwareUpdatePointRequestSchema, await jsonBodyOf(request));
        const operation = parseOr400(configureSoftwareUpdatePointSchema.omit({ at: true }), {
          type: 'configure-software-update-point',
          serverName: body.serverName ?? CONTOSO.sites.central.serverName,
          products: body.products,
          classifications: body.classifications,
          languages: body.languages,
          by: account,
        });
        await perform(account, operation);
        return status(account);
      }),
    ),
    http.post(
      '*/api/site/actions/:action',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        // Parsed as an object so that a refusal names the path's field, "action".
        const { action } = parseOr400(z.object({ action: siteActionSchema }), { action: String(params.action) });
        await jsonBodyOf(request);
        await perform(account, siteActionOperation(action, account));
        return status(account);
      }),
    ),
    http.get(
      '*/api/site/jobs',
      json(({ request }) => {
        const account = requireAdmin(request, backend);
        requireSiteRead(account);
        return jobs();
      }),
    ),
    http.post(
      '*/api/site/jobs/:id/cancel',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        requireSiteRead(account);
        const id = String(params.id);
        if (!backend.state.jobs.some((job) => job.id === id)) throw notFound(`There is no job ${id}.`);
        await perform(account, { type: 'cancel-job', jobId: id, by: account });
        return jobs();
      }),
    ),
    http.post(
      '*/api/site/clock',
      json(async ({ request }) => {
        requireAdmin(request, backend);
        // The demo's clock, not the site's settings: any connected administrator may run it faster or stop it.
        const change = parseOr400(clockRequestSchema, await jsonBodyOf(request));
        await backend.changeClock(change);
        return jobs();
      }),
    ),
    http.post(
      '*/api/advertisements/:id/run',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseOr400(runAdvertisementRequestSchema, await jsonBodyOf(request));
        requireObject(account, 'advertisements', 'Advertisement', id);
        if (body.collectionId) requireObject(account, 'collections', 'Collection', body.collectionId);
        await perform(account, { type: 'run-advertisement', advertisementId: id, ...body, by: account });
        return { item: objectById(backend, 'advertisements', id) ?? null };
      }),
    ),
    http.delete(
      '*/api/sms2003-advertisements/:id',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const item = requireObject(account, 'sms2003-advertisements', 'Advertisement', id);
        await perform(account, { type: 'delete-sms2003-advertisement', advertisementId: id, by: account });
        return { deleted: { id, name: (item as { name?: string }).name ?? id } };
      }),
    ),
    http.post(
      '*/api/sms2003-advertisements/:id/remove-updates',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseOr400(removeUpdatesRequestSchema, await jsonBodyOf(request));
        requireObject(account, 'sms2003-advertisements', 'Advertisement', id);
        await perform(account, {
          type: 'remove-updates-from-sms2003-advertisement',
          advertisementId: id,
          updateIds: body.updateIds,
          by: account,
        });
        return { item: objectById(backend, 'sms2003-advertisements', id) ?? null };
      }),
    ),
    http.patch(
      '*/api/packages/:id',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseOr400(packageSourceRequestSchema, await jsonBodyOf(request));
        requireObject(account, 'packages', 'Package', id);
        const operation = parseOr400(configureChangeSource, {
          type: 'change-package-source',
          packageId: id,
          sourcePath: body.sourcePath,
          by: account,
        });
        await perform(account, operation);
        return { item: objectById(backend, 'packages', id) ?? null };
      }),
    ),
    http.post(
      '*/api/packages/:id/update-distribution-points',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        await jsonBodyOf(request);
        requireObject(account, 'packages', 'Package', id);
        await perform(account, { type: 'update-distribution-points', packageId: id, by: account });
        return { item: objectById(backend, 'packages', id) ?? null };
      }),
    ),
    http.post(
      '*/api/collections/:id/upgrade-clients',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        await jsonBodyOf(request);
        requireObject(account, 'collections', 'Collection', id);
        await perform(account, { type: 'upgrade-clients', collectionId: id, by: account });
        return { item: objectById(backend, 'collections', id) ?? null };
      }),
    ),
    http.get(
      '*/api/software-updates/:id/explanation',
      json(({ request, params }): ExplanationResponse => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const update = requireObject(account, 'software-updates', 'SoftwareUpdate', id) as SoftwareUpdate;
        return { id, title: update.title, reasons: explainSoftwareUpdate(update, backend.state) };
      }),
    ),
  ];
}

// The request never carries the time: the backend stamps it.
const configureChangeSource = changePackageSourceSchema.omit({ at: true });
