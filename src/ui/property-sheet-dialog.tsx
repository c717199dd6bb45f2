import { useId, type ReactNode } from 'react';
import { Dialog } from './dialog';

export interface PropertySheetDialogProps {
  title: string;
  width: number;
  onClose: () => void;
  /** Saves the changes; OK closes the dialog after, Apply keeps it open. */
  onSave: (close: boolean) => void;
  /** A save is on its way: the buttons wait. */
  saving: boolean;
  /** Something was changed that can be saved. */
  changed: boolean;
  loading: boolean;
  loadError: string | null;
  /** Why the fields cannot be changed, as shown ("These properties are read-only: ..."), or null. */
  readOnlyNote: string | null;
  /** The note's element id, when the owner's fields point to it too (aria-describedby). */
  readOnlyNoteId?: string;
  /** Why the last save was refused, as shown ("The ... was not saved: ..."), or null. */
  refusalNote: string | null;
  /** What the last save did, or null. */
  savedNote: string | null;
  children: ReactNode;
}

/**
 * An object's Properties dialog in the Windows style: its tabs, a note when they are read-only (which Apply points
 * to), the refusal of a save or what it did, and OK / Cancel / Apply.
 */
export function PropertySheetDialog(props: PropertySheetDialogProps) {
  const ownId = useId();
  const readOnlyId = props.readOnlyNoteId ?? ownId;
  const { onSave, onClose, saving, readOnlyNote } = props;
  return (
    <Dialog
      title={props.title}
      onClose={onClose}
      width={props.width}
      footer={
        <>
          <button type="button" className="win-button" disabled={saving} onClick={() => onSave(true)}>
            OK
          </button>
          <button type="button" className="win-button" disabled={saving} onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="win-button"
            disabled={!props.changed || readOnlyNote !== null || saving}
            aria-describedby={readOnlyNote ? readOnlyId : undefined}
            onClick={() => onSave(false)}
          >
            Apply
          </button>
        </>
      }
    >
      {props.loading ? <p>Loading…</p> : null}
      {props.loadError ? <p role="alert">{props.loadError}</p> : null}
      {readOnlyNote ? (
        <p id={readOnlyId} role="note" className="mb-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          {readOnlyNote}
        </p>
      ) : null}
      {props.refusalNote ? (
        <p role="alert" className="mb-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          {props.refusalNote}
        </p>
      ) : null}
      {props.savedNote ? (
        <p role="status" className="mb-2 border border-[#7a9cc6] bg-[#eef4fb] p-2">
          {props.savedNote}
        </p>
      ) : null}
      {props.children}
    </Dialog>
  );
}
