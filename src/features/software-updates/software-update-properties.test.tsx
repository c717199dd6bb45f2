// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTOSO } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { installDialogPolyfill } from '@/test/dialog-polyfill';
import { ComplianceCountLink, ComplianceDrillContext, type ComplianceDrillTarget } from './compliance-drill';
import { SoftwareUpdatePropertiesDialog } from './software-update-properties-dialog';

/** A software update's Properties against the real handlers (msw/node), at the Synchronized stage. */

const { smsadmin, auditor } = CONTOSO.administrators;
const XP = 'Security Update for Windows XP (KB958644)';

installDialogPolyfill();

const sent: Array<{ method: string; path: string }> = [];
type Harness = Awaited<ReturnType<typeof startTestBackend>>;
let harness: Harness;
beforeEach(async () => {
  harness = await startTestBackend({ stage: 'synchronized' });
  sent.length = 0;
  stubFetchToTestBackend((request) => sent.push({ method: request.method, path: request.path }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  harness.stop();
});

const drill: ComplianceDrillTarget = { hrefOf: (id, state) => `/drill/${id}/${state}`, open: vi.fn() };

function openProperties(updateId: string, admin: string = smsadmin) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ComplianceDrillContext.Provider value={drill}>
        <SoftwareUpdatePropertiesDialog admin={admin} updateId={updateId} onClose={vi.fn()} />
      </ComplianceDrillContext.Provider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const idOf = (test: (update: Harness['backend']['state']['softwareUpdates'][number]) => boolean) =>
  harness.backend.state.softwareUpdates.find(test)?.id ?? '';

describe("a software update's Properties", () => {
  it('has the tabs, and the Compliance counts link to their clients', async () => {
    const user = openProperties(idOf((u) => u.title === XP));
    const dialog = await screen.findByRole('dialog', { name: `${XP} Properties` });
    expect(
      within(dialog)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual([
      'General',
      'Update Details',
      'Compliance',
      'SMS 2003',
      'Supersedence',
      'Content Information',
      'Maximum Run Time',
      'Security',
    ]);
    await user.click(within(dialog).getByRole('tab', { name: 'Compliance' }));
    const required = within(dialog).getByRole('link', { name: `85 Required clients of ${XP}` });
    expect(required).toHaveAttribute('href', `/drill/${idOf((u) => u.title === XP)}/required`);
    await user.click(required);
    expect(drill.open).toHaveBeenCalledWith(
      idOf((u) => u.title === XP),
      'required',
    );
  });

  it('checks the Maximum Run Time before sending it, then saves it on the server', async () => {
    const id = idOf((u) => u.title === XP);
    const user = openProperties(id);
    const dialog = await screen.findByRole('dialog', { name: `${XP} Properties` });
    await user.click(within(dialog).getByRole('tab', { name: 'Maximum Run Time' }));
    const minutes = within(dialog).getByRole('spinbutton', { name: /^Maximum run time \(minutes\)/ });
    await user.clear(minutes);
    await user.type(minutes, '10000');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('from 5 to 9,999');
    expect(sent.filter((request) => request.method === 'PUT')).toEqual([]);
    await user.clear(minutes);
    await user.type(minutes, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('saved: 30 minutes'));
    expect(sent).toContainEqual({ method: 'PUT', path: `/api/software-updates/${id}/max-run-time` });
    expect(harness.backend.state.softwareUpdates.find((u) => u.id === id)?.maxRunTimeMinutes).toBe(30);
  });

  it('is read-only, saying why, for an administrator without Modify', async () => {
    const id = idOf((u) => u.legacy);
    const user = openProperties(id, auditor);
    const dialog = await screen.findByRole('dialog', { name: /\(LEGACY\) Properties$/ });
    await user.click(within(dialog).getByRole('tab', { name: 'Maximum Run Time' }));
    const minutes = within(dialog).getByRole('spinbutton', { name: /^Maximum run time \(minutes\)/ });
    expect(minutes).toHaveAttribute('readonly');
    expect(minutes).toHaveAccessibleDescription(
      `The maximum run time is read-only: ${auditor} has no Modify right on software update ${id}.`,
    );
    expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeDisabled();
  });
});

describe('a compliance count in a grid', () => {
  it('takes Enter for itself (not the grid), takes Tab only in the focused row, and leaves modified clicks to the browser', () => {
    const open = vi.fn();
    const gridKeys = vi.fn();
    render(
      <ComplianceDrillContext.Provider value={{ hrefOf: () => '/drill', open }}>
        <div role="grid" aria-label="Updates" tabIndex={0} onKeyDown={gridKeys}>
          <ComplianceCountLink updateId="1" title="An update" state="installed" count={1234} tabbable={false} />
        </div>
      </ComplianceDrillContext.Provider>,
    );
    const link = screen.getByRole('link', { name: '1,234 Installed clients of An update' });
    expect(link).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(gridKeys).not.toHaveBeenCalled();
    fireEvent.keyDown(link, { key: 'ArrowDown' });
    expect(gridKeys).toHaveBeenCalledTimes(1);
    fireEvent.click(link, { ctrlKey: true });
    expect(open).not.toHaveBeenCalled();
    fireEvent.click(link);
    expect(open).toHaveBeenCalledWith('1', 'installed');
  });
});
