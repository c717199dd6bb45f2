import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { GridSelection } from '@/ui/grid-selection';
import {
  canDragRowsOf,
  carriesUpdates,
  payloadOfRows,
  readDragPayload,
  rememberUpdateSelection,
  selectedRows,
  writeDragPayload,
  type UpdatesDragPayload,
} from './update-drag';

type Row = { id: string } & Record<string, unknown>;

/** The id the grid writes on a row element (data-row-id), found from an event's target. */
function rowIdAt(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest<HTMLElement>('[data-row-id]')?.dataset.rowId ?? null) : null;
}

export interface ResultsDragOptions {
  admin: string;
  /** The list's resource: software updates and update lists are dragged, deployment templates take the drop. */
  resource: string;
  /** The node's name, e.g. "Update Repository" (what "Deploy with Template..." says the updates come from). */
  nodeName: string;
  selection: GridSelection;
  total: number;
  getRow: (index: number) => Row | undefined;
  /** Software updates dropped on a template's row. */
  onDropOnTemplate: (templateId: string, payload: UpdatesDragPayload) => void;
}

/**
 * Native drag and drop on a results pane's grid: its rows are dragged when they stand for software updates (the
 * selected rows go together), and a deployment template's row takes them. Also remembers the software updates
 * selected in Update Repository for "Deploy with Template...". Spread `handlers` on the grid's box; give the grid
 * `draggableRows` and `dropTargetRowId`.
 */
export function useResultsDragAndDrop(options: ResultsDragOptions) {
  const { admin, resource, nodeName, selection, total, getRow, onDropOnTemplate } = options;
  const [overRowId, setOverRowId] = useState<string | null>(null);
  const takesDrop = resource === 'deployment-templates';
  const draggable = canDragRowsOf(resource);

  useEffect(() => {
    if (resource !== 'software-updates') return;
    const { rows, count } = selectedRows(selection, total, getRow);
    rememberUpdateSelection({ admin, nodeName, updateIds: rows.map((row) => row.id), selectedCount: count });
  });

  const handlers = {
    onDragStart: (event: DragEvent<HTMLElement>) => {
      if (!draggable) return;
      const draggedId = rowIdAt(event.target);
      const { rows, complete } = selectedRows(selection, total, getRow);
      const payload = complete && rows.some((row) => row.id === draggedId) ? payloadOfRows(resource, rows) : null;
      // Rows not loaded yet (Ctrl+A over a long list), or too many to name: nothing to drag.
      if (!payload) {
        event.preventDefault();
        return;
      }
      writeDragPayload(event.dataTransfer, payload);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!takesDrop || !carriesUpdates(event.dataTransfer)) return;
      const rowId = rowIdAt(event.target);
      setOverRowId(rowId);
      if (rowId === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) {
        setOverRowId(null);
      }
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      if (!takesDrop) return;
      const rowId = rowIdAt(event.target);
      const payload = readDragPayload(event.dataTransfer);
      setOverRowId(null);
      if (rowId === null || payload === null) return;
      event.preventDefault();
      onDropOnTemplate(rowId, payload);
    },
    onDragEnd: () => setOverRowId(null),
  };
  return { draggableRows: draggable, dropTargetRowId: takesDrop ? overRowId : null, handlers };
}

/**
 * The console tree's Deployment Templates node as a drop target: software updates dropped on it go to "Deploy with
 * Template...", which asks for the template. Spread `handlers` on the tree's box.
 */
export function useTreeNodeDrop(nodeId: string, onDrop: (payload: UpdatesDragPayload) => void) {
  const marked = useRef<HTMLElement | null>(null);
  const mark = (element: HTMLElement | null) => {
    if (marked.current === element) return;
    marked.current?.removeAttribute('data-drop-target');
    element?.setAttribute('data-drop-target', '');
    marked.current = element;
  };
  const targetRowAt = (target: EventTarget | null): HTMLElement | null => {
    if (!(target instanceof Element)) return null;
    const item = target.closest<HTMLElement>('[data-node-id]');
    if (item?.dataset.nodeId !== nodeId) return null;
    return item.querySelector<HTMLElement>(':scope > .tree-row') ?? item;
  };
  useEffect(() => () => marked.current?.removeAttribute('data-drop-target'), []);
  return {
    onDragOver: (event: DragEvent<HTMLElement>) => {
      const row = carriesUpdates(event.dataTransfer) ? targetRowAt(event.target) : null;
      mark(row);
      if (!row) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) mark(null);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      const row = targetRowAt(event.target);
      const payload = readDragPayload(event.dataTransfer);
      mark(null);
      if (!row || !payload) return;
      event.preventDefault();
      onDrop(payload);
    },
  };
}
