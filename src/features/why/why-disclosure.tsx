import { useId, useState } from 'react';
import { explainRefusal, type Explanation } from '@/domain/explanations/explanations';

export const WHY_LABEL = 'Why?';

/**
 * The explanation of a rule at work, shown under what it explains: the reason (naming the object), then the rule and
 * the section of the planning topic.
 */
export function WhyPanel(props: {
  id: string;
  open: boolean;
  reason?: string;
  explanation?: Explanation;
  className?: string;
}) {
  const explanation = props.explanation ?? explainRefusal(props.reason ?? '');
  return (
    <div
      id={props.id}
      role="note"
      aria-label="Why"
      hidden={!props.open}
      className={`why-panel ${props.className ?? ''}`}
    >
      {props.open ? <p>{explanation.text}</p> : null}
    </div>
  );
}

/**
 * A "Why?" button that opens and closes the explanation right under it (a refused node). Reached with Tab like any
 * button; Enter, Space or a click opens and closes it.
 */
export function WhyDisclosure(props: {
  reason?: string;
  explanation?: Explanation;
  className?: string;
  panelClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <button
        type="button"
        className={`why-button ${props.className ?? ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {WHY_LABEL}
      </button>
      <WhyPanel
        id={panelId}
        open={open}
        reason={props.reason}
        explanation={props.explanation}
        className={props.panelClassName}
      />
    </>
  );
}
