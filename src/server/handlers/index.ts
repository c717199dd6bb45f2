import { http, HttpResponse } from 'msw';
import type { Backend } from '../backend';
import { badRequest, notFound } from '../errors';
import { json } from './http';
import { resourceHandlers } from './resource-handlers';
import { siteHandlers } from './site-handlers';
import { upgradeHandlers } from './upgrade-handlers';
import { siteFileHandlers } from './site-file-handlers';
import { exportHandlers } from './export-handlers';
import { softwareUpdateHandlers } from './software-update-handlers';
import { searchFolderHandlers } from './search-folder-handlers';
import { afterUpgradeHandlers } from './after-upgrade-handlers';
import { customUpdateHandlers } from './custom-update-handlers';
import { deploymentHandlers } from './deployment-handlers';
import { deploymentPackageHandlers } from './deployment-package-handlers';
import { deploymentPropertiesHandlers } from './deployment-properties-handlers';
import { collectionHandlers } from './collection-handlers';
import { updateListHandlers } from './update-list-handlers';
import { securityRightsHandlers } from './security-rights-handlers';
import { listIdsHandlers } from './list-ids-handlers';
import { auditLogHandlers } from './audit-log-handlers';
import { homepageHandlers } from './homepage-handlers';
import { reportHandlers } from './report-handlers';
import { walkthroughHandlers } from './walkthrough-handlers';
import { withQuickRouting } from './quick-route';

/** The one handler set: the service worker in the app, msw/node in Vitest and the Playwright runs all use it. */
export function createHandlers(backend: Backend) {
  // Each handler first asks a cheap question (method, fixed path segments) before MSW's costly matching: see quick-route.ts.
  return withQuickRouting([
    // First: a path with a broken %-escape is a 400 here. A path pattern cannot catch it (matching decodes the
    // path and throws), so this handler matches with a predicate of its own.
    http.all(
      ({ request }) => request.url.includes('/api/') && hasBrokenEscape(new URL(request.url).pathname),
      ({ request }) =>
        HttpResponse.json(
          badRequest('path', `The path ${new URL(request.url).pathname} holds a broken %-escape`).toBody(),
          { status: 400 },
        ),
    ),
    // Before the lists and exports that read it: the audit log's refusals kept by other tabs are read in first.
    ...auditLogHandlers(backend),
    ...siteHandlers(backend),
    ...upgradeHandlers(backend),
    ...siteFileHandlers(backend),
    // Before the exports and the resource handlers: /api/export/software-update-clients.csv is the compliance
    // drill-down's, and /api/software-updates/:id/properties, /clients and /max-run-time are not object IDs.
    ...softwareUpdateHandlers(backend),
    ...exportHandlers(backend),
    // Before the resource handlers: /api/search-folders/rights and /api/software-updates/facets are not object IDs.
    ...searchFolderHandlers(backend),
    ...afterUpgradeHandlers(backend),
    // POST /api/site/custom-updates: a custom update published with System Center Updates Publisher.
    ...customUpdateHandlers(backend),
    ...deploymentHandlers(backend),
    // Before the resource handlers: /api/deployment-packages/download... are not package IDs.
    ...deploymentPackageHandlers(backend),
    // A deployment's and a collection's Properties saved, and Remove Software Updates from a deployment.
    ...deploymentPropertiesHandlers(backend),
    ...collectionHandlers(backend),
    // Before the resource handlers: /api/update-lists/rights is not an update list's ID.
    ...updateListHandlers(backend),
    // Before the resource handlers: GET /api/security-rights narrows to an account, and needs Read on site CEN.
    ...securityRightsHandlers(backend),
    // The Software Updates home page: GET /api/homepage-summary, POST .../run, PUT .../schedule.
    ...homepageHandlers(backend),
    // Reporting > Reports: GET /api/reports/:id/parameters, /values/:parameter, /run and /result.csv.
    ...reportHandlers(backend),
    // The training walkthroughs: GET /api/walkthroughs, GET .../:id, POST .../:id/start, POST .../:id/viewed.
    ...walkthroughHandlers(backend),
    // GET /api/ids/<resource>: the IDs of a list's selected rows (the Deploy Software Updates Wizard's updates).
    ...listIdsHandlers(backend),
    ...resourceHandlers(backend),
    // Last: an unknown /api/ path is a JSON 404, never the single-page app's HTML.
    http.all(
      '*/api/*',
      json(({ request }) => {
        const url = new URL(request.url);
        throw notFound(`There is no endpoint ${request.method} ${url.pathname}. See docs/api.md.`);
      }),
    ),
  ]);
}

function hasBrokenEscape(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
