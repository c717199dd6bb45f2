import { useId, type ReactNode } from 'react';

/**
 * Small form controls in the product's property-page style: a check box, a group of option buttons under a legend,
 * and the message that says what is wrong with a field (tied to it with aria-describedby).
 */

/** What is wrong with a field, in red under it; `id` is what the field's aria-describedby names. */
export function FieldMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-0.5 text-[#a11]">
      {children}
    </p>
  );
}

/** A note under a control, e.g. why it is disabled. */
export function FieldNote({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-0.5 text-[#555]">
      {children}
    </p>
  );
}

export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Why it is disabled, or what it does: shown under it and read with it. */
  note?: ReactNode;
  className?: string;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div className={props.className}>
      <label className="flex items-start gap-1.5">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={props.note ? noteId : undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <span>{props.label}</span>
      </label>
      {props.note ? (
        <div className="pl-5">
          <FieldNote id={noteId}>{props.note}</FieldNote>
        </div>
      ) : null}
    </div>
  );
}

export interface RadioOption<T extends string> {
  value: T;
  label: string;
}

/** Option buttons under a legend (a group named by the legend). */
export function RadioGroup<T extends string>(props: {
  legend: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  note?: ReactNode;
}) {
  const name = useId();
  const noteId = `${name}-note`;
  return (
    <fieldset
      className="border border-[#c8c8c8] px-2 pt-0.5 pb-2"
      disabled={props.disabled}
      aria-describedby={props.note ? noteId : undefined}
    >
      <legend className="px-1">{props.legend}</legend>
      <div className="space-y-1">
        {props.options.map((option) => (
          <label key={option.value} className="flex items-start gap-1.5">
            <input
              type="radio"
              className="mt-0.5"
              name={name}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {props.note ? <FieldNote id={noteId}>{props.note}</FieldNote> : null}
    </fieldset>
  );
}

/** A group of check boxes or other controls under a legend. */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
      <legend className="px-1">{legend}</legend>
      <div className="space-y-1">{children}</div>
    </fieldset>
  );
}
