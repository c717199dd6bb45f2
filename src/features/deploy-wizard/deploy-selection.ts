import { z } from 'zod';

/**
 * The software updates the Deploy Software Updates Wizard deploys: the list they were selected in (node, search,
 * sort) and the selected rows by position, as the action found them; then, once the server has answered, their IDs.
 * Kept in this tab's sessionStorage, so a reload of the page with ?wizard=deploy-software-updates opens the wizard on
 * the same updates, and the IDs do not change under the wizard when the list does (after a deployment, say).
 */
const deploySelectionSchema = z.object({
  admin: z.string(),
  node: z.string(),
  q: z.string(),
  searchIn: z.string(),
  sort: z.string().nullable(),
  /** The selected rows ("0-4,10"); null: every row of the list (a search folder with nothing selected). */
  rows: z.string().nullable(),
  /** How many updates were selected, to say so while their IDs are read. */
  count: z.number().int().nonnegative(),
  /** The updates' IDs, once read. */
  ids: z.array(z.string()).nullable(),
});
export type DeploySelection = z.infer<typeof deploySelectionSchema>;

const STORAGE_KEY = 'configmgr-console.deploy-software-updates';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** What the action hands the wizard (the IDs are read when the wizard opens). */
export function rememberDeploySelection(selection: Omit<DeploySelection, 'ids'>) {
  storage()?.setItem(STORAGE_KEY, JSON.stringify({ ...selection, ids: null }));
}

/** The selection the wizard deploys, or null when there is none (a link opened the wizard with nothing selected). */
export function readDeploySelection(): DeploySelection | null {
  const text = storage()?.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    const parsed = deploySelectionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The IDs the server answered for the selection: from now on the wizard deploys exactly these. */
export function rememberDeployIds(ids: readonly string[]) {
  const selection = readDeploySelection();
  if (selection) storage()?.setItem(STORAGE_KEY, JSON.stringify({ ...selection, ids }));
}

/** The wizard closed: nothing is left to deploy. */
export function forgetDeploySelection() {
  storage()?.removeItem(STORAGE_KEY);
}
