import { useId, useState } from 'react';
import { explainRefusal } from '@/domain/explanations/explanations';
import { WHY_LABEL, WhyPanel } from '@/features/why';
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

/** Said while an action's rights are still being read: no rule to explain yet. */
const CHECKING = 'Checking…';

/**
 * One action. A greyed one says why, by keyboard and mouse alike: Enter, Space or a click on it (or on its "Why?")
 * opens the reason with the rule and the planning topic section under it; its description is the reason itself.
 */
function ActionItem({ action }: { action: Action }) {
  const descriptionId = useId();
  const whyId = useId();
  const [why, setWhy] = useState(false);
  const explains = action.disabledBecause !== undefined && action.disabledBecause !== CHECKING;
  // The mouse's "Why?" shows only where a rule of the upgrade is at work: an action that merely waits for a
  // selection would otherwise carry one on every line. The action itself still opens its reason by keyboard or click.
  const ruleAtWork = explains && explainRefusal(action.disabledBecause as string).rule !== null;
  return (
    <li className={explains ? 'actions-item-row' : undefined}>
      <button
        type="button"
        className={`actions-item text-left ${explains ? 'min-w-0 flex-1' : 'w-full'}`}
        aria-disabled={action.disabledBecause ? true : undefined}
        aria-describedby={action.disabledBecause ? descriptionId : undefined}
        aria-expanded={explains ? why : undefined}
        aria-controls={explains ? whyId : undefined}
        title={action.disabledBecause}
        onClick={() => {
          if (!action.disabledBecause) action.run();
          else if (explains) setWhy(!why);
        }}
      >
        {action.label}
      </button>
      {action.disabledBecause ? (
        <span id={descriptionId} className="sr-only">
          {action.disabledBecause}
        </span>
      ) : null}
      {explains ? (
        <>
          {/* The mouse's way in; the keyboard's is the action itself (so the pane's buttons stay its actions). */}
          {ruleAtWork ? (
            <span aria-hidden="true" className="why-button cursor-pointer" onClick={() => setWhy(!why)}>
              {WHY_LABEL}
            </span>
          ) : null}
          <WhyPanel id={whyId} open={why} reason={action.disabledBecause} />
        </>
      ) : null}
    </li>
  );
}
