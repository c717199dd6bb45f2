import { z } from 'zod';

/** The wizard's name in the console's URL (?wizard=download-software-updates). */
export const DOWNLOAD_SOFTWARE_UPDATES_WIZARD = 'download-software-updates';
/** The action's exact label, in the Actions pane and the context menu. */
export const DOWNLOAD_SOFTWARE_UPDATES_LABEL = 'Download Software Updates...';
export const DOWNLOAD_WIZARD_TITLE = 'Download Updates Wizard';

export function isDownloadSoftwareUpdatesWizard(name: string | null | undefined): boolean {
  return name === DOWNLOAD_SOFTWARE_UPDATES_WIZARD;
}

/** The nodes that list software updates whose files can be downloaded: Update Repository, its folders, search folders. */
const DOWNLOAD_NODE_KINDS = new Set([
  'software-updates',
  'update-repository',
  'search-folder',
  'classification-folder',
  'vendor-folder',
  'product-folder',
  'update-list',
  'sms2003-software-updates',
]);

export const NOTHING_SELECTED = 'Select the software updates to download first.';
export const BEFORE_UPGRADE =
  'The site still runs SMS 2003 SP3: software updates are downloaded into deployment packages once Setup has upgraded it to Configuration Manager 2007.';

export interface DownloadAction {
  label: string;
  run: () => void;
  disabledBecause?: string;
}

/**
 * The software updates the wizard downloads: the list they were selected in and the selected rows by position, read
 * into IDs when the wizard opens (GET /api/ids/software-updates). Kept in this tab's sessionStorage, so a reload opens
 * the wizard on the same updates.
 */
const downloadSelectionSchema = z.object({
  admin: z.string(),
  node: z.string(),
  q: z.string(),
  searchIn: z.string(),
  sort: z.string().nullable(),
  rows: z.string(),
  count: z.number().int().nonnegative(),
  ids: z.array(z.string()).nullable(),
});
export type DownloadSelection = z.infer<typeof downloadSelectionSchema>;
const STORAGE_KEY = 'configmgr-console.download-software-updates';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function rememberDownloadSelection(selection: Omit<DownloadSelection, 'ids'>) {
  storage()?.setItem(STORAGE_KEY, JSON.stringify({ ...selection, ids: null }));
}

export function readDownloadSelection(): DownloadSelection | null {
  const text = storage()?.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    const parsed = downloadSelectionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberDownloadIds(ids: readonly string[]) {
  const selection = readDownloadSelection();
  if (selection) storage()?.setItem(STORAGE_KEY, JSON.stringify({ ...selection, ids }));
}

export function forgetDownloadSelection() {
  storage()?.removeItem(STORAGE_KEY);
}

export interface DownloadActionContext {
  admin: string;
  node: { id: string; kind: string } | undefined;
  phase: 'sms2003' | 'configmgr' | undefined;
  list: { q: string; searchIn: string; sort: string | null };
  /** The selected rows as the API's `rows` parameter writes them ("0-4,10"); '' when none. */
  selectedRows: string;
  selectedCount: number;
  open: () => void;
}

/**
 * "Download Software Updates...": with software updates selected in Update Repository, its folders, a search folder or
 * an update list. Greyed out with the reason when nothing is selected or before the upgrade; the wizard's first page
 * says what the server says about the updates and the rights.
 */
export function downloadActions(context: DownloadActionContext): DownloadAction[] {
  const { node, phase, selectedCount } = context;
  if (!node || !DOWNLOAD_NODE_KINDS.has(node.kind)) return [];
  return [
    {
      label: DOWNLOAD_SOFTWARE_UPDATES_LABEL,
      disabledBecause: phase === 'sms2003' ? BEFORE_UPGRADE : selectedCount === 0 ? NOTHING_SELECTED : undefined,
      run: () => {
        rememberDownloadSelection({
          admin: context.admin,
          node: node.id,
          q: context.list.q,
          searchIn: context.list.searchIn,
          sort: context.list.sort,
          rows: context.selectedRows,
          count: selectedCount,
        });
        context.open();
      },
    },
  ];
}
