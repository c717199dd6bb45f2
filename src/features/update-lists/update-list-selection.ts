import { z } from 'zod';

/**
 * The software updates an update list action acts on: the list they were selected in (node, search, sort) and the
 * selected rows by position, as the action found them. Kept in this tab's sessionStorage, so a reload of the page with
 * ?wizard=update-list-wizard opens the wizard on the same updates. The IDs are read from the server when the dialog
 * opens (GET /api/ids/software-updates), the grid's selection being index ranges over the server's list.
 */
const selectionSchema = z.object({
  admin: z.string(),
  node: z.string(),
  q: z.string(),
  searchIn: z.string(),
  sort: z.string().nullable(),
  /** The selected rows ("0-4,10"). */
  rows: z.string(),
  /** How many updates were selected, to say so while their IDs are read. */
  count: z.number().int().nonnegative(),
});
export type UpdateSelection = z.infer<typeof selectionSchema>;

/** What the selection is for: the Update List Wizard, or Remove from Update List. */
export type SelectionPurpose = 'wizard' | 'remove';

const keyOf = (purpose: SelectionPurpose) => `configmgr-console.update-list-${purpose}`;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function rememberUpdateSelection(purpose: SelectionPurpose, selection: UpdateSelection) {
  storage()?.setItem(keyOf(purpose), JSON.stringify(selection));
}

/** The selection kept for this purpose, or null (a link opened the dialog with nothing selected). */
export function readUpdateSelection(purpose: SelectionPurpose): UpdateSelection | null {
  const text = storage()?.getItem(keyOf(purpose));
  if (!text) return null;
  try {
    const parsed = selectionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetUpdateSelection(purpose: SelectionPurpose) {
  storage()?.removeItem(keyOf(purpose));
}
