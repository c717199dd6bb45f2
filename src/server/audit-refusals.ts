import { SITE_ACTIONS, siteActionOperation, type SiteAction } from '@/domain/after-upgrade/after-upgrade-actions';
import type { OperationLike } from '@/domain/audit/audit-rules';
import type { Backend } from './backend';
import type { ApiError } from './errors';

type Body = Record<string, unknown>;

/**
 * The change endpoints the audit log knows, each as the operation it would have done (with the ids the request named),
 * so a refused attempt reads like the change it would have been. `null`: an endpoint that changes nothing of the
 * site (its clock, the demo's reset, a notice), whose refusals are not audited.
 */
const ENDPOINTS: Array<{
  method: string;
  path: RegExp;
  operation: ((ids: string[], body: Body, account: string) => OperationLike) | null;
}> = [
  { method: 'POST', path: /^site\/upgrade$/, operation: () => ({ type: 'run-setup' }) },
  {
    method: 'PUT',
    path: /^site\/software-update-point$/,
    operation: (_ids, body) => ({ type: 'configure-software-update-point', serverName: body.serverName }),
  },
  {
    method: 'POST',
    path: /^site\/actions\/([^/]+)$/,
    operation: ([action], _body, account) =>
      (SITE_ACTIONS as readonly string[]).includes(action ?? '')
        ? siteActionOperation(action as SiteAction, account)
        : { type: action ?? 'site-action' },
  },
  { method: 'POST', path: /^site\/jobs\/([^/]+)\/cancel$/, operation: ([jobId]) => ({ type: 'cancel-job', jobId }) },
  // System Center Updates Publisher: the custom update's title travels in the body.
  {
    method: 'POST',
    path: /^site\/custom-updates$/,
    operation: (_ids, body) => ({ type: 'publish-custom-update', title: body.title }),
  },
  {
    method: 'POST',
    path: /^advertisements\/([^/]+)\/run$/,
    operation: ([advertisementId]) => ({ type: 'run-advertisement', advertisementId }),
  },
  {
    method: 'DELETE',
    path: /^sms2003-advertisements\/([^/]+)$/,
    operation: ([advertisementId]) => ({ type: 'delete-sms2003-advertisement', advertisementId }),
  },
  {
    method: 'POST',
    path: /^sms2003-advertisements\/([^/]+)\/remove-updates$/,
    operation: ([advertisementId]) => ({ type: 'remove-updates-from-sms2003-advertisement', advertisementId }),
  },
  {
    method: 'PATCH',
    path: /^packages\/([^/]+)$/,
    operation: ([packageId]) => ({ type: 'change-package-source', packageId }),
  },
  {
    method: 'POST',
    path: /^packages\/([^/]+)\/update-distribution-points$/,
    operation: ([packageId]) => ({ type: 'update-distribution-points', packageId }),
  },
  {
    method: 'POST',
    path: /^collections\/([^/]+)\/upgrade-clients$/,
    operation: ([collectionId]) => ({ type: 'upgrade-clients', collectionId }),
  },
  { method: 'POST', path: /^deployments\/eligibility$/, operation: null },
  { method: 'POST', path: /^deployments$/, operation: () => ({ type: 'create-deployment' }) },
  {
    method: 'POST',
    path: /^deployments\/([^/]+)\/disable-sms2003$/,
    operation: ([id]) => ({ type: 'disable-deployment-sms2003', id }),
  },
  {
    method: 'PATCH',
    path: /^deployments\/([^/]+)$/,
    operation: ([id]) => ({ type: 'update-deployment-properties', id }),
  },
  {
    method: 'POST',
    path: /^deployments\/([^/]+)\/remove-updates$/,
    operation: ([deploymentId]) => ({ type: 'remove-updates-from-deployment', deploymentId }),
  },
  {
    method: 'PATCH',
    path: /^collections\/([^/]+)$/,
    operation: ([collectionId]) => ({ type: 'update-collection-comment', collectionId }),
  },
  { method: 'POST', path: /^deployment-templates$/, operation: () => ({ type: 'create-deployment-template' }) },
  {
    method: 'PATCH',
    path: /^deployment-templates\/([^/]+)$/,
    operation: ([id]) => ({ type: 'update-deployment-template', id }),
  },
  {
    method: 'DELETE',
    path: /^deployment-templates\/([^/]+)$/,
    operation: ([id]) => ({ type: 'delete-deployment-template', id }),
  },
  // Deployment packages: the Download Updates Wizard names its package in the body.
  { method: 'POST', path: /^deployment-packages\/download-eligibility$/, operation: null },
  {
    method: 'POST',
    path: /^deployment-packages\/download$/,
    operation: (_ids, body) => ({ type: 'download-software-updates', deploymentPackage: body.deploymentPackage }),
  },
  {
    method: 'PATCH',
    path: /^deployment-packages\/([^/]+)$/,
    operation: ([id]) => ({ type: 'update-deployment-package', id }),
  },
  { method: 'POST', path: /^update-lists\/eligibility$/, operation: null },
  { method: 'POST', path: /^update-lists$/, operation: () => ({ type: 'create-update-list' }) },
  {
    method: 'POST',
    path: /^update-lists\/([^/]+)\/add-updates$/,
    operation: ([id]) => ({ type: 'add-updates-to-update-list', id }),
  },
  {
    method: 'POST',
    path: /^update-lists\/([^/]+)\/remove-updates$/,
    operation: ([id]) => ({ type: 'remove-updates-from-update-list', id }),
  },
  { method: 'PATCH', path: /^update-lists\/([^/]+)$/, operation: ([id]) => ({ type: 'change-update-list', id }) },
  { method: 'DELETE', path: /^update-lists\/([^/]+)$/, operation: ([id]) => ({ type: 'delete-update-list', id }) },
  { method: 'POST', path: /^search-folders$/, operation: () => ({ type: 'create-search-folder' }) },
  { method: 'PATCH', path: /^search-folders\/([^/]+)$/, operation: ([id]) => ({ type: 'rename-search-folder', id }) },
  { method: 'DELETE', path: /^search-folders\/([^/]+)$/, operation: ([id]) => ({ type: 'delete-search-folder', id }) },
  {
    method: 'PUT',
    path: /^software-updates\/([^/]+)\/max-run-time$/,
    operation: ([updateId]) => ({ type: 'set-software-update-max-run-time', updateId }),
  },
  // Security Rights: what is granted or revoked travels in the body; a review only asks what would be refused.
  { method: 'POST', path: /^security-rights\/review$/, operation: null },
  {
    method: 'POST',
    path: /^security-rights\/(grant|revoke)$/,
    operation: ([action], body) => ({ ...body, type: `${action ?? 'grant'}-rights` }),
  },
  { method: 'POST', path: /^site\/clock$/, operation: null },
  { method: 'POST', path: /^demo\/reset$/, operation: null },
  { method: 'POST', path: /^site\/import$/, operation: null },
  { method: 'POST', path: /^session\/notice\/dismiss$/, operation: null },
  // A walkthrough's start resets the demo; a step viewed is the administrator's progress, not the site's.
  { method: 'POST', path: /^walkthroughs\//, operation: null },
];

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Rules whose refusals are not the site's: another tab saved first (the request is refused so nothing is overwritten,
 * and the same change made again is audited then).
 */
const NOT_AUDITED_RULES = new Set(['site-changed-elsewhere']);

/** What a refused request was about, for the audit log. */
export interface RefusedRequest {
  account: string;
  method: string;
  url: string;
  /** Its JSON body, when the handler read one. */
  body: unknown;
  error: ApiError;
}

/**
 * Keeps a refused change in the audit log: a 403 (a right is missing) or a 409 (a rule refused it) of an endpoint that
 * changes the site. Malformed requests (400), unknown objects (404) and requests with no known administrator (401)
 * are not attempts on the site and are not kept. Never throws: the refusal is answered whatever happens here.
 */
export async function auditRefusedRequest(backend: Backend, request: RefusedRequest): Promise<void> {
  const { error } = request;
  if (!CHANGES.has(request.method.toUpperCase())) return;
  if (error.status !== 403 && error.status !== 409) return;
  if (error.extra.rule && NOT_AUDITED_RULES.has(error.extra.rule)) return;
  const pathname = new URL(request.url).pathname;
  const at = pathname.indexOf('/api/');
  if (at < 0) return;
  const path = pathname.slice(at + '/api/'.length).replace(/\/+$/, '');
  const method = request.method.toUpperCase();
  const body: Body =
    request.body !== null && typeof request.body === 'object' && !Array.isArray(request.body)
      ? (request.body as Body)
      : {};
  let operation: OperationLike | null = null;
  for (const endpoint of ENDPOINTS) {
    if (endpoint.method !== method) continue;
    const match = endpoint.path.exec(path);
    if (!match) continue;
    if (endpoint.operation === null) return;
    const ids = match.slice(1).map((segment) => safeDecode(segment));
    operation = endpoint.operation(ids, body, request.account);
    break;
  }
  try {
    await backend.recordRefusal({
      operation,
      endpoint: `${method} /api/${path}`,
      administrator: request.account,
      reason: error.message,
      requested: request.body === undefined ? null : request.body,
    });
  } catch {
    // The audit store failed (a full disk, say): the refusal is still answered.
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
