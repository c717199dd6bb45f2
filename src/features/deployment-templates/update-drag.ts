import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { UpdateList } from '@/domain/model/site-objects';
import { selectedCount, selectedRanges, type GridSelection } from '@/ui/grid-selection';

/**
 * Dragging software updates onto a deployment template: "drag an update list onto a deployment template" starts a
 * deployment built from the template's settings. Rows of Update Lists (an update list carries its updates) and of
 * Update Repository and its folders (the selected updates) can be dragged; a template's row in Deployment Templates
 * and the Deployment Templates node take the drop. The keyboard's way is "Deploy with Template...".
 */

/** The data type a drag of software updates carries (the browser lets a drop target see the type, not the data). */
export const SOFTWARE_UPDATES_DRAG_TYPE = 'application/x-configmgr-software-updates';

/** The most software updates a link to the Deploy Software Updates Wizard names (its URL carries their IDs). */
export const MAX_UPDATES_IN_LINK = 1000;

const payloadSchema = z.object({
  updateIds: z.array(z.string()).min(1).max(MAX_UPDATES_IN_LINK),
  /** What was dragged, for a sentence: "the update list Critical Updates", "3 software updates". */
  source: z.string(),
});
export type UpdatesDragPayload = z.infer<typeof payloadSchema>;

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** The updates the selected rows stand for: the updates of the selected update lists, or the selected updates. */
export function payloadOfRows(
  resource: string,
  rows: readonly ({ id: string } & Record<string, unknown>)[],
): UpdatesDragPayload | null {
  if (rows.length === 0) return null;
  if (resource === 'update-lists') {
    const lists = rows as unknown as UpdateList[];
    const updateIds = [...new Set(lists.flatMap((list) => list.updateIds))];
    if (updateIds.length === 0 || updateIds.length > MAX_UPDATES_IN_LINK) return null;
    const source =
      lists.length === 1
        ? `the update list ${lists[0]?.name ?? ''}`
        : plural(lists.length, 'update list', 'update lists');
    return { updateIds, source };
  }
  if (resource === 'software-updates') {
    if (rows.length > MAX_UPDATES_IN_LINK) return null;
    return { updateIds: rows.map((row) => row.id), source: plural(rows.length, 'software update', 'software updates') };
  }
  return null;
}

/** Whether a list of this resource lets its rows be dragged onto a template. */
export function canDragRowsOf(resource: string): boolean {
  return resource === 'software-updates' || resource === 'update-lists';
}

/** The selected rows that are loaded, and whether every selected row is (Ctrl+A selects rows not fetched yet). */
export function selectedRows<T>(
  selection: GridSelection,
  total: number,
  getRow: (index: number) => T | undefined,
): { rows: T[]; complete: boolean; count: number } {
  const count = selectedCount(selection, total);
  if (count > MAX_UPDATES_IN_LINK) return { rows: [], complete: false, count };
  const rows: T[] = [];
  for (const [start, end] of selectedRanges(selection, total)) {
    for (let index = start; index <= end; index++) {
      const row = getRow(index);
      if (row !== undefined) rows.push(row);
    }
  }
  return { rows, complete: rows.length === count, count };
}

export function writeDragPayload(dataTransfer: DataTransfer, payload: UpdatesDragPayload) {
  dataTransfer.setData(SOFTWARE_UPDATES_DRAG_TYPE, JSON.stringify(payload));
  // Anything else the updates are dropped on gets their IDs as text.
  dataTransfer.setData('text/plain', payload.updateIds.join(','));
  dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries software updates (all a drop target may know before the drop). */
export function carriesUpdates(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer !== null && Array.from(dataTransfer.types).includes(SOFTWARE_UPDATES_DRAG_TYPE);
}

export function readDragPayload(dataTransfer: DataTransfer | null): UpdatesDragPayload | null {
  const text = dataTransfer?.getData(SOFTWARE_UPDATES_DRAG_TYPE);
  if (!text) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The software updates last selected in Update Repository (or one of its folders), per administrator: what "Deploy
 * with Template..." on a template offers to deploy, once Deployment Templates is open instead.
 */
export interface RememberedUpdateSelection {
  admin: string;
  /** The node they were selected in, e.g. "Update Repository". */
  nodeName: string;
  updateIds: string[];
  /** How many were selected; more than updateIds holds when some were not loaded. */
  selectedCount: number;
}

let remembered: RememberedUpdateSelection | null = null;
const listeners = new Set<() => void>();

export function rememberUpdateSelection(next: RememberedUpdateSelection) {
  if (
    remembered &&
    remembered.admin === next.admin &&
    remembered.nodeName === next.nodeName &&
    remembered.selectedCount === next.selectedCount &&
    remembered.updateIds.length === next.updateIds.length &&
    remembered.updateIds.every((id, index) => id === next.updateIds[index])
  ) {
    return;
  }
  // An empty selection keeps the last one: leaving Update Repository must not forget it.
  if (next.selectedCount === 0) return;
  remembered = next;
  for (const listener of listeners) listener();
}

export function useRememberedUpdateSelection(admin: string): RememberedUpdateSelection | null {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => remembered,
    () => remembered,
  );
  return current && current.admin === admin ? current : null;
}

/** Forgets the remembered selection (tests; a new site). */
export function forgetUpdateSelection() {
  remembered = null;
  for (const listener of listeners) listener();
}
