import { z } from 'zod';
import { operationTimeSchema } from '../operations/operation-time';
import { missingRightOnObjectMessage, type RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import type { SiteState } from '../site-state';

/**
 * The Maximum Run Time tab of a software update's Properties: "Maximum run time (minutes)", the time the update's
 * installation may take; maintenance windows fit the shortest first. "Only editable on the site that synchronizes with
 * Microsoft Update (usually the central site)" (the product documentation).
 *
 * The range is this console's choice (the product documentation found does not state it): 5 to 9,999 minutes, the
 * smallest value the catalog gives an update and the largest the tab's four-digit box holds.
 */
export const MIN_MAX_RUN_TIME_MINUTES = 5;
export const MAX_MAX_RUN_TIME_MINUTES = 9999;

const RANGE_MESSAGE = `the maximum run time must be a whole number of minutes from ${MIN_MAX_RUN_TIME_MINUTES} to ${MAX_MAX_RUN_TIME_MINUTES.toLocaleString('en-US')}`;

export const maxRunTimeMinutesSchema = z
  .number({ error: RANGE_MESSAGE })
  .int(RANGE_MESSAGE)
  .min(MIN_MAX_RUN_TIME_MINUTES, RANGE_MESSAGE)
  .max(MAX_MAX_RUN_TIME_MINUTES, RANGE_MESSAGE);

/** Why a typed value cannot be a maximum run time, or null when it can (the tab checks before it sends). */
export function maxRunTimeProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `${RANGE_MESSAGE}.`;
  const parsed = maxRunTimeMinutesSchema.safeParse(Number(trimmed));
  return parsed.success ? null : `${RANGE_MESSAGE}.`;
}

export const setMaxRunTimeOperationSchema = z.object({
  at: operationTimeSchema,
  type: z.literal('set-software-update-max-run-time'),
  updateId: z.string(),
  maxRunTimeMinutes: maxRunTimeMinutesSchema,
  by: z.string(),
});
export type SetMaxRunTimeOperation = z.infer<typeof setMaxRunTimeOperationSchema>;

export const SOFTWARE_UPDATE_OPERATION_SCHEMAS = [setMaxRunTimeOperationSchema] as const;
export type SoftwareUpdateOperation = SetMaxRunTimeOperation;
export const SOFTWARE_UPDATE_OPERATION_TYPES: ReadonlySet<string> = new Set(['set-software-update-max-run-time']);

/**
 * Why the maximum run time cannot be changed at the site the console is connected to, or null when it can: the site
 * must run Configuration Manager 2007 and be the one that synchronizes the update metadata, the top of the hierarchy.
 */
export function whyMaxRunTimeIsFixedHere(state: Pick<SiteState, 'phase' | 'sites'>): string | null {
  if (state.phase !== 'configmgr') {
    return `Site ${CONTOSO.sites.central.code} still runs SMS 2003 SP3: a maximum run time can be set only once Setup has upgraded it to Configuration Manager 2007.`;
  }
  const connected = state.sites[0];
  if (connected && connected.parentCode !== null) {
    return `The maximum run time can be changed only at the central site, which synchronizes the software update metadata; site ${connected.code} is a child of ${connected.parentCode}.`;
  }
  return null;
}

/** Why the account may not change the update's maximum run time for want of a right (Read and Modify), or null. */
export function whyCannotModifyUpdate(rights: RightsIndex, account: string, updateId: string): string | null {
  for (const right of ['Read', 'Modify'] as const) {
    if (!rights.hasRight(account, 'SoftwareUpdate', updateId, right)) {
      return missingRightOnObjectMessage(account, right, 'SoftwareUpdate', updateId);
    }
  }
  return null;
}

/** Sets an update's maximum run time. Refused (RuleViolation) before the upgrade, at a child site, or for no update. */
export function applySoftwareUpdateOperation(
  configMgr: SiteState | null,
  operation: SoftwareUpdateOperation,
): SiteState {
  const fixed = whyMaxRunTimeIsFixedHere(configMgr ?? { phase: 'sms2003', sites: [] });
  if (!configMgr || configMgr.phase !== 'configmgr') throw new RuleViolation('site-not-upgraded', fixed ?? '');
  if (fixed) throw new RuleViolation('max-run-time-central-site-only', fixed);
  const parsed = maxRunTimeMinutesSchema.safeParse(operation.maxRunTimeMinutes);
  if (!parsed.success) throw new RuleViolation('max-run-time-out-of-range', `${RANGE_MESSAGE}.`);
  const index = configMgr.softwareUpdates.findIndex((update) => update.id === operation.updateId);
  if (index < 0) {
    throw new RuleViolation('software-update-not-found', `There is no software update with ID ${operation.updateId}.`);
  }
  const update = configMgr.softwareUpdates[index];
  if (!update || update.maxRunTimeMinutes === parsed.data) return configMgr;
  const softwareUpdates = [...configMgr.softwareUpdates];
  softwareUpdates[index] = { ...update, maxRunTimeMinutes: parsed.data };
  return { ...configMgr, softwareUpdates };
}
