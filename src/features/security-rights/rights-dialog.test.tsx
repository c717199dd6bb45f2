// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { securityRightRowId } from '@/domain/rights/security-rights';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { backendForThisFile } from '@/test/fetch-to-backend';
import { SecurityRightsDialog } from './rights-dialog';
import { securityRightsActions } from './security-rights-actions';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;

installDialogPolyfill();
afterEach(() => {
  cleanup();
});

const backend = backendForThisFile();

function renderDialog(props: Partial<Parameters<typeof SecurityRightsDialog>[0]>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const onClose = vi.fn();
  render(<SecurityRightsDialog admin={smsadmin} dialog="grant-rights" rowId={null} onClose={onClose} {...props} />, {
    wrapper,
  });
  return { user: userEvent.setup(), onClose };
}

describe('Grant Rights', () => {
  it('CONTOSO\\smsadmin grants CONTOSO\\patchadmin Read and Create on Deployment Templates', async () => {
    const { user, onClose } = renderDialog({});
    const dialog = screen.getByRole('dialog', { name: 'Grant Rights' });
    const account = within(dialog).getByRole('combobox', { name: 'User name' });
    await waitFor(() => expect(within(account).getByRole('option', { name: patchadmin })).toBeInTheDocument());
    await user.selectOptions(account, patchadmin);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Class' }), 'Deployment Templates');
    expect(within(dialog).getByRole('radio', { name: /^All instances/ })).toBeChecked();
    await waitFor(() => expect(within(dialog).getByRole('checkbox', { name: 'Read' })).toBeEnabled());
    await user.click(within(dialog).getByRole('checkbox', { name: 'Read' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Create' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'OK' })).toBeEnabled());
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend().backend.rights.hasClassRight(patchadmin, 'DeploymentTemplate', 'Create')).toBe(true);
  });

  it('greys each right out with the reason when the connected administrator may not grant it', async () => {
    const { user } = renderDialog({ admin: patchadmin });
    const dialog = screen.getByRole('dialog', { name: 'Grant Rights' });
    const account = within(dialog).getByRole('combobox', { name: 'User name' });
    await waitFor(() => expect(within(account).getByRole('option', { name: auditor })).toBeInTheDocument());
    await user.selectOptions(account, auditor);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Class' }), 'Collections');
    await waitFor(() =>
      expect(
        within(dialog).getAllByText('CONTOSO\\patchadmin has no Administer or Delegate right on Collections')[0],
      ).toBeVisible(),
    );
    for (const right of ['Read', 'Modify', 'Delete']) {
      expect(within(dialog).getByRole('checkbox', { name: right })).toBeDisabled();
    }
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();
  });
});

describe('Revoke Rights', () => {
  it('starts from the selected row and offers only the rights granted there', async () => {
    const { user, onClose } = renderDialog({
      dialog: 'revoke-rights',
      rowId: securityRightRowId(lonadmin, 'Package', 'CEN00003'),
    });
    // The dialog reads the row first, then starts from it.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'User name' })).toHaveValue(lonadmin));
    const dialog = screen.getByRole('dialog', { name: 'Revoke Rights' });
    expect(within(dialog).getByRole('radio', { name: 'Chosen instances' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'LON Critical Updates 2008-04 (CEN00003)' })).toBeChecked();
    await waitFor(() => expect(within(dialog).getByRole('checkbox', { name: 'Distribute' })).toBeEnabled());
    const del = within(dialog).getByRole('checkbox', { name: 'Delete' });
    expect(del).toBeDisabled();
    expect(del).toHaveAccessibleDescription(
      'CONTOSO\\lonadmin holds no Delete right on package CEN00003 as an instance right: there is nothing to revoke.',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Distribute' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'OK' })).toBeEnabled());
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend().backend.rights.hasRight(lonadmin, 'Package', 'CEN00003', 'Distribute')).toBe(false);
    expect(backend().backend.rights.hasRight(lonadmin, 'Package', 'CEN00003', 'Modify')).toBe(true);
  });
});

describe('the actions of the Security Rights node', () => {
  const node = { id: 'site-management/cen/security-rights', kind: 'security-rights' };
  it('are greyed out with the reason for an administrator who may grant nothing', () => {
    const why = 'CONTOSO\\auditor has no Administer or Delegate right on any class or object';
    const actions = securityRightsActions({
      node,
      delegation: { canGrant: false, whyNot: why },
      focused: null,
      selectedCount: 0,
      open: vi.fn(),
    });
    expect(actions.map((action) => [action.label, action.disabledBecause])).toEqual([
      ['Grant Rights...', why],
      ['Revoke Rights...', why],
    ]);
  });

  it('open their dialog from the selected row', () => {
    const open = vi.fn();
    const [grant] = securityRightsActions({
      node,
      delegation: { canGrant: true, whyNot: null },
      focused: { id: 'row' },
      selectedCount: 1,
      open,
    });
    grant?.run();
    expect(open).toHaveBeenCalledWith('grant-rights', 'row');
    expect(
      securityRightsActions({
        node: { id: 'x', kind: 'site' },
        delegation: undefined,
        focused: null,
        selectedCount: 0,
        open,
      }),
    ).toEqual([]);
  });
});
