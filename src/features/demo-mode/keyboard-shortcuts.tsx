import { useEffect, useSyncExternalStore } from 'react';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';

export const KEYBOARD_SHORTCUTS = 'Keyboard Shortcuts';

/** The console's real shortcuts, where they act (read from the tree, the grid, the menus, the splitters, the tabs). */
export const SHORTCUT_GROUPS: ReadonlyArray<{ title: string; keys: ReadonlyArray<[string, string]> }> = [
  {
    title: 'Console tree',
    keys: [
      ['Up / Down', 'Previous or next node'],
      ['Right', 'Expand the node, or go to its first child'],
      ['Left', 'Collapse the node, or go to its parent'],
      ['Home / End', 'First or last node'],
      ['Enter or Space', 'Open the node in the results pane'],
      ['*', 'Expand every node beside this one'],
      ['A letter', 'Go to the next node whose name starts with it'],
    ],
  },
  {
    title: 'Results pane',
    keys: [
      ['Up / Down, Page Up / Page Down, Home / End', 'Move and select'],
      ['Shift + those keys', 'Extend the selection'],
      ['Ctrl + those keys', 'Move without selecting'],
      ['Ctrl+Space', 'Select or clear the focused row'],
      ['Ctrl+A', 'Select every row that matches, loaded or not'],
      ['Enter', 'Properties'],
      ['Ctrl+C', 'Copy the selected rows with the column captions'],
      ['Delete', 'Delete the selected objects, where allowed (after a confirmation)'],
      ['F5', 'Refresh'],
      ['Shift+F10 or the Menu key', 'Context menu with the Actions pane’s actions'],
      ['Tab', 'The compliance count links of the focused row'],
    ],
  },
  {
    title: 'Menus',
    keys: [
      ['Left / Right', 'Previous or next menu of the menu bar'],
      ['Down', 'Open the menu'],
      ['Up / Down, Home / End', 'Move in an open menu'],
      ['Enter', 'Run the menu item'],
      ['Escape or Tab', 'Close the menu'],
    ],
  },
  {
    title: 'Dialogs and panes',
    keys: [
      ['Left / Right, Home / End', 'Previous or next tab of a Properties dialog'],
      ['Escape', 'Close the dialog (Cancel)'],
      ['Left / Right on a splitter', 'Resize the console tree or the Actions pane'],
      ['Home / End on a splitter', 'Narrowest or widest'],
      ['Enter on a greyed action', 'Why it is unavailable: the reason, the rule and its planning topic section'],
      ['?', 'This list (not while typing in a field)'],
    ],
  },
];

/** A key typed in a field is the field's, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** Opens the sheet on `?` anywhere in the console, except while typing in a field or in another dialog. */
export function useShortcutKey(onOpen: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onOpen();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onOpen]);
}

export function KeyboardShortcutsSheet(props: { onClose: () => void }) {
  return (
    <Dialog
      title={KEYBOARD_SHORTCUTS}
      onClose={props.onClose}
      width={620}
      footer={
        <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={props.onClose}>
          Close
        </button>
      }
    >
      <div className="shortcuts-sheet grid gap-x-6 gap-y-2 sm:grid-cols-2">
        {SHORTCUT_GROUPS.map((group) => (
          <table key={group.title} className="w-full border-collapse self-start">
            <caption className="text-left font-semibold">{group.title}</caption>
            <tbody>
              {group.keys.map(([keys, what]) => (
                <tr key={keys} className="align-top">
                  <th scope="row" className="whitespace-normal pr-3 text-left font-normal">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Dialog>
  );
}

/** Whether the sheet is open: one for the console, opened by `?` or by Help > Keyboard Shortcuts. */
let sheetOpen = false;
const listeners = new Set<() => void>();

export function setKeyboardShortcutsOpen(open: boolean) {
  sheetOpen = open;
  for (const listener of listeners) listener();
}

const openSheet = () => setKeyboardShortcutsOpen(true);

/** The sheet, opened with `?` anywhere in the console or from Help > Keyboard Shortcuts. */
export function KeyboardShortcuts() {
  const open = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => sheetOpen,
    () => sheetOpen,
  );
  useShortcutKey(openSheet);
  return open ? <KeyboardShortcutsSheet onClose={() => setKeyboardShortcutsOpen(false)} /> : null;
}
