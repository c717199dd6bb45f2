import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  deploymentResponseSchema,
  deploymentTemplateClassRightsSchema,
  deploymentTemplateResponseSchema,
  eligibilityResponseSchema,
  type CreateDeploymentRequest,
  type DeploymentTemplateRequest,
} from '@/domain/contract/deployment-contract';
import { apiRequest } from './http';

/**
 * The Deploy Software Updates Wizard's and the Deployment Template Wizard's calls (docs/api.md, "Deployments and
 * deployment templates").
 */

/** What the wizard may offer for these updates: templates (and why one is not offered), pages, warnings, rights. */
export const deploymentEligibilityQuery = (admin: string, updateIds: readonly string[]) =>
  queryOptions({
    queryKey: ['deployment-eligibility', admin, [...updateIds].sort().join(',')],
    queryFn: ({ signal }) =>
      apiRequest('/api/deployments/eligibility', eligibilityResponseSchema, {
        admin,
        signal,
        method: 'POST',
        body: { updateIds },
      }),
    enabled: updateIds.length > 0,
  });

/** Whether the administrator may create deployment templates, and if not why. */
export const deploymentTemplateClassRightsQuery = (admin: string) =>
  queryOptions({
    queryKey: ['deployment-template-rights', admin],
    queryFn: ({ signal }) =>
      apiRequest('/api/deployment-templates/rights', deploymentTemplateClassRightsSchema, { admin, signal }),
    staleTime: 60_000,
  });

/**
 * After a deployment or a template changes, the lists (Deployment Management, Deployment Templates, Deployment
 * Packages, the updates' Deployed and Downloaded columns), open objects, jobs and status messages are stale.
 */
async function refreshAfterChange(queryClient: QueryClient) {
  const stale = new Set([
    'console-tree',
    'list',
    'object',
    'deployment-eligibility',
    'deployment-template-rights',
    'site-jobs',
    'after-upgrade',
  ]);
  await queryClient.invalidateQueries({ predicate: (query) => stale.has(String(query.queryKey[0])) });
}

/** POST /api/deployments: the Deploy Software Updates Wizard's Summary > Next. */
export function useCreateDeployment(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateDeploymentRequest) =>
      apiRequest('/api/deployments', deploymentResponseSchema, { admin, method: 'POST', body: request }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** POST /api/deployments/:id/disable-sms2003: switching "Deploy software updates to SMS 2003 clients" off for good. */
export function useDisableDeploymentSms2003(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/deployments/${encodeURIComponent(id)}/disable-sms2003`, deploymentResponseSchema, {
        admin,
        method: 'POST',
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** POST /api/deployment-templates: the Deployment Template Wizard's end. */
export function useCreateDeploymentTemplate(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DeploymentTemplateRequest) =>
      apiRequest('/api/deployment-templates', deploymentTemplateResponseSchema, {
        admin,
        method: 'POST',
        body: request,
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** PATCH /api/deployment-templates/:id: a template's properties saved. */
export function useUpdateDeploymentTemplate(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...request }: DeploymentTemplateRequest & { id: string }) =>
      apiRequest(`/api/deployment-templates/${encodeURIComponent(id)}`, deploymentTemplateResponseSchema, {
        admin,
        method: 'PATCH',
        body: request,
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** DELETE /api/deployment-templates/:id */
export function useDeleteDeploymentTemplate(admin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/deployment-templates/${encodeURIComponent(id)}`, z.object({ deleted: z.string() }), {
        admin,
        method: 'DELETE',
      }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}
