import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  width?: number;
}

/**
 * A modal dialog in the Windows style of the product, on the native <dialog> element: the browser traps focus,
 * Escape closes it, and focus returns to where it was.
 */
export function Dialog({ title, onClose, children, footer, width = 460 }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
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
        <button type="button" className="win-close" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="win-dialog-body">{children}</div>
      <div className="win-dialog-footer flex justify-end gap-1.5">{footer}</div>
    </dialog>
  );
}
