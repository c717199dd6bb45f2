import { useId, type ReactNode } from 'react';
import type { FieldKey } from './deploy-wizard-validation';

/**
 * The controls of the wizard's pages, in the product's dialog style: a field's message sits next to it and is tied to
 * it (aria-invalid and aria-describedby), so a screen reader reads it with the field.
 */

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="text-[#a11]">
      {error}
    </p>
  );
}

/** A message of the server, or a warning the page must show before anything else. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
      {children}
    </div>
  );
}

/** A note set apart, as the product's pages set apart their explanations. */
export function Note({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p id={id} className="border-l-2 border-[#a0a0a0] pl-2 text-[#444]">
      {children}
    </p>
  );
}

export function TextField(props: {
  field: FieldKey;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  multiline?: boolean;
  inputClassName?: string;
  /** Indented under the radio button it belongs to. */
  indent?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ');
  const common = {
    id,
    'data-field': props.field,
    className: `win-input ${props.inputClassName ?? 'w-full'}`,
    value: props.value,
    placeholder: props.placeholder,
    disabled: props.disabled,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
  return (
    <div className={`grid grid-cols-[140px_1fr] items-start gap-x-2 gap-y-0.5 ${props.indent ? 'ml-6' : ''}`}>
      <label htmlFor={id} className="pt-0.5">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input {...common} onChange={(event) => props.onChange(event.target.value)} />
      )}
      {props.hint ? (
        <span id={hintId} className="col-start-2 text-[#555]">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <div className="col-start-2">
          <FieldError id={errorId} error={props.error} />
        </div>
      ) : null}
    </div>
  );
}

export function Radio(props: {
  name: string;
  label: string;
  checked: boolean;
  onChange: () => void;
  disabled?: boolean;
  describedBy?: string;
  field?: FieldKey;
}) {
  return (
    <label className={`flex items-center gap-2 ${props.disabled ? 'text-[#6d6d6d]' : ''}`}>
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        data-field={props.field}
        aria-describedby={props.describedBy}
        onChange={props.onChange}
      />
      {props.label}
    </label>
  );
}

export function Check(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  field?: FieldKey;
  error?: string;
  describedBy?: string;
}) {
  const errorId = useId();
  const describedBy = [props.error ? errorId : null, props.describedBy ?? null].filter(Boolean).join(' ');
  return (
    <div>
      <label className={`flex items-start gap-2 ${props.disabled ? 'text-[#6d6d6d]' : ''}`}>
        <input
          type="checkbox"
          className="mt-0.5"
          checked={props.checked}
          disabled={props.disabled}
          data-field={props.field}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <span>{props.label}</span>
      </label>
      <div className="ml-6">
        <FieldError id={errorId} error={props.error} />
      </div>
    </div>
  );
}

/** A group of controls with its caption (a fieldset, so the caption names the group). */
export function Group(props: { legend: string; children: ReactNode; describedBy?: string }) {
  return (
    <fieldset className="space-y-1 border border-[#c8c8c8] px-2 pb-2" aria-describedby={props.describedBy}>
      <legend className="px-1">{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
