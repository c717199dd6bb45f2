// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import type { SoftwareUpdate } from '@/domain/model/software-update';
import { CONTOSO, type StageId } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { rememberDeploySelection } from './deploy-selection';
import { DeploySoftwareUpdatesWizard } from './deploy-software-updates-wizard';
import { DeployWizardFromSelection } from './deploy-wizard-from-selection';
import { LEGACY_ACKNOWLEDGEMENT } from './template-selection-page';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

/**
 * The Deploy Software Updates Wizard against the real handlers (msw/node), at the Configured stage: the templates
 * "Workstations - SMS 2003 Clients" (Deploy software updates to SMS 2003 clients on) and "Servers - Standard" (off), and
 * the deployment "Critical Updates - December 2008". The site clock stands at 11:50 AM on 12/18/2008.
 */

const { smsadmin, patchadmin } = CONTOSO.administrators;
const { workstationsSms2003, serversStandard } = CONTOSO.templates;
const SITE_TIME = '2008-12-18T11:50:00Z';
/** A run types through many pages: give it time when the machine is busy. */
const SLOW = { timeout: 30_000 };

installDialogPolyfill();

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
let harness: Harness | undefined;
/** Every request the wizard sent, with its body. */
const sent: Array<{ method: string; url: string; body: unknown }> = [];

async function startSite(stage: StageId = 'configured') {
  harness = await startTestBackend({ stage });
  sent.length = 0;
  stubFetchToTestBackend((request) => sent.push({ method: request.method, url: request.url, body: request.body }));
  return harness;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  harness?.stop();
  harness = undefined;
  sessionStorage.clear();
});

const site = () => {
  if (!harness) throw new Error('The site has not started');
  return harness.backend.state;
};
const idsWhere = (test: (update: SoftwareUpdate) => boolean) =>
  site()
    .softwareUpdates.filter(test)
    .map((update) => update.id);
/** The MS08-067 updates: not LEGACY, English, Deployable to SMS 2003 at the Configured stage, not downloaded. */
const ms08067 = () => idsWhere((u) => u.bulletinId === 'MS08-067' && !u.legacy && u.language === 'English');
const kb890830 = () => idsWhere((u) => u.title === CONTOSO.notDeployableToSms2003[0]);
/** A LEGACY update a migrated deployment keeps visible: active, downloaded, Deployable to SMS 2003. */
const activeLegacy = () => idsWhere((u) => u.legacy && !u.expired && !u.hidden).slice(0, 1);

function renderWith(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return userEvent.setup();
}

function renderWizard(updateIds: string[], admin: string = smsadmin, initialTemplateId: string | null = null) {
  const onClose = vi.fn();
  const user = renderWith(
    <DeploySoftwareUpdatesWizard
      admin={admin}
      updateIds={updateIds}
      siteTime={SITE_TIME}
      initialTemplateId={initialTemplateId}
      onClose={onClose}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  const page = (name: string) => within(dialog).getByRole('region', { name });
  const pageNames = () =>
    within(within(dialog).getByRole('navigation', { name: 'Wizard pages' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
  const currentPage = () =>
    within(dialog).getByRole('navigation', { name: 'Wizard pages' }).querySelector('[aria-current="step"]')
      ?.textContent;
  const next = () => user.click(within(dialog).getByRole('button', { name: 'Next >' }));
  const previous = () => user.click(within(dialog).getByRole('button', { name: '< Previous' }));
  /** Next until the page, checking nothing was refused on the way. */
  const nextUntil = async (name: string) => {
    for (let step = 0; step < 20 && currentPage() !== name; step++) {
      const before = currentPage();
      await next();
      if (currentPage() === before) throw new Error(`Next did not leave ${before}: ${dialog.textContent ?? ''}`);
    }
    expect(currentPage()).toBe(name);
  };
  /** The first page, once the server has answered for the updates and the templates have been read. */
  const ready = async () => {
    await within(dialog).findByRole('radio', { name: 'Create a new deployment' });
    await waitFor(() => expect(within(dialog).queryByText('Loading the deployment templates…')).toBeNull());
  };
  return { user, dialog, page, pageNames, currentPage, next, previous, nextUntil, ready, onClose };
}

/** Fills General, Collection and Deployment Package for a run on the MS08-067 updates. */
async function fillToSummary(wizard: ReturnType<typeof renderWizard>, name = 'MS08-067 - Pilot Workstations') {
  const { user, dialog, nextUntil } = wizard;
  await nextUntil('General');
  await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), name);
  await nextUntil('Collection');
  await within(dialog).findByRole('option', { name: 'CEN Pilot Workstations (CEN00011)' });
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Collection' }), 'CEN00011');
  await nextUntil('Deployment Package');
  await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'MS08-067');
  await user.type(
    within(dialog).getByRole('textbox', { name: 'Package source' }),
    '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067',
  );
  await nextUntil('Summary');
}

describe('Template Selection', SLOW, () => {
  it('offers both templates for the MS08-067 updates', async () => {
    await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { dialog } = wizard;
    expect(within(dialog).getByRole('radio', { name: workstationsSms2003 })).toBeEnabled();
    expect(within(dialog).getByRole('radio', { name: serversStandard })).toBeEnabled();
    expect(within(dialog).getByRole('radio', { name: 'Use an existing deployment template' })).toBeEnabled();
    expect(within(dialog).getByRole('radio', { name: 'Create a new deployment' })).toBeChecked();
    expect(within(dialog).getByText('Software updates to deploy (6):')).toBeInTheDocument();
    expect(within(dialog).queryByText(/is not offered/)).toBeNull();
  });

  it('with KB890830 offers only Servers - Standard, and says which update keeps the other out', async () => {
    await startSite();
    const wizard = renderWizard([...ms08067(), ...kb890830()]);
    await wizard.ready();
    const { dialog } = wizard;
    const workstations = within(dialog).getByRole('radio', { name: workstationsSms2003 });
    expect(workstations).toBeDisabled();
    expect(workstations).toHaveAccessibleDescription(
      /^Workstations - SMS 2003 Clients is not offered: .*Windows Malicious Software Removal Tool - December 2008 \(KB890830\) is not\. Why\? The rule: .*\(Planning for Software Updates Site Upgrade, "Using Deployment Templates That Specify SMS 2003 Settings"\)\.$/,
    );
    expect(within(dialog).getByRole('radio', { name: serversStandard })).toBeEnabled();
  });

  it('pre-fills the settings pages from the template chosen, and Previous keeps what was entered', async () => {
    await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { user, dialog, nextUntil, previous, currentPage } = wizard;
    await user.click(within(dialog).getByRole('radio', { name: serversStandard }));
    expect(within(dialog).getByRole('radio', { name: 'Use an existing deployment template' })).toBeChecked();
    await nextUntil('General');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Servers MS08-067');
    await nextUntil('Collection');
    const collection = within(dialog).getByRole('combobox', { name: 'Collection' });
    await waitFor(() => expect(collection).toHaveValue('SMS000ES'));
    await nextUntil('Display/Time Settings');
    expect(within(dialog).getByRole('radio', { name: 'Suppress display notifications on clients' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Duration' })).toHaveValue('2');
    await nextUntil('Restart Settings');
    expect(within(dialog).getByRole('checkbox', { name: 'Servers' })).toBeChecked();
    await previous();
    await previous();
    await previous();
    expect(currentPage()).toBe('General');
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Servers MS08-067');
  });

  it('starts with the template named in the URL (Deploy with Template...)', async () => {
    await startSite();
    const template = site().deploymentTemplates.find((t) => t.name === serversStandard);
    const wizard = renderWizard(ms08067(), smsadmin, template?.id ?? null);
    const { dialog } = wizard;
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: serversStandard })).toBeChecked());
  });

  it('asks to confirm LEGACY updates before it goes on', async () => {
    await startSite();
    const wizard = renderWizard(activeLegacy());
    await wizard.ready();
    const { user, dialog, next, currentPage } = wizard;
    expect(within(dialog).getByText(/should not be deployed to clients/)).toBeInTheDocument();
    const acknowledge = within(dialog).getByRole('checkbox', { name: LEGACY_ACKNOWLEDGEMENT });
    await next();
    expect(currentPage()).toBe('Template Selection');
    expect(acknowledge).toHaveAttribute('aria-invalid', 'true');
    expect(acknowledge).toHaveAccessibleDescription(/Tick the box to confirm/);
    expect(acknowledge).toHaveFocus();
    await user.click(acknowledge);
    await next();
    expect(currentPage()).toBe('General');
  });

  it('says when the updates cannot be deployed at all, and does not go on', async () => {
    await startSite('just-upgraded');
    const expired = idsWhere((u) => u.expired).slice(0, 2);
    const wizard = renderWizard(expired);
    await wizard.ready();
    const { dialog } = wizard;
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      /These software updates cannot be deployed: .*expired/i,
    );
    expect(within(dialog).getByRole('button', { name: 'Next >' })).toBeDisabled();
  });

  it('says when the administrator may not create deployments', async () => {
    await startSite();
    const wizard = renderWizard(activeLegacy(), patchadmin);
    await wizard.ready();
    const { dialog } = wizard;
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'You cannot deploy software updates: CONTOSO\\patchadmin has no Create right on Deployments.',
    );
    expect(within(dialog).getByRole('button', { name: 'Next >' })).toBeDisabled();
  });
});

describe('the pages that apply', SLOW, () => {
  it('shows SMS 2003 Settings and Deployment Package for updates deployable to SMS 2003 and not downloaded', async () => {
    await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    expect(wizard.pageNames()).toEqual([
      'Template Selection',
      'General',
      'Collection',
      'Display/Time Settings',
      'Restart Settings',
      'Event Generation',
      'Download Settings',
      'SMS 2003 Settings',
      'Deployment Package',
      'Download Location',
      'Language Selection',
      'Deployment Schedule',
      'Summary',
      'Progress',
      'Confirmation',
    ]);
  });

  it('hides SMS 2003 Settings when an update is not Deployable to SMS 2003, and says why', async () => {
    await startSite();
    const wizard = renderWizard([...ms08067(), ...kb890830()]);
    await wizard.ready();
    expect(wizard.pageNames()).not.toContain('SMS 2003 Settings');
    expect(wizard.pageNames()).toContain('Deployment Package');
    await wizard.user.click(within(wizard.dialog).getByRole('radio', { name: serversStandard }));
    await wizard.nextUntil('General');
    await wizard.user.type(within(wizard.dialog).getByRole('textbox', { name: 'Name' }), 'With KB890830');
    await wizard.nextUntil('Download Settings');
    expect(within(wizard.dialog).getByText(/The SMS 2003 Settings page does not apply/)).toHaveTextContent(
      /KB890830\) is not Deployable to SMS 2003/,
    );
    await wizard.next();
    expect(wizard.currentPage()).toBe('Deployment Package');
  });

  it('shows the Deployment Package pages for downloaded updates only when deploying to SMS 2003 clients', async () => {
    await startSite();
    const wizard = renderWizard(activeLegacy());
    await wizard.ready();
    const { user, dialog, pageNames, nextUntil } = wizard;
    expect(pageNames()).toContain('SMS 2003 Settings');
    expect(pageNames()).not.toContain('Deployment Package');
    expect(pageNames()).not.toContain('Language Selection');
    await user.click(within(dialog).getByRole('checkbox', { name: LEGACY_ACKNOWLEDGEMENT }));
    await nextUntil('General');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'LEGACY');
    await nextUntil('Collection');
    await within(dialog).findByRole('option', { name: 'All Windows XP Systems (SMS000GS)' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Collection' }), 'SMS000GS');
    await nextUntil('SMS 2003 Settings');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Deploy software updates to SMS 2003 clients' }));
    expect(pageNames()).toContain('Deployment Package');
    expect(pageNames()).toContain('Download Location');
    expect(pageNames()).toContain('Language Selection');
  });
});

describe('validation', SLOW, () => {
  it('says what is wrong next to the field: an empty name, a bad duration', async () => {
    await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { user, dialog, next, nextUntil, currentPage } = wizard;
    await nextUntil('General');
    await next();
    expect(currentPage()).toBe('General');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter a name for the deployment.');
    expect(name).toHaveFocus();
    await user.type(name, 'MS08-067');
    expect(name).not.toHaveAttribute('aria-invalid');
    await nextUntil('Collection');
    await next();
    expect(within(dialog).getByRole('combobox', { name: 'Collection' })).toHaveAccessibleDescription(
      'Choose the collection to deploy the software updates to.',
    );
    await within(dialog).findByRole('option', { name: 'CEN Pilot Workstations (CEN00011)' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Collection' }), 'CEN00011');
    await nextUntil('Display/Time Settings');
    const duration = within(dialog).getByRole('textbox', { name: 'Duration' });
    await user.clear(duration);
    await user.type(duration, '5');
    await next();
    expect(currentPage()).toBe('Display/Time Settings');
    expect(duration).toHaveAttribute('aria-invalid', 'true');
    expect(duration).toHaveAccessibleDescription(/^The duration must be a whole number of weeks from 1 to 4\./);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Duration units' }), 'Days');
    expect(duration).not.toHaveAttribute('aria-invalid');
    await next();
    expect(currentPage()).toBe('Restart Settings');
  });

  it('refuses a package source or download location that is not a UNC path', async () => {
    await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { user, dialog, next, nextUntil, currentPage } = wizard;
    await nextUntil('General');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'MS08-067');
    await nextUntil('Collection');
    await within(dialog).findByRole('option', { name: 'CEN Pilot Workstations (CEN00011)' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Collection' }), 'CEN00011');
    await nextUntil('Deployment Package');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'MS08-067');
    const source = within(dialog).getByRole('textbox', { name: 'Package source' });
    await user.type(source, 'C:\\Updates');
    await next();
    expect(currentPage()).toBe('Deployment Package');
    expect(source).toHaveAttribute('aria-invalid', 'true');
    expect(source).toHaveAccessibleDescription(/^The path must be a UNC path such as \\\\CEN-SMS01\\Updates\./);
    await user.clear(source);
    await user.type(source, '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067');
    await next();
    expect(currentPage()).toBe('Download Location');
    await user.click(
      within(dialog).getByRole('radio', { name: 'Download software updates from a location on my network' }),
    );
    const location = within(dialog).getByRole('textbox', { name: 'Location' });
    await user.type(location, 'Updates');
    await next();
    expect(location).toHaveAccessibleDescription(/must be a UNC path/);
    await user.clear(location);
    await user.type(location, '\\\\CEN-SMS01\\Updates\\December');
    await next();
    expect(currentPage()).toBe('Language Selection');
    expect(within(dialog).getByRole('checkbox', { name: 'English' })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: 'English' }));
    await next();
    expect(within(dialog).getByRole('group', { name: 'Languages' })).toHaveAccessibleDescription(
      'Select at least one language to download.',
    );
  });

  it('pre-sets the deadline from the duration, and refuses a deadline before the available time', async () => {
    await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { user, dialog, next, nextUntil, currentPage } = wizard;
    await user.click(within(dialog).getByRole('radio', { name: serversStandard }));
    await nextUntil('General');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Servers MS08-067');
    await nextUntil('Deployment Package');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'MS08-067');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Package source' }),
      '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067',
    );
    await nextUntil('Deployment Schedule');
    // Servers - Standard: 2 weeks after 12/18/2008 11:50 AM.
    expect(within(dialog).getByRole('radio', { name: 'As soon as possible' })).toBeChecked();
    expect(
      within(dialog).getByRole('radio', { name: 'Set a deadline for software update installation' }),
    ).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Deadline date' })).toHaveValue('1/1/2009');
    expect(within(dialog).getByRole('textbox', { name: 'Deadline time' })).toHaveValue('11:50 AM');
    await user.click(within(dialog).getByRole('radio', { name: 'Date and time' }));
    const availableDate = within(dialog).getByRole('textbox', { name: 'Available date' });
    expect(availableDate).toHaveValue('12/18/2008');
    await user.clear(availableDate);
    await user.type(availableDate, '12/20/2008');
    expect(within(dialog).getByRole('textbox', { name: 'Deadline date' })).toHaveValue('1/3/2009');
    const deadlineDate = within(dialog).getByRole('textbox', { name: 'Deadline date' });
    await user.clear(deadlineDate);
    await user.type(deadlineDate, '12/19/2008');
    await next();
    expect(currentPage()).toBe('Deployment Schedule');
    expect(deadlineDate).toHaveAttribute('aria-invalid', 'true');
    expect(deadlineDate).toHaveAccessibleDescription(
      'The deadline must be after the time the software updates become available.',
    );
    await user.clear(deadlineDate);
    await user.type(deadlineDate, '13/45/2008');
    expect(deadlineDate).toHaveAccessibleDescription('Enter a date as M/D/YYYY, e.g. 12/18/2008.');
    await user.click(
      within(dialog).getByRole('radio', { name: 'Do not set a deadline for software update installation' }),
    );
    await next();
    expect(currentPage()).toBe('Summary');
  });
});

describe('a full run', SLOW, () => {
  it('creates the deployment, its package and its rollout job, and says so', async () => {
    const h = await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { dialog, next, currentPage } = wizard;
    await fillToSummary(wizard);
    const choices = within(dialog).getByRole('region', { name: 'Choices' });
    expect(choices).toHaveTextContent('CEN Pilot Workstations (CEN00011)');
    expect(choices).toHaveTextContent('New: MS08-067, source \\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067');
    await next();
    await within(dialog).findByText('The Deploy Software Updates Wizard completed successfully.');
    expect(currentPage()).toBe('Confirmation');
    const made = h.backend.state.deployments.find((d) => d.name === 'MS08-067 - Pilot Workstations');
    expect(made).toMatchObject({ collectionId: 'CEN00011', templateId: null, languages: ['English'] });
    expect(made?.updateIds).toEqual(ms08067());
    const pkg = h.backend.state.deploymentPackages.find((p) => p.id === made?.deploymentPackageId);
    expect(pkg).toMatchObject({ name: 'MS08-067', sourcePath: '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067' });
    expect(dialog).toHaveTextContent(`MS08-067 - Pilot Workstations (ID ${made?.id ?? ''})`);
    expect(dialog).toHaveTextContent(`MS08-067 (${pkg?.id ?? ''})`);
    await waitFor(() => expect(dialog).toHaveTextContent(/runs on the site clock from 12\/18\/2008 11:50 AM to/));
    const post = sent.find((request) => request.method === 'POST' && request.url.endsWith('/api/deployments'));
    expect(post?.body).toMatchObject({
      templateId: null,
      availableTime: null,
      deadline: '2009-01-01T11:50:00Z',
      downloadFrom: { kind: 'internet' },
      acknowledgeLegacy: false,
      saveAsTemplate: null,
    });
    expect(within(dialog).getByRole('button', { name: '< Previous' })).toBeDisabled();
    await wizard.user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(wizard.onClose).toHaveBeenCalled();
  });

  it('saves the settings as a template when asked on the Summary page', async () => {
    const h = await startSite();
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { user, dialog, next } = wizard;
    await fillToSummary(wizard, 'MS08-067 with a template');
    const save = within(dialog).getByRole('checkbox', { name: 'Save these settings as a template' });
    const templateName = within(dialog).getByRole('textbox', { name: 'Template name' });
    expect(templateName).toBeDisabled();
    await user.click(save);
    await next();
    expect(templateName).toHaveAccessibleDescription('Enter a name for the template.');
    await user.type(templateName, 'Pilot Workstations - Standard');
    await next();
    await within(dialog).findByText('The Deploy Software Updates Wizard completed successfully.');
    const template = h.backend.state.deploymentTemplates.find((t) => t.name === 'Pilot Workstations - Standard');
    expect(template).toMatchObject({ collectionId: 'CEN00011', deployToSms2003Clients: false, createdBy: smsadmin });
    expect(dialog).toHaveTextContent(`Pilot Workstations - Standard (${template?.id ?? ''})`);
  });

  it("shows the server's refusal, and Previous goes back to the page that can fix it", async () => {
    const h = await startSite();
    const before = h.backend.state.deployments.length;
    const wizard = renderWizard(ms08067());
    await wizard.ready();
    const { user, dialog, next, previous, currentPage, nextUntil } = wizard;
    await fillToSummary(wizard, CONTOSO.deployments.criticalUpdatesDecember2008);
    await next();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /The deployment was not created: There is already a deployment named "Critical Updates - December 2008"/,
    );
    expect(currentPage()).toBe('Confirmation');
    expect(h.backend.state.deployments).toHaveLength(before);
    await previous();
    expect(currentPage()).toBe('General');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/already a deployment named/);
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'MS08-067 - second try');
    await nextUntil('Summary');
    await next();
    await within(dialog).findByText('The Deploy Software Updates Wizard completed successfully.');
    expect(h.backend.state.deployments).toHaveLength(before + 1);
  });
});

describe('opened by the console', SLOW, () => {
  it('reads the IDs of the rows selected in the list, then deploys exactly those', async () => {
    await startSite();
    rememberDeploySelection({
      admin: smsadmin,
      node: NODE_IDS.updateRepository,
      q: 'MS08-067',
      searchIn: 'all',
      sort: 'title:asc',
      rows: '0-1',
      count: 2,
    });
    renderWith(<DeployWizardFromSelection admin={smsadmin} siteTime={SITE_TIME} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
    await within(dialog).findByText('Software updates to deploy (2):');
    expect(within(dialog).getByText('Security Update for Windows 2000 (KB958644)')).toBeInTheDocument();
    expect(sent.some((request) => request.url.includes('/api/ids/software-updates?'))).toBe(true);
    expect(JSON.parse(sessionStorage.getItem('configmgr-console.deploy-software-updates') ?? '{}').ids).toHaveLength(2);
  });

  it('says what to do when nothing was selected', async () => {
    await startSite();
    renderWith(<DeployWizardFromSelection admin={smsadmin} siteTime={SITE_TIME} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/Select the software updates to deploy/);
    expect(within(dialog).getByRole('button', { name: 'Next >' })).toBeDisabled();
  });
});
