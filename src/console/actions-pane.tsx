import { useId } from 'react';
import { useConsoleActions, type Action } from './use-console-actions';

/** MMC 3.0's Actions pane: what can be done with the node, then with the selected objects. */
export function ActionsPane() {
  const { node, nodeActions, objectActions, selectionTitle } = useConsoleActions();
  return (
    <section aria-label="Actions" className="actions-pane h-full overflow-auto">
      <h2 className="actions-title">Actions</h2>
      <ActionGroup title={node?.name ?? 'Console'} actions={nodeActions} />
      <ActionGroup title={selectionTitle} actions={objectActions} />
    </section>
  );
}

function ActionGroup({ title, actions }: { title: string; actions: Action[] }) {
  return (
    <div className="mb-1">
      <h3 className="actions-group-title truncate" title={title}>
        {title}
      </h3>
      <ul className="py-0.5">
        {actions.map((action) => (
          <ActionItem key={action.label} action={action} />
        ))}
      </ul>
    </div>
  );
}

function ActionItem({ action }: { action: Action }) {
  const descriptionId = useId();
  return (
    <li>
      <button
        type="button"
        className="actions-item w-full text-left"
        aria-disabled={action.disabledBecause ? true : undefined}
        aria-describedby={action.disabledBecause ? descriptionId : undefined}
        title={action.disabledBecause}
        onClick={() => {
          if (!action.disabledBecause) action.run();
        }}
      >
        {action.label}
      </button>
      {action.disabledBecause ? (
        <span id={descriptionId} className="sr-only">
          {action.disabledBecause}
        </span>
      ) : null}
    </li>
  );
}
