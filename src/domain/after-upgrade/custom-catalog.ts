import { operationTimeSchema } from '../operations/operation-time';
import { z } from 'zod';
import { formatDateTime } from '../format';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';
import { requireConfigMgrSite } from './catalog-rules';
import { reportStatus } from './jobs';

export const republishCustomCatalogSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('republish-custom-catalog'),
  by: z.string(),
});

/**
 * "Custom catalogs that have been published to the site server using the Custom Updates Publishing Tool must be
 * republished to WSUS using System Center Updates Publisher after the site server has been upgraded. Until the custom
 * catalog is republished, the custom updates will not be synchronized to the site database and the updates will
 * remain in an expired state." Republishing needs the WSUS server of the software update point.
 */
export function republishCustomCatalog(site: SiteState | null, by: string, at: string): SiteState {
  const state = requireConfigMgrSite(site, 'Republishing the custom updates catalog');
  if (!state.softwareUpdatePoint) {
    throw new RuleViolation(
      'no-software-update-point',
      'System Center Updates Publisher publishes to the WSUS server of the software update point: create the software update point first.',
    );
  }
  if (state.facts.customCatalogRepublishedAt) {
    throw new RuleViolation(
      'custom-catalog-already-republished',
      `The ${CONTOSO.customCatalog} catalog was already republished to WSUS on ${formatDateTime(state.facts.customCatalogRepublishedAt)}.`,
    );
  }
  const count = state.softwareUpdates.filter((u) => u.sourceCatalog === 'Custom Updates' && u.legacy).length;
  return reportStatus({ ...state, facts: { ...state.facts, customCatalogRepublishedAt: at } }, at, [
    {
      component: 'System Center Updates Publisher',
      severity: 'Informational',
      messageId: 8001,
      description: `${by} republished the ${CONTOSO.customCatalog} catalog (${count} custom updates) to WSUS on ${state.softwareUpdatePoint.serverName}. Synchronize the software update point so that Configuration Manager clients can scan them; SMS 2003 clients keep scanning with the Custom Updates Tool package meanwhile.`,
    },
  ]);
}
