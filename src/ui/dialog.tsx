import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  width?: number;
}

/** Props for the control a dialog opens on (the Windows "default control"): see Dialog. */
export const INITIAL_FOCUS = { autoFocus: true, 'data-initial-focus': '' } as const;

const FOCUSABLE = 'input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

/** Where a dialog's focus starts: the marked control, else the first control of its body, else its first button. */
function initialFocusOf(dialog: HTMLDialogElement): HTMLElement | null {
  const enabled = (root: Element | null) =>
    Array.from(root?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []).find(
      (element) => !(element as HTMLButtonElement).disabled,
    ) ?? null;
  return (
    dialog.querySelector<HTMLElement>('[data-initial-focus]:not(:disabled)') ??
    enabled(dialog.querySelector('.win-dialog-body')) ??
    enabled(dialog.querySelector('.win-dialog-footer'))
  );
}

/**
 * A modal dialog in the Windows style of the product, on the native <dialog> element: the browser traps focus and
 * Escape closes it. Focus starts on the control marked INITIAL_FOCUS or autoFocus (else the first control, never the
 * title bar's ✕, which showModal() would pick) and goes back to the control that opened the dialog when it closes.
 */
export function Dialog({ title, onClose, children, footer, width = 460 }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Read as the dialog first renders, before any autoFocus moves the focus into it.
  const [opener] = useState(() => document.activeElement);
  // A layout effect: its clean-up runs while the <dialog> is still in the page, so closing it and giving the focus
  // back happen before React removes it (after that, the browser would leave the focus on the page's body).
  useLayoutEffect(() => {
    const dialog = ref.current;
    // React's autoFocus has already focused a control of the dialog, if one asked: showModal() would move it.
    const autoFocused = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    if (dialog) {
      const target = autoFocused instanceof HTMLElement && dialog.contains(autoFocused) ? autoFocused : null;
      (target ?? initialFocusOf(dialog))?.focus();
    }
    return () => {
      if (dialog?.open) dialog.close();
      if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
    };
  }, [opener]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="win-dialog"
      style={{ width }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="win-dialog-title flex items-center justify-between">
        <h2 id={titleId} className="truncate">
          {title}
        </h2>
        <button type="button" className="win-close" aria-label="Close dialog" title="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="win-dialog-body">{children}</div>
      <div className="win-dialog-footer flex justify-end gap-1.5">{footer}</div>
    </dialog>
  );
}
