import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { consoleTreeQuery } from '@/api/console-tree';
import { useConnectedAdmin } from '@/api/connection';
import { pathToNode } from '@/domain/console-tree/console-tree';
import { useConsoleView } from './console-url';
import { updateDisplaySettings, useDisplaySettings } from './display-settings';
import { useConsoleActions } from './use-console-actions';

/** MMC's toolbar: Back, Forward, Up One Level, Show/Hide Console Tree, Refresh, Export List, Help. */
export function ToolBar() {
  const admin = useConnectedAdmin();
  const [view, setView] = useConsoleView();
  const tree = useQuery(consoleTreeQuery(admin));
  const display = useDisplaySettings();
  const actions = useConsoleActions();
  const path = tree.data ? pathToNode(tree.data, view.nodeId) : [];
  const parent = path.length > 1 ? path[path.length - 2] : undefined;
  const action = (label: string) => actions.nodeActions.find((candidate) => candidate.label === label);
  const exportList = action('Export List...');
  const refresh = action('Refresh');
  return (
    <div role="toolbar" aria-label="Toolbar" className="tool-bar flex items-center gap-0.5 px-1 py-0.5">
      <ToolButton label="Back" onClick={() => window.history.back()}>
        <path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" strokeWidth="2" />
      </ToolButton>
      <ToolButton label="Forward" onClick={() => window.history.forward()}>
        <path d="m6 3 5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" />
      </ToolButton>
      <ToolButton
        label="Up One Level"
        disabledBecause={parent ? undefined : 'This is the top of the console tree.'}
        onClick={() => parent && setView({ nodeId: parent.id })}
      >
        <path d="M2.5 6.5h4l1 1.5h6v6h-11z" fill="#f7dc7a" stroke="#8a6a0e" />
        <path d="M8 12V4M5 7l3-3 3 3" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </ToolButton>
      <ToolButton
        label={display.showTree ? 'Hide Console Tree' : 'Show Console Tree'}
        pressed={display.showTree}
        onClick={() => updateDisplaySettings({ showTree: !display.showTree })}
      >
        <rect x="1.5" y="2.5" width="13" height="11" fill="#fff" stroke="currentColor" />
        <rect x="2" y="3" width="4" height="10" fill="#b9cde8" />
      </ToolButton>
      <span className="tool-bar-separator" aria-hidden="true" />
      <ToolButton label="Refresh" onClick={() => refresh?.run()}>
        <path d="M12.5 5A5 5 0 1 0 13 9" fill="none" stroke="#2f7a2f" strokeWidth="1.8" />
        <path d="M9.5 4.5h3.5V1" fill="none" stroke="#2f7a2f" strokeWidth="1.8" />
      </ToolButton>
      <ToolButton
        label="Export List"
        disabledBecause={exportList ? exportList.disabledBecause : 'This node has no list to export.'}
        onClick={() => exportList?.run()}
      >
        <rect x="2.5" y="1.5" width="9" height="12" fill="#fff" stroke="currentColor" />
        <path d="M4.5 5h5M4.5 7.5h5M4.5 10h3" stroke="currentColor" />
        <path d="M10 11h5m-2-2 2 2-2 2" fill="none" stroke="#2a5d9f" strokeWidth="1.5" />
      </ToolButton>
      <span className="tool-bar-separator" aria-hidden="true" />
      <ToolButton label="Help" onClick={() => setView({ wizard: 'about' })}>
        <circle cx="8" cy="8" r="6.5" fill="#2a5d9f" />
        <path d="M6 6.3a2 2 0 1 1 2.6 1.9c-.5.2-.6.6-.6 1.2" fill="none" stroke="#fff" strokeWidth="1.4" />
        <circle cx="8" cy="11.6" r="0.9" fill="#fff" />
      </ToolButton>
    </div>
  );
}

function ToolButton(props: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  disabledBecause?: string;
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className="tool-bar-button"
      aria-label={props.label}
      title={props.disabledBecause ?? props.label}
      aria-disabled={props.disabledBecause ? true : undefined}
      aria-pressed={props.pressed}
      onClick={() => {
        if (!props.disabledBecause) props.onClick();
      }}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        {props.children}
      </svg>
    </button>
  );
}
