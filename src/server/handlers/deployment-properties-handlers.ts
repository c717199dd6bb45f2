import { http } from 'msw';
import { requireConfigMgrSite } from '@/domain/after-upgrade/catalog-rules';
import {
  deploymentPropertiesRequestSchema,
  removeDeploymentUpdatesRequestSchema,
  type DeploymentObjectResponse,
} from '@/domain/contract/deployment-properties-contract';
import { whyCannotModifyDeployment } from '@/domain/deployments/deployment-rights';
import { missingRightOnTypeMessage } from '@/domain/rights/rights';
import type { Backend } from '../backend';
import { forbidden, notFound } from '../errors';
import { json, jsonBodyOf, parseBodyOr400, requireAdmin } from './http';

/**
 * A deployment's Properties (General and Schedule saved) and "Remove Software Updates" from its Software Updates node.
 * Each needs Read and Modify on the deployment (403 naming it); the rules are the domain's (409); a refused request
 * changes nothing.
 */
export function deploymentPropertiesHandlers(backend: Backend) {
  const site = () =>
    requireConfigMgrSite(backend.state.phase === 'configmgr' ? backend.state : null, 'Changing a deployment');

  /**
   * The deployment the caller means to change: 403 without any right on deployments (a refusal never tells which
   * exist), 404 when there is none, 403 without Read and Modify on it.
   */
  const deploymentToModify = (account: string, id: string) => {
    if (!backend.rights.hasAnyRightOnType(account, 'Deployment')) {
      throw forbidden(missingRightOnTypeMessage(account, 'Read', 'Deployment'));
    }
    if (!backend.state.deployments.some((deployment) => deployment.id === id)) {
      throw notFound(`There is no deployment with ID ${id}.`);
    }
    const refused = whyCannotModifyDeployment(backend.rights, account, id);
    if (refused) throw forbidden(refused);
  };

  const answer = (account: string, id: string): DeploymentObjectResponse => {
    const item = backend.state.deployments.find((deployment) => deployment.id === id);
    if (!item) throw notFound(`There is no deployment with ID ${id}.`);
    return { item, rights: backend.rights.rightsOn(account, 'Deployment', id) };
  };

  return [
    http.patch(
      '*/api/deployments/:id',
      json(async ({ request, params }): Promise<DeploymentObjectResponse> => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          deploymentPropertiesRequestSchema,
          await jsonBodyOf(request),
          'PATCH /api/deployments/:id',
        );
        site();
        deploymentToModify(account, id);
        await backend.apply({ ...body, type: 'update-deployment-properties', id, by: account });
        return answer(account, id);
      }),
    ),
    http.post(
      '*/api/deployments/:id/remove-updates',
      json(async ({ request, params }): Promise<DeploymentObjectResponse> => {
        const account = requireAdmin(request, backend);
        const id = String(params.id);
        const body = parseBodyOr400(
          removeDeploymentUpdatesRequestSchema,
          await jsonBodyOf(request),
          'POST /api/deployments/:id/remove-updates',
        );
        site();
        deploymentToModify(account, id);
        await backend.apply({
          type: 'remove-updates-from-deployment',
          deploymentId: id,
          updateIds: body.updateIds,
          by: account,
        });
        return answer(account, id);
      }),
    ),
  ];
}
