// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SUP_SETTINGS, SUP_PRODUCTS } from '@/domain/after-upgrade/software-update-point';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import type { AfterUpgradeStatus, ExplanationResponse } from '@/domain/contract/after-upgrade-contract';
import { formatCount } from '@/domain/format';
import type { StageId } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { AfterUpgradeDialogs } from './after-upgrade-dialogs';
import type { AfterUpgradeDialogName } from './after-upgrade-actions';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

installDialogPolyfill();
afterEach(() => {
  cleanup();
});

/** Every request the dialogs sent, with its body, to see what they asked for. */
const sent: Array<{ method: string; url: string; body: unknown }> = [];

/** A fresh site for every test (Just upgraded unless told), stopped after it. */
type Harness = Awaited<ReturnType<typeof startTestBackend>>;
let harness: Harness | undefined;
async function startSite(stage: StageId = 'just-upgraded') {
  harness = await startTestBackend({ stage });
  sent.length = 0;
  // The backend's interception is in place by now, so what is sent here reaches it.
  stubFetchToTestBackend((request) => sent.push({ method: request.method, url: request.url, body: request.body }));
  return harness;
}
afterEach(() => {
  vi.unstubAllGlobals();
  harness?.stop();
  harness = undefined;
});

function renderDialog(dialog: AfterUpgradeDialogName, props: { nodeId?: string; selectedId?: string | null } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const onClose = vi.fn();
  const onDeleted = vi.fn();
  render(
    <AfterUpgradeDialogs
      admin="CONTOSO\smsadmin"
      dialog={dialog}
      nodeId={props.nodeId ?? NODE_IDS.siteSystems}
      selectedId={props.selectedId ?? null}
      onClose={onClose}
      onDeleted={onDeleted}
    />,
    { wrapper },
  );
  return { user: userEvent.setup(), onClose, onDeleted };
}

describe('the Software Update Point dialog ("New Roles..." on Site Systems)', () => {
  const open = async () => {
    const rendered = renderDialog('software-update-point');
    const dialog = screen.getByRole('dialog', { name: 'Software Update Point Component Properties' });
    await within(dialog).findByRole('tab', { name: 'Products' });
    const tab = async (name: string, legend: string) => {
      await rendered.user.click(within(dialog).getByRole('tab', { name }));
      return within(dialog).getByRole('group', { name: legend });
    };
    return { ...rendered, dialog, tab };
  };

  it('opens with the proposed products, classifications and languages checked', async () => {
    await startSite();
    const { dialog, tab } = await open();
    expect(within(dialog).getByRole('combobox', { name: 'Site system' })).toHaveValue('CEN-SMS01');
    const classifications = await tab('Classifications', 'Update Classifications');
    for (const name of DEFAULT_SUP_SETTINGS.classifications) {
      expect(within(classifications).getByRole('checkbox', { name })).toBeChecked();
    }
    expect(within(classifications).getByRole('checkbox', { name: 'Service Packs' })).not.toBeChecked();
    const products = await tab('Products', 'Products');
    expect(within(products).getAllByRole('checkbox')).toHaveLength(SUP_PRODUCTS.length);
    for (const checkbox of within(products).getAllByRole('checkbox')) expect(checkbox).toBeChecked();
    const languages = await tab('Languages', 'Languages');
    expect(within(languages).getByRole('checkbox', { name: 'English' })).toBeChecked();
    expect(within(languages).getByRole('checkbox', { name: 'German' })).not.toBeChecked();
  });

  it('saves the chosen lists with PUT /api/site/software-update-point, and closes', async () => {
    const site = await startSite();
    const { user, dialog, tab, onClose } = await open();
    await user.click(
      within(await tab('Classifications', 'Update Classifications')).getByRole('checkbox', { name: 'Service Packs' }),
    );
    await user.click(within(await tab('Products', 'Products')).getByRole('checkbox', { name: 'Office XP' }));
    await user.click(within(await tab('Languages', 'Languages')).getByRole('checkbox', { name: 'German' }));
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());

    const put = sent.find((request) => request.method === 'PUT');
    const products = SUP_PRODUCTS.filter((product) => product !== 'Office XP');
    expect(put).toMatchObject({
      url: 'http://console.test/api/site/software-update-point',
      body: {
        serverName: 'CEN-SMS01',
        products,
        classifications: ['Critical Updates', 'Security Updates', 'Service Packs', 'Update Rollups', 'Updates'],
        languages: ['English', 'German'],
      },
    });
    expect(site.backend.state.softwareUpdatePoint).toMatchObject({
      serverName: 'CEN-SMS01',
      products,
      languages: ['English', 'German'],
    });
  });

  it("shows the server's 400 in place and changes nothing", async () => {
    const site = await startSite();
    const { user, dialog, tab, onClose } = await open();
    await user.click(within(await tab('Languages', 'Languages')).getByRole('checkbox', { name: 'English' }));
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The software update point was not saved: languages: choose at least one of the languages',
    );
    expect(onClose).not.toHaveBeenCalled();
    expect(site.backend.state.softwareUpdatePoint).toBeNull();
  });
});

describe('the LEGACY Clean-up Script dialog', () => {
  it('shows the script, what it will hide and which migrated deployments keep updates visible; Run Script runs it', async () => {
    const site = await startSite();
    const status = (await site.call('/api/site/after-upgrade')).body as unknown as AfterUpgradeStatus;
    const { user } = renderDialog('legacy-cleanup', { nodeId: NODE_IDS.updateRepository });
    const dialog = screen.getByRole('dialog', { name: 'LEGACY Clean-up Script' });

    const script = await within(dialog).findByRole('figure', { name: 'Script' });
    expect(script).toHaveTextContent('HideLegacyUpdates.vbs');
    expect(script).toHaveTextContent("LocalizedDisplayName LIKE '%(LEGACY)'");
    const { willHide, staysVisible, keptBy, source } = status.legacyCleanup;
    expect(willHide).toBeGreaterThan(0);
    expect(staysVisible).toBeGreaterThan(0);
    expect(
      within(dialog).getByText(
        `${formatCount(willHide)} LEGACY software updates will be hidden; ${formatCount(staysVisible)} stay visible because a migrated SMS 2003 deployment holds them.`,
      ),
    ).toBeVisible();
    const kept = within(within(dialog).getByRole('list', { name: 'Kept visible by' })).getAllByRole('listitem');
    expect(kept.map((item) => item.textContent)).toEqual(
      keptBy.map((entry) => expect.stringContaining(`${entry.name} (${entry.advertisementId})`) as unknown),
    );
    expect(kept[0]).toHaveTextContent('Security Updates 2008-01');
    expect(within(dialog).getByRole('link', { name: 'Microsoft Script Center Script Repository' })).toHaveAttribute(
      'href',
      source,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Run Script' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      `The script ran: ${formatCount(willHide)} LEGACY software updates hidden`,
    );
    expect(
      sent.some(
        (request) => request.method === 'POST' && request.url.endsWith('/api/site/actions/run-legacy-cleanup-script'),
      ),
    ).toBe(true);
    expect(site.backend.state.facts.legacyScriptRunAt).not.toBeNull();
    // The footer's Close (the title bar has the other), focused once the Run Script button is gone.
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
  });
});

describe('the Run Advertisement dialog', () => {
  it('warns when the collection holds Configuration Manager clients, and Run Anyway sends the acknowledgement', async () => {
    // Synchronized: CEN-SMS01, the synchronization host in Microsoft Updates Tool Sync, is a ConfigMgr client.
    const site = await startSite('synchronized');
    const { user } = renderDialog('run-advertisement', { nodeId: NODE_IDS.advertisements, selectedId: 'CEN2000B' });
    const dialog = screen.getByRole('dialog', { name: 'Run Advertisement' });
    expect(await within(dialog).findByText('Microsoft Updates Tool Sync')).toBeVisible();
    const collection = within(dialog).getByRole('combobox', { name: 'Collection' });
    await within(collection).findByRole('option', { name: 'Microsoft Updates Tool Sync (CEN00010)' });
    expect(collection).toHaveValue('CEN00010');

    const jobsBefore = site.backend.state.jobs.length;
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    const warning = await within(dialog).findByRole('alert');
    expect(warning).toHaveTextContent(
      'Microsoft Updates Tool Sync holds 1 Configuration Manager 2007 clients. Only SMS 2003 clients should be in the target collection',
    );
    expect(site.backend.state.jobs).toHaveLength(jobsBefore);
    const runs = () => sent.filter((request) => request.url.endsWith('/api/advertisements/CEN2000B/run'));
    expect(runs().map((request) => request.body)).toEqual([{ collectionId: 'CEN00010' }]);

    const runAnyway = within(dialog).getByRole('button', { name: 'Run Anyway' });
    // The same button: the focus stays where the administrator was.
    expect(runAnyway).toHaveFocus();
    await user.click(runAnyway);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('catalog synchronization started');
    expect(runs().map((request) => request.body)).toEqual([
      { collectionId: 'CEN00010' },
      { collectionId: 'CEN00010', acknowledgeConfigMgrClients: true },
    ]);
    expect(site.backend.state.jobs.at(-1)).toMatchObject({ kind: 'itmu-catalog-sync', state: 'Running' });
  });

  it('drops the warning when another collection is chosen', async () => {
    await startSite('synchronized');
    const { user } = renderDialog('run-advertisement', { nodeId: NODE_IDS.advertisements, selectedId: 'CEN2000B' });
    const dialog = screen.getByRole('dialog', { name: 'Run Advertisement' });
    const collection = within(dialog).getByRole('combobox', { name: 'Collection' });
    await within(collection).findByRole('option', { name: 'LON Workstations (CEN00012)' });
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await within(dialog).findByRole('alert');
    await user.selectOptions(collection, 'CEN00012');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Run' })).toBeEnabled();
  });
});

describe('the Why? dialog', () => {
  it('gives each reason of the explanation as a paragraph', async () => {
    const site = await startSite();
    const legacy = site.backend.state.softwareUpdates.find((update) => update.legacy && update.expired);
    if (!legacy) throw new Error('Just upgraded has LEGACY updates');
    const explanation = (await site.call(`/api/software-updates/${legacy.id}/explanation`))
      .body as unknown as ExplanationResponse;
    expect(explanation.reasons.length).toBeGreaterThan(0);

    const { user, onClose } = renderDialog('explain-update', {
      nodeId: NODE_IDS.updateRepository,
      selectedId: legacy.id,
    });
    const dialog = screen.getByRole('dialog', { name: 'Why?' });
    expect(await within(dialog).findByText(legacy.title)).toBeVisible();
    for (const reason of explanation.reasons) expect(within(dialog).getByText(reason).tagName).toBe('P');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('says so when nothing in the upgrade rules applies', async () => {
    const site = await startSite();
    const update = site.backend.state.softwareUpdates[0];
    if (!update) throw new Error('The site has updates');
    site.server.use(
      http.get('*/api/software-updates/:id/explanation', () =>
        HttpResponse.json({ id: update.id, title: update.title, reasons: [] }),
      ),
    );
    renderDialog('explain-update', { nodeId: NODE_IDS.updateRepository, selectedId: update.id });
    const dialog = screen.getByRole('dialog', { name: 'Why?' });
    expect(await within(dialog).findByText('Nothing in the upgrade rules applies to this update.')).toBeVisible();
  });

  it('opens on its OK button and gives the focus back to what opened it', async () => {
    const site = await startSite();
    const update = site.backend.state.softwareUpdates[0];
    if (!update) throw new Error('The site has updates');
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const shown = (dialog: AfterUpgradeDialogName | null) => (
      <QueryClientProvider client={queryClient}>
        <button type="button">Why?</button>
        <AfterUpgradeDialogs
          admin="CONTOSO\\smsadmin"
          dialog={dialog}
          nodeId={NODE_IDS.updateRepository}
          selectedId={update.id}
          onClose={() => undefined}
          onDeleted={() => undefined}
        />
      </QueryClientProvider>
    );
    const { rerender } = render(shown(null));
    const opener = screen.getByRole('button', { name: 'Why?' });
    opener.focus();
    rerender(shown('explain-update'));
    const dialog = screen.getByRole('dialog', { name: 'Why?' });
    expect(within(dialog).getByRole('button', { name: 'OK' })).toHaveFocus();
    rerender(shown(null));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it("shows the server's refusal", async () => {
    await startSite();
    renderDialog('explain-update', { nodeId: NODE_IDS.updateRepository, selectedId: 'NOPE' });
    const dialog = screen.getByRole('dialog', { name: 'Why?' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('There is no software update with ID NOPE.');
  });
});
