import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useConnectedAdmin } from '@/api/connection';
import { downloadSiteFile, useImportSite } from '@/api/site-file';
import { ContextMenu, type MenuItem } from '@/ui/context-menu';
import { COPY_LINK_TO_THIS_VIEW, KEYBOARD_SHORTCUTS, setKeyboardShortcutsOpen } from '@/features/demo-mode';
import { Dialog } from '@/ui/dialog';
import { useConsoleView } from './console-url';
import { CopyLinkDialog } from './lazy-parts';
import { DEFAULT_DISPLAY, updateDisplaySettings, useDisplaySettings } from './display-settings';
import { useConsoleActions } from './use-console-actions';

interface TopMenu {
  label: string;
  items: MenuItem[];
}

/** MMC's menu bar: File, Action, View, Window, Help; Left/Right move between menus, Down or Enter opens one. */
export function MenuBar() {
  const [, setView] = useConsoleView();
  const admin = useConnectedAdmin();
  const importSite = useImportSite(admin);
  // The hidden file picker behind "Import Site...", found by id when the menu item runs.
  const fileInputId = useId();
  const [importError, setImportError] = useState<string | null>(null);
  const [copyLink, setCopyLink] = useState(false);
  const openFilePicker = () => (document.getElementById(fileInputId) as HTMLInputElement | null)?.click();
  const actions = useConsoleActions();
  const display = useDisplaySettings();
  // The open menu, and where it drops down (read from its button when it opens).
  const [open, setOpenMenu] = useState<{ index: number; at: { x: number; y: number } } | null>(null);
  const setOpen = (index: number | null) => {
    const box = index === null ? undefined : buttons.current[index]?.getBoundingClientRect();
    setOpenMenu(index === null || !box ? null : { index, at: { x: box.left, y: box.bottom } });
  };
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const close = useCallback(() => setOpenMenu(null), []);
  const find = (label: string) => [...actions.nodeActions, ...actions.objectActions].find((a) => a.label === label);
  const fromActions = (label: string): MenuItem[] => {
    const action = find(label);
    return action ? [action] : [];
  };
  const menus: TopMenu[] = [
    {
      label: 'File',
      items: [
        {
          label: 'Export Site...',
          run: () => void downloadSiteFile(admin).catch((error: unknown) => setImportError(String(error))),
        },
        { label: 'Import Site...', run: openFilePicker },
        { label: 'Options...', run: () => setView({ wizard: 'options' }), separatorBefore: true },
        ...fromActions('Export List...').map((item) => ({ ...item, separatorBefore: true })),
      ],
    },
    {
      label: 'Action',
      items: [
        ...actions.nodeActions,
        ...actions.objectActions.map((item, index) => ({ ...item, separatorBefore: index === 0 })),
      ],
    },
    {
      label: 'View',
      items: [
        ...fromActions('Add/Remove Columns...'),
        ...fromActions('Refresh'),
        {
          label: 'Console Tree',
          checked: display.showTree,
          run: () => updateDisplaySettings({ showTree: !display.showTree }),
          separatorBefore: true,
        },
        {
          label: 'Actions Pane',
          checked: display.showActions,
          run: () => updateDisplaySettings({ showActions: !display.showActions }),
        },
        {
          label: 'High Contrast',
          checked: display.highContrast,
          run: () => updateDisplaySettings({ highContrast: !display.highContrast }),
          separatorBefore: true,
        },
        {
          label: 'Larger Text',
          checked: display.largerText,
          run: () => updateDisplaySettings({ largerText: !display.largerText }),
        },
        {
          label: 'Presentation Mode',
          checked: display.presentation,
          run: () => updateDisplaySettings({ presentation: !display.presentation }),
        },
        { label: COPY_LINK_TO_THIS_VIEW, run: () => setCopyLink(true), separatorBefore: true },
      ],
    },
    {
      label: 'Window',
      items: [
        {
          label: 'Reset Pane Layout',
          run: () =>
            updateDisplaySettings({
              treeWidth: DEFAULT_DISPLAY.treeWidth,
              actionsWidth: DEFAULT_DISPLAY.actionsWidth,
              showTree: true,
              showActions: true,
            }),
        },
      ],
    },
    {
      label: 'Help',
      items: [
        { label: 'Walkthroughs...', run: () => setView({ walkthrough: 'all' }) },
        { label: `${KEYBOARD_SHORTCUTS}...`, run: () => setKeyboardShortcutsOpen(true) },
        { label: 'About Configuration Manager Console...', run: () => setView({ wizard: 'about' }) },
      ],
    },
  ];

  const focusMenu = (index: number) => buttons.current[(index + menus.length) % menus.length]?.focus();
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => focusMenu(index + 1),
      ArrowLeft: () => focusMenu(index - 1),
      ArrowDown: () => setOpen(index),
      Home: () => focusMenu(0),
      End: () => focusMenu(menus.length - 1),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const openMenu = open !== null ? menus[open.index] : undefined;

  return (
    <>
      <div role="menubar" aria-label="Menu bar" className="menu-bar flex px-1">
        {menus.map((menu, index) => (
          <button
            key={menu.label}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open?.index === index}
            tabIndex={index === 0 ? 0 : -1}
            className="menu-bar-item"
            onClick={() => setOpen(open?.index === index ? null : index)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {menu.label}
          </button>
        ))}
      </div>
      {/* Outside the menu bar, whose children may only be menu items. */}
      <input
        id={fileInputId}
        type="file"
        accept="application/json,.json"
        aria-label="Site file to import"
        className="sr-only"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setImportError(null);
          importSite.mutate(file, {
            onSuccess: (session) => setView({ nodeId: session.defaultNodeId, wizard: null }),
            onError: (error) => setImportError(error.message),
          });
        }}
      />
      {importError ? (
        <Dialog
          title="Import Site"
          onClose={() => setImportError(null)}
          footer={
            <button type="button" className="win-button" onClick={() => setImportError(null)}>
              OK
            </button>
          }
        >
          <p role="alert">The file was not imported, and the site is unchanged: {importError}</p>
        </Dialog>
      ) : null}
      {copyLink ? <CopyLinkDialog onClose={() => setCopyLink(false)} /> : null}
      {openMenu && open ? (
        <ContextMenu label={openMenu.label} at={open.at} items={openMenu.items} onClose={close} />
      ) : null}
    </>
  );
}
