// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setConnectedAdmin } from '@/api/connection';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import { SOFTWARE_UPDATE_FIELDS } from '@/domain/query/resources';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { updateRepositoryView } from '@/features/software-updates/software-update-views';
import { backendForThisFile } from '@/test/fetch-to-backend';
import { ColumnChooser } from './column-chooser';
import { saveColumnLayout } from './column-layout';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

const { smsadmin, patchadmin } = CONTOSO.administrators;
const VIEW_KEY = 'update-repository';
const storageKey = (admin: string) => `configmgr-console.columns.${admin}.${VIEW_KEY}`;
const stored = (admin: string): unknown => {
  const raw = localStorage.getItem(storageKey(admin));
  return raw === null ? null : JSON.parse(raw);
};

const caption = (key: string) => SOFTWARE_UPDATE_FIELDS.find((field) => field.key === key)?.caption ?? key;
const DEFAULT_KEYS = updateRepositoryView.columns.map((column) => column.key);
const DEFAULT_CAPTIONS = DEFAULT_KEYS.map(caption);
const OTHER_CAPTIONS = SOFTWARE_UPDATE_FIELDS.filter((field) => !DEFAULT_KEYS.includes(field.key)).map(
  (field) => field.caption,
);

installDialogPolyfill();
afterEach(() => {
  cleanup();
});

// Each test starts from no remembered layout (column-layout.ts keeps what it read in memory too, so the layouts are
// forgotten through it rather than by clearing localStorage alone) and with CONTOSO\smsadmin connected.
beforeEach(() => {
  for (const admin of Object.values(CONTOSO.administrators)) saveColumnLayout(admin, VIEW_KEY, null);
  localStorage.clear();
  setConnectedAdmin(smsadmin);
});

// The chooser's requests go to the real mock backend, started once for this file.
backendForThisFile();

/** The chooser on /console/<node>, as the console opens it, once the console tree has come. */
async function renderChooser(nodeId: string = NODE_IDS.updateRepository) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onClose = vi.fn();
  const router = createMemoryRouter([{ path: '/console/*', element: <ColumnChooser onClose={onClose} /> }], {
    initialEntries: [`/console/${nodeId}`],
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Add/Remove Columns' });
  const available = within(dialog).getByRole('listbox', { name: /Available columns/ });
  const displayed = within(dialog).getByRole('listbox', { name: /Displayed columns/ });
  const button = (name: string | RegExp) => within(dialog).getByRole('button', { name });
  const captionsIn = (list: HTMLElement) =>
    within(list)
      .queryAllByRole('option')
      .map((option) => option.textContent);
  /** The captions the list shows selected (highlighted). */
  const pickedIn = (list: HTMLElement) =>
    within(list)
      .queryAllByRole('option')
      .filter((option) => (option as HTMLOptionElement).selected)
      .map((option) => option.textContent);
  return {
    user: userEvent.setup(),
    onClose,
    dialog,
    available,
    displayed,
    add: () => button(/^Add/),
    remove: () => button(/Remove$/),
    moveUp: () => button('Move Up'),
    moveDown: () => button('Move Down'),
    reset: () => button('Reset'),
    ok: () => button('OK'),
    cancel: () => button('Cancel'),
    displayedCaptions: () => captionsIn(displayed),
    availableCaptions: () => captionsIn(available),
    pickedDisplayed: () => pickedIn(displayed),
    pickedAvailable: () => pickedIn(available),
  };
}

describe('Add/Remove Columns on Update Repository', () => {
  it("lists the view's displayed columns in order, and the other fields of software updates as available", async () => {
    const chooser = await renderChooser();
    expect(chooser.displayedCaptions()).toEqual(DEFAULT_CAPTIONS);
    expect(chooser.displayedCaptions().slice(0, 3)).toEqual(['Title', 'Bulletin ID', 'Article ID']);
    expect(chooser.availableCaptions()).toEqual(OTHER_CAPTIONS);
    expect(chooser.availableCaptions()).toEqual(
      expect.arrayContaining(['Total', 'Date Revised', 'Vendor', 'CI ID', 'Unique Update ID']),
    );
    // Nothing is picked yet: nothing to add, remove or move.
    for (const button of [chooser.add(), chooser.remove(), chooser.moveUp(), chooser.moveDown()]) {
      expect(button).toBeDisabled();
    }
    expect(chooser.reset()).toBeEnabled();
  });

  it('Add moves the picked available column to the end of Displayed', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    await user.selectOptions(chooser.available, 'Total');
    expect(chooser.add()).toBeEnabled();
    await user.click(chooser.add());
    expect(chooser.displayedCaptions()).toEqual([...DEFAULT_CAPTIONS, 'Total']);
    expect(chooser.availableCaptions()).not.toContain('Total');
    // The added column is the one picked in Displayed now, so it can be moved at once; nothing is left to add.
    expect(within(chooser.displayed).getByRole('option', { name: 'Total' })).toHaveProperty('selected', true);
    expect(chooser.add()).toBeDisabled();
    expect(chooser.moveUp()).toBeEnabled();
    expect(chooser.moveDown()).toBeDisabled();
    await user.selectOptions(chooser.available, 'Vendor');
    await user.click(chooser.add());
    expect(chooser.displayedCaptions()).toEqual([...DEFAULT_CAPTIONS, 'Total', 'Vendor']);
  });

  it('Remove moves the picked displayed column back to Available', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    await user.selectOptions(chooser.displayed, 'Severity');
    expect(chooser.remove()).toBeEnabled();
    await user.click(chooser.remove());
    expect(chooser.displayedCaptions()).toEqual(DEFAULT_CAPTIONS.filter((name) => name !== 'Severity'));
    // Back among the available columns, in the order of the fields of software updates.
    expect(chooser.availableCaptions()).toEqual(
      SOFTWARE_UPDATE_FIELDS.filter((field) => field.key === 'severity' || !DEFAULT_KEYS.includes(field.key)).map(
        (field) => field.caption,
      ),
    );
    expect(chooser.remove()).toBeDisabled();
    // ... and picked there, so Add puts it back (at the end).
    expect(chooser.add()).toBeEnabled();
    await user.click(chooser.add());
    expect(chooser.displayedCaptions()).toEqual([
      ...DEFAULT_CAPTIONS.filter((name) => name !== 'Severity'),
      'Severity',
    ]);
  });

  it('Move Up and Move Down reorder Displayed, and are disabled at the ends', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    await user.selectOptions(chooser.displayed, 'Bulletin ID');
    expect(chooser.moveUp()).toBeEnabled();
    expect(chooser.moveDown()).toBeEnabled();
    await user.click(chooser.moveUp());
    expect(chooser.displayedCaptions().slice(0, 3)).toEqual(['Bulletin ID', 'Title', 'Article ID']);
    expect(chooser.moveUp()).toBeDisabled();
    expect(chooser.moveDown()).toBeEnabled();
    await user.click(chooser.moveDown());
    await user.click(chooser.moveDown());
    expect(chooser.displayedCaptions().slice(0, 3)).toEqual(['Title', 'Article ID', 'Bulletin ID']);

    const last = DEFAULT_CAPTIONS.at(-1) ?? '';
    await user.selectOptions(chooser.displayed, last);
    expect(chooser.moveDown()).toBeDisabled();
    expect(chooser.moveUp()).toBeEnabled();
    await user.click(chooser.moveUp());
    expect(chooser.displayedCaptions().slice(-2)).toEqual([last, DEFAULT_CAPTIONS.at(-2)]);
    expect(chooser.moveDown()).toBeEnabled();
    await user.click(chooser.moveDown());
    expect(chooser.displayedCaptions()).toEqual(['Title', 'Article ID', 'Bulletin ID', ...DEFAULT_CAPTIONS.slice(3)]);
    expect(chooser.moveDown()).toBeDisabled();
    // Moving changes the order only: the same columns, none available in between.
    expect(chooser.availableCaptions()).toEqual(OTHER_CAPTIONS);
  });

  it('Remove is disabled when one column is left', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    for (const name of DEFAULT_CAPTIONS.slice(1)) {
      await user.selectOptions(chooser.displayed, name);
      await user.click(chooser.remove());
    }
    expect(chooser.displayedCaptions()).toEqual(['Title']);
    await user.selectOptions(chooser.displayed, 'Title');
    expect(chooser.remove()).toBeDisabled();
    expect(chooser.moveUp()).toBeDisabled();
    expect(chooser.moveDown()).toBeDisabled();
    expect(chooser.availableCaptions()).toEqual(SOFTWARE_UPDATE_FIELDS.slice(1).map((field) => field.caption));
  });

  it('Reset restores the default columns', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    await user.selectOptions(chooser.displayed, 'Product');
    await user.click(chooser.remove());
    await user.selectOptions(chooser.available, 'CI ID');
    await user.click(chooser.add());
    await user.click(chooser.moveUp());
    await user.selectOptions(chooser.displayed, 'Article ID');
    await user.click(chooser.moveUp());
    expect(chooser.displayedCaptions()).not.toEqual(DEFAULT_CAPTIONS);
    await user.click(chooser.reset());
    expect(chooser.displayedCaptions()).toEqual(DEFAULT_CAPTIONS);
    expect(chooser.availableCaptions()).toEqual(OTHER_CAPTIONS);
    await user.click(chooser.ok());
    expect(stored(smsadmin)).toEqual(DEFAULT_KEYS);
  });

  it('Reset also restores the defaults over a remembered layout', async () => {
    saveColumnLayout(smsadmin, VIEW_KEY, ['vendor', 'title']);
    const chooser = await renderChooser();
    expect(chooser.displayedCaptions()).toEqual(['Vendor', 'Title']);
    await chooser.user.click(chooser.reset());
    expect(chooser.displayedCaptions()).toEqual(DEFAULT_CAPTIONS);
  });

  // BUG (src/console/column-chooser.tsx, the two <select size={14}> at lines 71-76 and 128-133): when no column is
  // picked, each list is given value="" (`value={pickedAvailable ?? ''}`), which matches none of its options, and React
  // then selects the first option of a single-choice <select>. The dialog opens with Total highlighted in Available and
  // Title highlighted in Displayed while Add, Remove and the Move buttons are disabled as if nothing were picked; in a
  // browser, clicking the highlighted Title fires no change event, so Title cannot be picked without picking another
  // column first. The same happens after Add (Available) and after Remove (Displayed). Expected: no column shows as
  // picked until one is picked, as the buttons assume.
  it('shows no column as picked until one is picked', async () => {
    const chooser = await renderChooser();
    expect(chooser.remove()).toBeDisabled();
    expect(chooser.pickedDisplayed()).toEqual([]);
    expect(chooser.add()).toBeDisabled();
    expect(chooser.pickedAvailable()).toEqual([]);
  });

  // BUG (src/console/column-chooser.tsx, the Reset button's onClick, line 121): Reset replaces the Displayed list but
  // keeps the column picked in it. When that column is not among the defaults (here CI ID, just added), it is not in
  // Displayed any more, yet "<- Remove" stays enabled (its disabled test, line 97, looks at pickedDisplayed only) while
  // Title shows as picked (see above); clicking Remove then removes nothing and makes CI ID the picked available
  // column. Expected: after Reset nothing is picked in Displayed and Remove is disabled, as when the dialog opens.
  it('after Reset, Remove is disabled until a displayed column is picked', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    await user.selectOptions(chooser.available, 'CI ID');
    await user.click(chooser.add());
    expect(chooser.remove()).toBeEnabled();
    await user.click(chooser.reset());
    expect(chooser.displayedCaptions()).toEqual(DEFAULT_CAPTIONS);
    expect(chooser.moveUp()).toBeDisabled();
    expect(chooser.moveDown()).toBeDisabled();
    expect(chooser.remove()).toBeDisabled();
  });

  it('OK saves the layout in localStorage for the connected administrator and view, and closes', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    await user.selectOptions(chooser.available, 'Date Revised');
    await user.click(chooser.add());
    await user.selectOptions(chooser.displayed, 'Language');
    await user.click(chooser.remove());
    await user.selectOptions(chooser.displayed, 'Severity');
    await user.click(chooser.moveUp());
    expect(chooser.onClose).not.toHaveBeenCalled();
    expect(stored(smsadmin)).toBeNull();
    await user.click(chooser.ok());
    expect(chooser.onClose).toHaveBeenCalledTimes(1);
    const expected = [
      'title',
      'bulletinId',
      'severity',
      'articleId',
      ...DEFAULT_KEYS.slice(4).filter((key) => key !== 'language'),
      'dateRevised',
    ];
    expect(localStorage.getItem('configmgr-console.columns.CONTOSO\\smsadmin.update-repository')).toBe(
      JSON.stringify(expected),
    );
  });

  it('opens with the remembered layout, and leaves out keys that are not columns of software updates', async () => {
    saveColumnLayout(smsadmin, VIEW_KEY, ['severity', 'nosuch', 'title', 'owner']);
    const chooser = await renderChooser();
    expect(chooser.displayedCaptions()).toEqual(['Severity', 'Title']);
    expect(chooser.availableCaptions()).toEqual(
      SOFTWARE_UPDATE_FIELDS.filter((field) => !['severity', 'title'].includes(field.key)).map(
        (field) => field.caption,
      ),
    );
  });

  it('a folder under Update Repository shares its layout', async () => {
    saveColumnLayout(smsadmin, VIEW_KEY, ['articleId', 'title']);
    const chooser = await renderChooser(NODE_IDS.wsusInfrastructureUpdates);
    expect(chooser.displayedCaptions()).toEqual(['Article ID', 'Title']);
  });

  it('Cancel saves nothing, and closes', async () => {
    const chooser = await renderChooser();
    const { user } = chooser;
    await user.selectOptions(chooser.available, 'Vendor');
    await user.click(chooser.add());
    await user.selectOptions(chooser.displayed, 'Title');
    await user.click(chooser.remove());
    await user.click(chooser.cancel());
    expect(chooser.onClose).toHaveBeenCalledTimes(1);
    expect(stored(smsadmin)).toBeNull();
    expect(Object.keys(localStorage).filter((key) => key.startsWith('configmgr-console.columns.'))).toEqual([]);
  });

  it('Cancel leaves a remembered layout as it was', async () => {
    saveColumnLayout(smsadmin, VIEW_KEY, ['title', 'severity']);
    const chooser = await renderChooser();
    await chooser.user.click(chooser.reset());
    await chooser.user.click(chooser.cancel());
    expect(stored(smsadmin)).toEqual(['title', 'severity']);
  });

  it("keeps the layout per administrator: another administrator's layout is untouched", async () => {
    saveColumnLayout(smsadmin, VIEW_KEY, ['title', 'severity', 'vendor']);
    setConnectedAdmin(patchadmin);
    const chooser = await renderChooser();
    const { user } = chooser;
    // CONTOSO\patchadmin has no layout of his own: the view's defaults, not smsadmin's.
    expect(chooser.displayedCaptions()).toEqual(DEFAULT_CAPTIONS);
    await user.selectOptions(chooser.available, 'Unique Update ID');
    await user.click(chooser.add());
    await user.click(chooser.ok());
    expect(chooser.onClose).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem('configmgr-console.columns.CONTOSO\\patchadmin.update-repository')).toBe(
      JSON.stringify([...DEFAULT_KEYS, 'uniqueId']),
    );
    expect(stored(smsadmin)).toEqual(['title', 'severity', 'vendor']);
    cleanup();

    // Connected as smsadmin again, the chooser shows smsadmin's layout.
    setConnectedAdmin(smsadmin);
    const again = await renderChooser();
    expect(again.displayedCaptions()).toEqual(['Title', 'Severity', 'Vendor']);
    await again.user.click(again.ok());
    expect(stored(patchadmin)).toEqual([...DEFAULT_KEYS, 'uniqueId']);
  });
});
