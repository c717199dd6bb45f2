import { http } from 'msw';
import {
  createDeploymentRequestSchema,
  deploymentTemplateRequestSchema,
  eligibilityRequestSchema,
  type DeploymentResponse,
  type DeploymentTemplateResponse,
  type EligibilityResponse,
} from '@/domain/contract/deployment-contract';
import { requireConfigMgrSite } from '@/domain/after-upgrade/catalog-rules';
import { nextDeploymentId, nextDeploymentTemplateId, nextPackageId } from '@/domain/deployments/deployment-operations';
import {
  whyCannotCreateDeployment,
  whyCannotCreateDeploymentTemplate,
  whyCannotModifyDeployment,
  whyCannotOnDeploymentTemplate,
  whyCannotSeeDeploymentTemplates,
} from '@/domain/deployments/deployment-rights';
import {
  legacyWarning,
  whySms2003SettingsNotShown,
  whyTemplateNotOffered,
  whyUpdatesCannotBeDeployed,
} from '@/domain/deployments/deployment-rules';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { canRead, missingRightOnObjectMessage, missingRightOnTypeMessage } from '@/domain/rights/rights';
import type { Backend } from '../backend';
import { badRequest, forbidden, notFound } from '../errors';
import { json, jsonBodyOf, requireAdmin, parseBodyOr400 } from './http';

/**
 * The Deploy Software Updates Wizard and the Deployment Template Wizard: what may be offered for a selection, making a
 * deployment, making and changing templates, and switching a deployment's SMS 2003 clients off. Every rule is the
 * domain's (src/domain/deployments); a refused request changes nothing.
 */
export function deploymentHandlers(backend: Backend) {
  const site = () => requireConfigMgrSite(backend.state.phase === 'configmgr' ? backend.state : null, 'Deploying');

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

  const templateResponse = (account: string, id: string): DeploymentTemplateResponse => {
    const item = backend.state.deploymentTemplates.find((template) => template.id === id);
    if (!item) throw notFound(`There is no deployment template with ID ${id}.`);
    return { item, rights: backend.rights.rightsOn(account, 'DeploymentTemplate', id) };
  };

  /** The template the caller means to change: 403 without the right (or any right on templates), 404 when none. */
  const templateFor = (account: string, id: string, right: 'Modify' | 'Delete') => {
    const blind = whyCannotSeeDeploymentTemplates(backend.rights, account);
    if (blind) throw forbidden(blind);
    if (!backend.state.deploymentTemplates.some((template) => template.id === id)) {
      throw notFound(`There is no deployment template with ID ${id}.`);
    }
    const refused = whyCannotOnDeploymentTemplate(backend.rights, account, id, right);
    if (refused) throw forbidden(refused);
  };

  return [
    http.post(
      '*/api/deployments/eligibility',
      json(async ({ request }): Promise<EligibilityResponse> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          eligibilityRequestSchema,
          await jsonBodyOf(request),
          'POST /api/deployments/eligibility',
        );
        site();
        const updates = updatesFor(account, body.updateIds);
        const templates = backend.state.deploymentTemplates
          .filter((template) => canRead(backend.rights, account, 'DeploymentTemplate', template.id))
          .map((template) => {
            const whyNot = whyTemplateNotOffered(template, updates);
            return {
              id: template.id,
              name: template.name,
              description: template.description,
              deployToSms2003Clients: template.deployToSms2003Clients,
              collectionId: template.collectionId,
              offered: whyNot === null,
              whyNot,
            };
          });
        return {
          updates: updates.map((update) => ({
            id: update.id,
            title: update.title,
            legacy: update.legacy,
            expired: update.expired,
            downloaded: update.downloaded,
            deployableToSms2003: update.deployableToSms2003,
            language: update.language,
          })),
          templates,
          cannotDeploy: whyUpdatesCannotBeDeployed(updates),
          legacyWarning: legacyWarning(updates),
          sms2003SettingsWhyNot: whySms2003SettingsNotShown(updates),
          cannotCreate: backend.rights.hasClassRight(account, 'Deployment', 'Create')
            ? null
            : missingRightOnTypeMessage(account, 'Create', 'Deployment'),
          cannotSaveTemplate: whyCannotCreateDeploymentTemplate(backend.rights, account),
          cannotCreatePackage: backend.rights.hasClassRight(account, 'DeploymentPackage', 'Create')
            ? null
            : missingRightOnTypeMessage(account, 'Create', 'DeploymentPackage'),
        };
      }),
    ),
    http.post(
      '*/api/deployments',
      json(async ({ request }): Promise<DeploymentResponse> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(createDeploymentRequestSchema, await jsonBodyOf(request), 'POST /api/deployments');
        site();
        const updates = updatesFor(account, body.updateIds);
        const refused = whyCannotCreateDeployment(backend.rights, account, {
          updates,
          collectionId: body.settings.collectionId,
          templateId: body.templateId,
          deploymentPackage: body.deploymentPackage,
          saveAsTemplate: body.saveAsTemplate !== null,
        });
        if (refused) throw forbidden(refused);
        const state = backend.state;
        const id = nextDeploymentId(state);
        const templateId = body.saveAsTemplate ? nextDeploymentTemplateId(state) : null;
        const pkg = body.deploymentPackage;
        await backend.apply({
          ...body,
          type: 'create-deployment',
          id,
          deploymentPackage: pkg?.kind === 'new' ? { ...pkg, id: nextPackageId(state) } : pkg,
          saveAsTemplate: body.saveAsTemplate && templateId ? { ...body.saveAsTemplate, id: templateId } : null,
          by: account,
        });
        const item = backend.state.deployments.find((deployment) => deployment.id === id);
        if (!item) throw notFound(`There is no deployment with ID ${id}.`);
        const job = backend.state.jobs.find(
          (candidate) => candidate.kind === 'deployment-rollout' && candidate.targetId === id,
        );
        return {
          item,
          rights: backend.rights.rightsOn(account, 'Deployment', id),
          savedTemplateId: templateId,
          jobId: job?.id ?? null,
        };
      }),
    ),
    http.post(
      '*/api/deployments/:id/disable-sms2003',
      json(async ({ request, params }): Promise<DeploymentResponse> => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        await jsonBodyOf(request);
        site();
        // A caller with no right on deployments at all is refused before "not found": a refusal never tells which
        // deployments exist.
        if (!backend.rights.hasAnyRightOnType(account, 'Deployment')) {
          throw forbidden(missingRightOnTypeMessage(account, 'Read', 'Deployment'));
        }
        if (!backend.state.deployments.some((deployment) => deployment.id === id)) {
          throw notFound(`There is no deployment with ID ${id}.`);
        }
        const refused = whyCannotModifyDeployment(backend.rights, account, id);
        if (refused) throw forbidden(refused);
        await backend.apply({ type: 'disable-deployment-sms2003', id, by: account });
        const item = backend.state.deployments.find((deployment) => deployment.id === id);
        if (!item) throw notFound(`There is no deployment with ID ${id}.`);
        return { item, rights: backend.rights.rightsOn(account, 'Deployment', id), savedTemplateId: null, jobId: null };
      }),
    ),
    http.get(
      '*/api/deployment-templates/rights',
      json(({ request }) => {
        const account = requireAdmin(request, backend);
        const whyNot =
          backend.state.phase !== 'configmgr'
            ? 'Deployment templates come with Configuration Manager 2007: run Setup to upgrade the site first.'
            : whyCannotCreateDeploymentTemplate(backend.rights, account);
        return { canCreate: whyNot === null, whyNot };
      }),
    ),
    http.post(
      '*/api/deployment-templates',
      json(async ({ request }): Promise<DeploymentTemplateResponse> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          deploymentTemplateRequestSchema,
          await jsonBodyOf(request),
          'POST /api/deployment-templates',
        );
        site();
        const refused = whyCannotCreateDeploymentTemplate(backend.rights, account);
        if (refused) throw forbidden(refused);
        if (body.settings.collectionId && !canRead(backend.rights, account, 'Collection', body.settings.collectionId)) {
          throw forbidden(missingRightOnObjectMessage(account, 'Read', 'Collection', body.settings.collectionId));
        }
        const id = nextDeploymentTemplateId(backend.state);
        await backend.apply({ ...body, type: 'create-deployment-template', id, by: account });
        return templateResponse(account, id);
      }),
    ),
    http.patch(
      '*/api/deployment-templates/:id',
      json(async ({ request, params }): Promise<DeploymentTemplateResponse> => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          deploymentTemplateRequestSchema,
          await jsonBodyOf(request),
          'PATCH /api/deployment-templates/:id',
        );
        site();
        templateFor(account, id, 'Modify');
        if (body.settings.collectionId && !canRead(backend.rights, account, 'Collection', body.settings.collectionId)) {
          throw forbidden(missingRightOnObjectMessage(account, 'Read', 'Collection', body.settings.collectionId));
        }
        await backend.apply({ ...body, type: 'update-deployment-template', id, by: account });
        return templateResponse(account, id);
      }),
    ),
    http.delete(
      '*/api/deployment-templates/:id',
      json(async ({ request, params }) => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        site();
        templateFor(account, id, 'Delete');
        await backend.apply({ type: 'delete-deployment-template', id, by: account });
        return { deleted: id };
      }),
    ),
  ];
}
