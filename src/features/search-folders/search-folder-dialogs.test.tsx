// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NODE_IDS, searchFolderNodeId } from '@/domain/console-tree/console-tree';
import { RIGHTS_BY_OBJECT_TYPE } from '@/domain/rights/rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { backendForThisFile } from '@/test/fetch-to-backend';
import { searchFolderActions } from './search-folder-actions';
import { SearchFolderDialogs } from './search-folder-dialogs';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

const { smsadmin, patchadmin } = CONTOSO.administrators;

installDialogPolyfill();
afterEach(() => {
  cleanup();
});

const backend = backendForThisFile();

function renderDialogs(props: Partial<Parameters<typeof SearchFolderDialogs>[0]>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const onClose = vi.fn();
  const onOpenNode = vi.fn();
  render(
    <SearchFolderDialogs
      admin={smsadmin}
      dialog="new-search-folder"
      nodeId={NODE_IDS.searchFolders}
      onClose={onClose}
      onOpenNode={onOpenNode}
      {...props}
    />,
    { wrapper },
  );
  return { user: userEvent.setup(), onClose, onOpenNode };
}

describe('the Search Folder Criteria dialog', () => {
  it('says which field is wrong, and creates nothing, until each field is valid', async () => {
    const { user } = renderDialogs({});
    const dialog = screen.getByRole('dialog', { name: 'Search Folder Criteria' });
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('The name cannot be empty.');
    expect(name).toHaveFocus();
    await user.type(name, 'Bad article');
    await user.type(within(dialog).getByRole('textbox', { name: /Article ID/ }), 'KB 958644');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(within(dialog).getByRole('textbox', { name: /Article ID/ })).toHaveAccessibleDescription(
      /may hold only letters, digits, hyphens and dots/,
    );
    expect(backend().backend.state.searchFolders).toEqual([]);
  });

  it('creates a folder for Critical security updates released in the last twelve months, and opens it', async () => {
    const { user, onOpenNode } = renderDialogs({});
    const dialog = screen.getByRole('dialog', { name: 'Search Folder Criteria' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Critical security - last 12 months');
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Date released' }),
      'In the last year (12 months)',
    );
    await user.click(
      within(within(dialog).getByRole('group', { name: 'Severity' })).getByRole('checkbox', { name: 'Critical' }),
    );
    await user.click(
      within(within(dialog).getByRole('group', { name: 'Classification' })).getByRole('checkbox', {
        name: 'Security Updates',
      }),
    );
    // The products come from the updates smsadmin may read.
    const products = within(dialog).getByRole('group', { name: 'Product' });
    expect(await within(products).findByRole('checkbox', { name: 'Windows XP' })).not.toBeChecked();
    expect(
      within(dialog).getByText(/Date Released in the last year \(12 months\); Severity is Critical/),
    ).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(onOpenNode).toHaveBeenCalledWith(searchFolderNodeId('SF000001')));
    expect(backend().backend.state.searchFolders[0]).toMatchObject({
      name: 'Critical security - last 12 months',
      owner: smsadmin,
      criteria: { dateReleased: 'last-year', severities: ['Critical'], classifications: ['Security Updates'] },
    });
  });

  it("shows the server's refusal of a name already taken under the name", async () => {
    const { user, onOpenNode } = renderDialogs({});
    const dialog = screen.getByRole('dialog', { name: 'Search Folder Criteria' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.type(name, 'critical security - last 12 months');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/already has a search folder named "Critical security - last 12 months"/);
    expect(onOpenNode).not.toHaveBeenCalled();
  });

  it('says why the server refused CONTOSO\\patchadmin', async () => {
    const { user } = renderDialogs({ admin: patchadmin });
    const dialog = screen.getByRole('dialog', { name: 'Search Folder Criteria' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Mine');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The search folder was not created: CONTOSO\\patchadmin has no Create right on Search Folders',
    );
  });
});

describe('Rename and Delete', () => {
  const nodeId = searchFolderNodeId('SF000001');

  it('renames the folder of the selected node', async () => {
    const { user, onClose } = renderDialogs({ dialog: 'rename-search-folder', nodeId });
    const dialog = screen.getByRole('dialog', { name: 'Rename Search Folder' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveValue('Critical security - last 12 months'));
    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(name).toHaveAccessibleDescription('The name cannot be empty.');
    await user.type(name, 'Critical 2008');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend().backend.state.searchFolders[0]?.name).toBe('Critical 2008');
  });

  it('deletes after asking, and opens Search Folders', async () => {
    const { user, onOpenNode, onClose } = renderDialogs({ dialog: 'delete-search-folder', nodeId });
    const dialog = screen.getByRole('dialog', { name: 'Confirm Delete' });
    expect(await within(dialog).findByText('Critical 2008')).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'No' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'No' }));
    expect(onClose).toHaveBeenCalled();
    expect(backend().backend.state.searchFolders).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(onOpenNode).toHaveBeenCalledWith(NODE_IDS.searchFolders));
    expect(backend().backend.state.searchFolders).toEqual([]);
  });
});

describe('searchFolderActions: what the Actions pane offers, and why not', () => {
  const open = vi.fn();
  const folderNode = { id: searchFolderNodeId('SF000001'), kind: 'search-folder' };
  const searchFolders = { id: NODE_IDS.searchFolders, kind: 'search-folders' };
  const summary = (actions: ReturnType<typeof searchFolderActions>) =>
    actions.map((action) => [action.label, action.disabledBecause ?? null]);

  it.each<[string, Parameters<typeof searchFolderActions>[0], Array<[string, string | null]>]>([
    [
      'Search Folders, for smsadmin',
      {
        node: searchFolders,
        admin: smsadmin,
        classRights: { canCreate: true, whyNot: null },
        folderRights: undefined,
        open,
      },
      [['New Search Folder...', null]],
    ],
    [
      'Search Folders, for patchadmin',
      {
        node: searchFolders,
        admin: patchadmin,
        classRights: { canCreate: false, whyNot: 'CONTOSO\\patchadmin has no Create right on Search Folders' },
        folderRights: undefined,
        open,
      },
      [['New Search Folder...', 'CONTOSO\\patchadmin has no Create right on Search Folders']],
    ],
    [
      'a search folder, with every right',
      {
        node: folderNode,
        admin: smsadmin,
        classRights: undefined,
        folderRights: [...RIGHTS_BY_OBJECT_TYPE.SearchFolder],
        open,
      },
      [
        ['Rename...', null],
        ['Delete', null],
      ],
    ],
    [
      'a search folder, with Read only',
      { node: folderNode, admin: patchadmin, classRights: undefined, folderRights: ['Read'], open },
      [
        ['Rename...', 'CONTOSO\\patchadmin has no Modify right on search folder SF000001'],
        ['Delete', 'CONTOSO\\patchadmin has no Delete right on search folder SF000001'],
      ],
    ],
    [
      'a search folder, without Read',
      { node: folderNode, admin: patchadmin, classRights: undefined, folderRights: [], open },
      [
        ['Rename...', 'CONTOSO\\patchadmin has no Read right on search folder SF000001'],
        ['Delete', 'CONTOSO\\patchadmin has no Read right on search folder SF000001'],
      ],
    ],
    [
      'another node',
      {
        node: { id: NODE_IDS.updateRepository, kind: 'update-repository' },
        admin: smsadmin,
        classRights: undefined,
        folderRights: undefined,
        open,
      },
      [],
    ],
  ])('%s', (_label, context, expected) => {
    expect(summary(searchFolderActions(context))).toEqual(expected);
  });

  it('opens the dialog the action names', () => {
    const [rename, remove] = searchFolderActions({
      node: folderNode,
      admin: smsadmin,
      classRights: undefined,
      folderRights: [...RIGHTS_BY_OBJECT_TYPE.SearchFolder],
      open,
    });
    rename?.run();
    remove?.run();
    expect(open.mock.calls).toEqual([['rename-search-folder'], ['delete-search-folder']]);
  });
});
