import { z } from 'zod';
import { namesOf } from '../deployments/deployment-rules';
import type { SoftwareUpdate } from '../model/software-update';

/**
 * What an update list may hold and be called. An update list is a fixed set of software updates (WMI class
 * SMS_AuthorizationList), made with the Update List Wizard from updates selected in Update Repository; the server
 * refuses with these reasons and the wizard greys its choices out with the same words.
 */

/** Update list IDs: UL000001, UL000002, ... in the order lists are created; an ID is never given again. */
export const UPDATE_LIST_ID_PATTERN = /^UL\d{6}$/;
export const MAX_UPDATE_LIST_NAME = 256;
export const MAX_UPDATE_LIST_DESCRIPTION = 512;
/** How many software updates one request may name (Ctrl+A on a large repository still fits). */
export const MAX_UPDATES_PER_REQUEST = 100_000;

/** An update list's name, as the wizard, Rename, Properties, the API and the log check it. */
export const updateListNameSchema = z
  .string({ error: 'the name must be text' })
  .trim()
  .min(1, 'the name cannot be empty')
  .max(MAX_UPDATE_LIST_NAME, `the name must be at most ${MAX_UPDATE_LIST_NAME} characters`)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'the name cannot hold control characters such as tabs or line breaks');

/** An update list's description: free text, line breaks allowed. */
export const updateListDescriptionSchema = z
  .string({ error: 'the description must be text' })
  .max(MAX_UPDATE_LIST_DESCRIPTION, `the description must be at most ${MAX_UPDATE_LIST_DESCRIPTION} characters`);

/** Why a name cannot be an update list's name, or null when it can. */
export function updateListNameProblem(name: string): string | null {
  const parsed = updateListNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'the name is not valid');
}

/** Why a description cannot be an update list's, or null when it can. */
export function updateListDescriptionProblem(description: string): string | null {
  const parsed = updateListDescriptionSchema.safeParse(description);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'the description is not valid');
}

/**
 * Why one software update cannot be added to an update list, or null. An expired update "cannot be included in new
 * deployments" and the product does not let the Update List action take it either (updates from other scan tools'
 * catalogs stay expired, so they are refused too). A hidden update (the LEGACY clean-up script hid it) is listed by
 * no node but Hidden Software Updates and cannot be added either. A LEGACY update that is active again can: lists are
 * used for reporting, which is what LEGACY updates are kept for.
 */
export function whyUpdateCannotBeAddedToUpdateList(
  update: Pick<SoftwareUpdate, 'title' | 'expired' | 'hidden'>,
): string | null {
  if (update.expired) {
    return `${update.title} is expired: expired software updates cannot be added to an update list.`;
  }
  if (update.hidden) {
    return `${update.title} is hidden by the LEGACY clean-up script: hidden software updates cannot be added to an update list.`;
  }
  return null;
}

/** Why these updates cannot be added to an update list (naming the first few that keep it out), or null. */
export function whyUpdatesCannotBeAddedToUpdateList(
  updates: readonly Pick<SoftwareUpdate, 'title' | 'expired' | 'hidden'>[],
): string | null {
  if (updates.length === 0) return 'Select at least one software update for the update list.';
  const refused = updates.filter((update) => whyUpdateCannotBeAddedToUpdateList(update) !== null);
  if (refused.length === 0) return null;
  if (refused.length === 1) return whyUpdateCannotBeAddedToUpdateList(refused[0] as SoftwareUpdate);
  const expired = refused.filter((update) => update.expired);
  const hidden = refused.filter((update) => !update.expired);
  const parts = [
    expired.length > 0 ? `${namesOf(expired)} ${expired.length === 1 ? 'is' : 'are'} expired` : null,
    hidden.length > 0
      ? `${namesOf(hidden)} ${hidden.length === 1 ? 'is' : 'are'} hidden by the LEGACY clean-up script`
      : null,
  ].filter((part) => part !== null);
  const kinds = [expired.length > 0 ? 'expired' : null, hidden.length > 0 ? 'hidden' : null].filter(Boolean);
  return `${parts.join(', and ')}: ${kinds.join(' and ')} software updates cannot be added to an update list. Select only active software updates.`;
}

/** A note for the wizard when LEGACY updates are chosen: allowed, and what they are for. */
export function legacyUpdateListNote(updates: readonly Pick<SoftwareUpdate, 'title' | 'legacy'>[]): string | null {
  const legacy = updates.filter((update) => update.legacy);
  if (legacy.length === 0) return null;
  return (
    `${namesOf(legacy)} ${legacy.length === 1 ? 'is a LEGACY update' : 'are LEGACY updates'}: they can be kept in an ` +
    'update list for reporting, but software updates with (LEGACY) in the title should not be deployed to clients.'
  );
}
