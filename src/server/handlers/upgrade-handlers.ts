import { http } from 'msw';
import { z } from 'zod';
import { uncPathSchema } from '@/domain/operations/operations';
import { missingRightOnObjectMessage } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { preUpgradeChecks } from '@/domain/upgrade/pre-upgrade-checks';
import type { Backend } from '../backend';
import { conflict, forbidden } from '../errors';
import { json, jsonBodyOf, parseOr400, requireAdmin } from './http';
import { sessionOf } from './site-handlers';

const SITE = CONTOSO.sites.central.code;

export const runSetupRequestSchema = z
  .object({
    catalogSource: z.enum(['internet', 'local'], { error: 'catalogSource must be "internet" or "local"' }),
    localCatalogPath: uncPathSchema.optional(),
  })
  .strict()
  .refine((body) => body.catalogSource !== 'local' || body.localCatalogPath !== undefined, {
    message: 'localCatalogPath is needed when the catalog comes from a local location',
    path: ['localCatalogPath'],
  });

/** Setup: the pre-upgrade checks, and running the upgrade of site CEN (Configuration Manager 2007 Setup). */
export function upgradeHandlers(backend: Backend) {
  const requireSiteRight = (account: string, right: 'Read' | 'Administer') => {
    if (!backend.rights.hasRight(account, 'Site', SITE, right)) {
      throw forbidden(missingRightOnObjectMessage(account, right, 'Site', SITE));
    }
  };
  return [
    http.get(
      '*/api/site/upgrade/checks',
      json(({ request }) => {
        const account = requireAdmin(request, backend);
        requireSiteRight(account, 'Read');
        // Whether this administrator may run Setup, and if not why: the console greys "Upgrade Site" out with it.
        const blocked =
          backend.state.phase !== 'sms2003'
            ? `Site ${SITE} already runs Configuration Manager 2007.`
            : backend.rights.hasRight(account, 'Site', SITE, 'Administer')
              ? null
              : missingRightOnObjectMessage(account, 'Administer', 'Site', SITE);
        return { checks: preUpgradeChecks(backend.sms2003, SITE), canRun: blocked === null, whyNot: blocked };
      }),
    ),
    http.post(
      '*/api/site/upgrade',
      json(async ({ request }) => {
        const account = requireAdmin(request, backend);
        const body = parseOr400(runSetupRequestSchema, await jsonBodyOf(request));
        requireSiteRight(account, 'Administer');
        if (backend.state.phase !== 'sms2003') {
          throw conflict(
            `Site ${SITE} already runs Configuration Manager 2007: Setup cannot upgrade it again.`,
            'site-already-upgraded',
          );
        }
        await backend.apply({ type: 'run-setup', runBy: account, ...body });
        return { session: sessionOf(backend), setupLog: backend.state.setupLog };
      }),
    ),
  ];
}
