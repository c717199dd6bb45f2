// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '@/domain/deployments/deployment-rules';
import { CONTOSO } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { DeploymentPropertiesDialog } from './deployment-properties-dialog';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

/**
 * A deployment's Properties against the real handlers (msw/node) at the Configured stage: Critical Updates - December
 * 2008 (deployment 1) to All Windows XP Systems, made with Workstations - SMS 2003 Clients, SMS 2003 clients on, its
 * rollout running on the site clock.
 */

const { smsadmin, patchadmin } = CONTOSO.administrators;

installDialogPolyfill();
afterEach(() => {
  cleanup();
});

const sent: Array<{ method: string; path: string }> = [];
type Harness = Awaited<ReturnType<typeof startTestBackend>>;
let harness: Harness;
beforeEach(async () => {
  harness = await startTestBackend({ stage: 'configured' });
  sent.length = 0;
  stubFetchToTestBackend((request) => sent.push({ method: request.method, path: request.path }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  harness.stop();
});

function openProperties(deploymentId = '1', admin: string = smsadmin) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <DeploymentPropertiesDialog admin={admin} deploymentId={deploymentId} onClose={vi.fn()} />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const deployment = (id = '1') => harness.backend.state.deployments.find((candidate) => candidate.id === id);

describe("a deployment's Properties", () => {
  it('has the product tabs, with SMS 2003 Settings when every update is Deployable to SMS 2003', async () => {
    openProperties();
    const dialog = await screen.findByRole('dialog', { name: 'Critical Updates - December 2008 Properties' });
    await waitFor(() => expect(within(dialog).getByRole('tab', { name: 'SMS 2003 Settings' })).toBeInTheDocument());
    expect(
      within(dialog)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual([
      'General',
      'Schedule',
      'Software Updates',
      'Collection',
      'Display/Time Settings',
      'Restart Settings',
      'Event Generation',
      'Download Settings',
      'SMS 2003 Settings',
      'Security',
    ]);
  });

  it("shows on General the rollout's progress on the site clock and the updates' Installed and Required", async () => {
    const user = openProperties();
    const dialog = await screen.findByRole('dialog', { name: 'Critical Updates - December 2008 Properties' });
    const rollout = await within(dialog).findByRole('progressbar', {
      name: 'Rollout of Critical Updates - December 2008',
    });
    expect(rollout).toHaveAttribute('aria-valuenow', '0');
    const updates = harness.backend.state.softwareUpdates.filter((update) =>
      deployment()?.updateIds.includes(update.id),
    );
    const installed = updates.reduce((sum, update) => sum + update.compliance.installed, 0);
    const required = updates.reduce((sum, update) => sum + update.compliance.required, 0);
    await waitFor(() =>
      expect(within(dialog).getByText('Installed:').nextElementSibling).toHaveTextContent(
        installed.toLocaleString('en-US'),
      ),
    );
    expect(within(dialog).getByText('Required:').nextElementSibling).toHaveTextContent(
      required.toLocaleString('en-US'),
    );
    await user.click(within(dialog).getByRole('tab', { name: 'Schedule' }));
    expect(
      within(dialog).getByRole('radio', { name: 'Set a deadline for software update installation' }),
    ).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Deadline date' })).toHaveValue('12/25/2008');
    expect(within(dialog).getByRole('textbox', { name: 'Deadline time' })).toHaveValue('11:50 AM');
  });

  it('saves a new deadline and description with Apply, and says what is wrong before sending', async () => {
    const user = openProperties();
    const dialog = await screen.findByRole('dialog', { name: 'Critical Updates - December 2008 Properties' });
    const description = await within(dialog).findByRole('textbox', { name: 'Description:' });
    await user.clear(description);
    await user.type(description, 'Deadline moved for the change board.');
    await user.click(within(dialog).getByRole('tab', { name: 'Schedule' }));
    const date = within(dialog).getByRole('textbox', { name: 'Deadline date' });
    await user.clear(date);
    await user.type(date, '12/17/2008');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    // Before the available time: said beside the deadline, and nothing sent.
    expect(date).toHaveAccessibleDescription(/the deadline must be after the time the updates become available/i);
    expect(sent.some((request) => request.method === 'PATCH')).toBe(false);
    await user.clear(date);
    await user.type(date, '12/27/2008');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await within(dialog).findByText('The changes to the deployment were saved.');
    expect(deployment()).toMatchObject({
      description: 'Deadline moved for the change board.',
      deadline: '2008-12-27T11:50:00Z',
    });
  });

  it('greys General and Schedule for an administrator without Modify, saying which right is missing', async () => {
    const { status } = await harness.call('/api/security-rights/grant', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: patchadmin, objectType: 'Deployment', instanceIds: ['1'], rights: ['Read'] }),
    });
    expect(status).toBe(200);
    const user = openProperties('1', patchadmin);
    const dialog = await screen.findByRole('dialog', { name: 'Critical Updates - December 2008 Properties' });
    const name = await within(dialog).findByRole('textbox', { name: 'Name:' });
    expect(name).toBeDisabled();
    expect(name).toHaveAccessibleDescription(
      `General and Schedule are read-only: ${patchadmin} has no Modify right on deployment 1.`,
    );
    await user.click(within(dialog).getByRole('tab', { name: 'Schedule' }));
    expect(within(dialog).getByRole('textbox', { name: 'Deadline date' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('follows the rollout as the site clock passes: compliance moves from Required to Installed', async () => {
    const updates = () =>
      harness.backend.state.softwareUpdates.filter((update) => deployment()?.updateIds.includes(update.id));
    const installedBefore = updates().reduce((sum, update) => sum + update.compliance.installed, 0);
    // Two site hours at the clock's 60x: two of the four hourly rollout steps.
    harness.passTime(2 * 60 * 1000 + 1000);
    openProperties();
    const dialog = await screen.findByRole('dialog', { name: 'Critical Updates - December 2008 Properties' });
    const rollout = await within(dialog).findByRole('progressbar', {
      name: 'Rollout of Critical Updates - December 2008',
    });
    expect(Number(rollout.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(50);
    const installed = updates().reduce((sum, update) => sum + update.compliance.installed, 0);
    expect(installed).toBeGreaterThan(installedBefore);
    await waitFor(() =>
      expect(within(dialog).getByText('Installed:').nextElementSibling).toHaveTextContent(
        installed.toLocaleString('en-US'),
      ),
    );
  });

  it('asks before switching SMS 2003 clients off, then disables it for good', async () => {
    const user = openProperties();
    const dialog = await screen.findByRole('dialog', { name: 'Critical Updates - December 2008 Properties' });
    await user.click(await within(dialog).findByRole('tab', { name: 'SMS 2003 Settings' }));
    const box = within(dialog).getByRole('checkbox', { name: 'Deploy software updates to SMS 2003 clients' });
    expect(box).toBeChecked();
    expect(box).toBeEnabled();

    await user.click(box);
    let confirm = screen.getByRole('dialog', { name: 'Turn Off SMS 2003 Clients' });
    expect(confirm).toHaveTextContent('This cannot be undone: the SMS 2003 program');
    expect(within(confirm).getByRole('button', { name: 'No' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'No' }));
    expect(screen.queryByRole('dialog', { name: 'Turn Off SMS 2003 Clients' })).not.toBeInTheDocument();
    expect(box).toBeChecked();
    expect(
      sent.filter((request) => request.method === 'POST' && request.path.endsWith('/disable-sms2003')),
    ).toHaveLength(0);

    await user.click(box);
    confirm = screen.getByRole('dialog', { name: 'Turn Off SMS 2003 Clients' });
    await user.click(within(confirm).getByRole('button', { name: 'Yes' }));
    await waitFor(() =>
      expect(
        within(dialog).getByRole('checkbox', { name: 'Deploy software updates to SMS 2003 clients' }),
      ).not.toBeChecked(),
    );
    const after = within(dialog).getByRole('checkbox', { name: 'Deploy software updates to SMS 2003 clients' });
    expect(after).toBeDisabled();
    expect(after).toHaveAccessibleDescription(
      'It was switched off and cannot be turned on again: the SMS 2003 program Software Updates Program and the advertisement CEN00010-1 are disabled.',
    );
    expect(
      sent.filter((request) => request.method === 'POST' && request.path === '/api/deployments/1/disable-sms2003'),
    ).toHaveLength(1);
    expect(deployment()).toMatchObject({ deployToSms2003Clients: false, sms2003: { enabled: false } });
  });

  it('hides SMS 2003 Settings, saying why, when an update is not Deployable to SMS 2003', async () => {
    const kb890830 = harness.backend.state.softwareUpdates.find(
      (update) => update.title === CONTOSO.notDeployableToSms2003[0],
    );
    expect(kb890830).toBeDefined();
    const made = await harness.call('/api/deployments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Malicious Software Removal Tool',
        description: '',
        updateIds: [kb890830?.id],
        templateId: null,
        settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'CEN00011' },
        availableTime: null,
        deadline: null,
        deploymentPackage: {
          kind: 'new',
          name: 'MSRT',
          description: '',
          sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MSRT',
        },
        downloadFrom: { kind: 'internet' },
        languages: ['English'],
        acknowledgeLegacy: false,
        saveAsTemplate: null,
      }),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const id = (made.body.item as { id: string }).id;
    openProperties(id);
    const dialog = await screen.findByRole('dialog', { name: 'Malicious Software Removal Tool Properties' });
    expect(await within(dialog).findByRole('note')).toHaveTextContent(
      `The SMS 2003 Settings tab is not shown: Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients: ${CONTOSO.notDeployableToSms2003[0]} is not Deployable to SMS 2003.`,
    );
    expect(within(dialog).queryByRole('tab', { name: 'SMS 2003 Settings' })).not.toBeInTheDocument();
  });

  it('is refused to CONTOSO\\patchadmin, who has no right on deployments', async () => {
    openProperties('1', patchadmin);
    expect(await screen.findByRole('alert')).toHaveTextContent('CONTOSO\\patchadmin has no Read right on deployment 1');
  });
});
