import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { consoleTreeQuery } from '@/api/console-tree';
import { useConnectedAdmin } from '@/api/connection';
import { findNode } from '@/domain/console-tree/console-tree';
import { RESOURCE_NAMES, RESOURCES, type ResourceName } from '@/domain/query/resources';
import { Dialog } from '@/ui/dialog';
import { saveColumnLayout, useColumnLayout } from './column-layout';
import { useConsoleView } from './console-url';
import { columnsInLayout, viewForNode, viewKeyFor } from './node-views';

/** "Add/Remove Columns": the Available and Displayed lists, Add, Remove, Move Up, Move Down; kept per administrator. */
export function ColumnChooser({ onClose }: { onClose: () => void }) {
  const admin = useConnectedAdmin();
  const [view] = useConsoleView();
  const tree = useQuery(consoleTreeQuery(admin));
  const node = tree.data ? findNode(tree.data, view.nodeId) : undefined;
  const resource = (RESOURCE_NAMES as readonly string[]).includes(node?.resource ?? '')
    ? (node?.resource as ResourceName)
    : null;
  if (!node || !resource) return null;
  return <ColumnChooserDialog admin={admin} kind={node.kind} resource={resource} onClose={onClose} />;
}

function ColumnChooserDialog(props: { admin: string; kind: string; resource: ResourceName; onClose: () => void }) {
  const { admin, kind, resource, onClose } = props;
  const viewKey = viewKeyFor(kind, resource);
  const config = viewForNode(kind, resource);
  const layout = useColumnLayout(admin, viewKey);
  const [displayed, setDisplayed] = useState(() => columnsInLayout(config, resource, layout).map((c) => c.key));
  const [pickedAvailable, setPickedAvailable] = useState<string | null>(null);
  const [pickedDisplayed, setPickedDisplayed] = useState<string | null>(null);
  const caption = (key: string) => RESOURCES[resource].fields.find((field) => field.key === key)?.caption ?? key;
  const available = RESOURCES[resource].fields.map((field) => field.key).filter((key) => !displayed.includes(key));
  const at = pickedDisplayed ? displayed.indexOf(pickedDisplayed) : -1;
  const moveBy = (delta: number) => {
    if (at < 0) return;
    const next = [...displayed];
    const [key] = next.splice(at, 1);
    next.splice(Math.max(0, Math.min(next.length, at + delta)), 0, key as string);
    setDisplayed(next);
  };
  return (
    <Dialog
      title="Add/Remove Columns"
      onClose={onClose}
      width={560}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            onClick={() => {
              saveColumnLayout(admin, viewKey, displayed);
              onClose();
            }}
          >
            OK
          </button>
          <button type="button" className="win-button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <div className="flex items-start gap-3">
        <label className="flex flex-1 flex-col gap-1">
          <span>Available columns:</span>
          <select
            size={14}
            className="win-input"
            value={pickedAvailable ?? ''}
            onChange={(event) => setPickedAvailable(event.target.value)}
          >
            {/* Matches "nothing picked", so that no column shows as picked when none is. */}
            <option value="" disabled hidden />
            {available.map((key) => (
              <option key={key} value={key}>
                {caption(key)}
              </option>
            ))}
          </select>
        </label>
        <div className="mt-6 flex flex-col gap-1.5">
          <button
            type="button"
            className="win-button"
            disabled={!pickedAvailable}
            onClick={() => {
              if (!pickedAvailable) return;
              setDisplayed([...displayed, pickedAvailable]);
              setPickedDisplayed(pickedAvailable);
              setPickedAvailable(null);
            }}
          >
            Add -&gt;
          </button>
          <button
            type="button"
            className="win-button"
            disabled={!pickedDisplayed || displayed.length <= 1}
            onClick={() => {
              setDisplayed(displayed.filter((key) => key !== pickedDisplayed));
              setPickedAvailable(pickedDisplayed);
              setPickedDisplayed(null);
            }}
          >
            &lt;- Remove
          </button>
          <button type="button" className="win-button" disabled={at <= 0} onClick={() => moveBy(-1)}>
            Move Up
          </button>
          <button
            type="button"
            className="win-button"
            disabled={at < 0 || at >= displayed.length - 1}
            onClick={() => moveBy(1)}
          >
            Move Down
          </button>
          <button
            type="button"
            className="win-button"
            onClick={() => {
              setDisplayed(config.columns.map((column) => column.key));
              setPickedAvailable(null);
              setPickedDisplayed(null);
            }}
          >
            Reset
          </button>
        </div>
        <label className="flex flex-1 flex-col gap-1">
          <span>Displayed columns:</span>
          <select
            size={14}
            className="win-input"
            value={pickedDisplayed ?? ''}
            onChange={(event) => setPickedDisplayed(event.target.value)}
          >
            <option value="" disabled hidden />
            {displayed.map((key) => (
              <option key={key} value={key}>
                {caption(key)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </Dialog>
  );
}
