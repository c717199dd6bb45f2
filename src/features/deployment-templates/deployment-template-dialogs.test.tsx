// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTOSO, type StageId } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { DeleteDeploymentTemplateDialog } from './delete-template-dialog';
import { DeployWithTemplateDialog } from './deploy-with-template-dialog';
import { DeploymentTemplateWizard } from './deployment-template-wizard';
import { deploymentTemplateActions } from './template-actions';
import { DeploymentTemplatePropertiesDialog } from './template-properties-dialog';
import { forgetUpdateSelection, rememberUpdateSelection } from './update-drag';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

/**
 * The Deployment Template Wizard, a template's Properties and Delete, and "Deploy with Template...", against the real
 * handlers (msw/node) at the Configured stage: Workstations - SMS 2003 Clients (DT000001) and Servers - Standard
 * (DT000002), both CONTOSO\smsadmin's; CONTOSO\patchadmin has no right on deployment templates.
 */

const { smsadmin, patchadmin } = CONTOSO.administrators;

installDialogPolyfill();
afterEach(() => {
  cleanup();
  forgetUpdateSelection();
});

/** Every request the dialogs sent, with its body. */
const sent: Array<{ method: string; url: string; body: unknown }> = [];

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
let harness: Harness | undefined;
async function startSite(stage: StageId = 'configured') {
  harness = await startTestBackend({ stage });
  sent.length = 0;
  stubFetchToTestBackend((request) => sent.push({ method: request.method, url: request.url, body: request.body }));
  return harness;
}
afterEach(() => {
  vi.unstubAllGlobals();
  harness?.stop();
  harness = undefined;
});

function renderWith(element: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={queryClient}>{element}</QueryClientProvider>);
  return userEvent.setup();
}

const templates = () => harness?.backend.state.deploymentTemplates ?? [];
const posts = (path: string, method = 'POST') =>
  sent.filter((request) => request.method === method && new URL(request.url).pathname === path);

function openWizard(admin: string = smsadmin) {
  const onClose = vi.fn();
  const onCreated = vi.fn();
  const user = renderWith(<DeploymentTemplateWizard admin={admin} onClose={onClose} onCreated={onCreated} />);
  const dialog = screen.getByRole('dialog', { name: 'Deployment Template Wizard' });
  const page = (name: string) => within(dialog).getByRole('region', { name });
  const next = () => user.click(within(dialog).getByRole('button', { name: 'Next >' }));
  const previous = () => user.click(within(dialog).getByRole('button', { name: '< Previous' }));
  return { user, dialog, page, next, previous, onClose, onCreated };
}

/** The message a field's aria-describedby names, with aria-invalid set. */
function errorOf(field: HTMLElement): string {
  expect(field).toHaveAttribute('aria-invalid', 'true');
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('the Deployment Template Wizard ("New Deployment Template...")', () => {
  it('walks the product pages and creates the template with POST /api/deployment-templates', async () => {
    await startSite();
    const { user, dialog, page, next, onCreated } = openWizard();
    const steps = within(within(dialog).getByRole('navigation', { name: 'Wizard pages' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      'General',
      'Collection',
      'Display/Time Settings',
      'Restart Settings',
      'Event Generation',
      'Download Settings',
      'SMS 2003 Settings',
      'Summary',
      'Confirmation',
    ]);

    await user.type(within(page('General')).getByRole('textbox', { name: 'Name:' }), 'Pilot - Fast Track');
    await user.type(within(page('General')).getByRole('textbox', { name: 'Description:' }), 'Pilot first');
    await next();
    const collection = page('Collection');
    expect(within(collection).getByRole('radio', { name: 'Do not specify a collection' })).toBeChecked();
    await user.click(within(collection).getByRole('radio', { name: 'Specify a collection for the deployments' }));
    await waitFor(() =>
      expect(within(collection).getByRole('option', { name: 'CEN Pilot Workstations (CEN00011)' })).toBeInTheDocument(),
    );
    await user.selectOptions(
      within(collection).getByRole('combobox', { name: 'Collection to deploy to:' }),
      'CEN00011',
    );
    await next();
    const display = page('Display/Time Settings');
    await user.click(within(display).getByRole('radio', { name: 'UTC' }));
    await user.clear(within(display).getByRole('spinbutton', { name: 'Duration:' }));
    await user.type(within(display).getByRole('spinbutton', { name: 'Duration:' }), '3');
    await user.selectOptions(within(display).getByRole('combobox', { name: 'Duration units' }), 'Days');
    await next();
    await user.click(within(page('Restart Settings')).getByRole('checkbox', { name: 'Servers' }));
    await next();
    await user.click(
      within(page('Event Generation')).getByRole('checkbox', {
        name: 'Generate Operations Manager alert when a software update installation fails',
      }),
    );
    await next();
    const download = page('Download Settings');
    const slow = within(download).getByRole('group', {
      name: 'When a client is connected within a slow or unreliable network boundary',
    });
    await user.click(
      within(slow).getByRole('radio', { name: 'Download software updates from distribution point and install' }),
    );
    await next();
    const sms2003 = page('SMS 2003 Settings');
    expect(within(sms2003).getByRole('note', { name: 'Templates that specify SMS 2003 settings' })).toHaveTextContent(
      'only when every software update being deployed is Deployable to SMS 2003',
    );
    const inventory = within(sms2003).getByRole('checkbox', { name: 'Collect hardware inventory immediately' });
    expect(inventory).toBeDisabled();
    await user.click(within(sms2003).getByRole('checkbox', { name: 'Deploy software updates to SMS 2003 clients' }));
    expect(inventory).toBeEnabled();
    await user.click(inventory);
    await next();
    const summary = page('Summary');
    expect(within(summary).getByRole('row', { name: /Collection CEN Pilot Workstations/ })).toBeInTheDocument();
    expect(within(summary).getByRole('row', { name: 'Duration 3 days' })).toBeInTheDocument();
    await next();

    expect(await within(page('Confirmation')).findByRole('status')).toHaveTextContent(
      'The deployment template Pilot - Fast Track (DT000003) was created by CONTOSO\\smsadmin.',
    );
    expect(posts('/api/deployment-templates')).toHaveLength(1);
    expect(templates().find((template) => template.name === 'Pilot - Fast Track')).toMatchObject({
      id: 'DT000003',
      description: 'Pilot first',
      collectionId: 'CEN00011',
      useUtc: true,
      duration: 3,
      durationUnits: 'Days',
      suppressRestartServers: true,
      generateOperationsManagerAlertOnFailure: true,
      slowBoundary: 'download-and-install',
      unprotectedDistributionPoint: 'do-not-install',
      deployToSms2003Clients: true,
      collectInventoryImmediately: true,
      createdBy: smsadmin,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onCreated).toHaveBeenCalledWith('DT000003');
  });

  it('says what is wrong next to the field, and Previous keeps what was entered', async () => {
    await startSite();
    const { user, page, next, previous } = openWizard();
    await next();
    const name = within(page('General')).getByRole('textbox', { name: 'Name:' });
    expect(errorOf(name)).toBe('Enter a name for the deployment template.');
    await user.type(name, 'Keep me');
    expect(name).not.toHaveAttribute('aria-invalid');
    await next();
    await user.click(
      within(page('Collection')).getByRole('radio', { name: 'Specify a collection for the deployments' }),
    );
    await next();
    expect(errorOf(within(page('Collection')).getByRole('combobox', { name: 'Collection to deploy to:' }))).toBe(
      'Choose the collection, or choose "Do not specify a collection".',
    );
    await previous();
    expect(within(page('General')).getByRole('textbox', { name: 'Name:' })).toHaveValue('Keep me');
    await next();
    expect(
      within(page('Collection')).getByRole('radio', { name: 'Specify a collection for the deployments' }),
    ).toBeChecked();
    expect(posts('/api/deployment-templates')).toHaveLength(0);
  });

  it.each([
    ['24', 'Hours', 'accepted'],
    ['25', 'Hours', 'The duration must be a whole number of hours from 1 to 24.'],
    ['365', 'Days', 'accepted'],
    ['366', 'Days', 'The duration must be a whole number of days from 1 to 365.'],
    ['4', 'Weeks', 'accepted'],
    ['5', 'Weeks', 'The duration must be a whole number of weeks from 1 to 4.'],
    ['12', 'Months', 'accepted'],
    ['13', 'Months', 'The duration must be a whole number of months from 1 to 12.'],
    ['0', 'Days', 'The duration must be a whole number of days from 1 to 365.'],
    ['', 'Weeks', 'The duration must be a whole number of weeks from 1 to 4.'],
  ])('Display/Time Settings: a duration of "%s" %s: %s', async (duration, units, problem) => {
    await startSite();
    const { user, page, next } = openWizard();
    await user.type(within(page('General')).getByRole('textbox', { name: 'Name:' }), 'Durations');
    await next();
    await next();
    const display = page('Display/Time Settings');
    const box = within(display).getByRole('spinbutton', { name: 'Duration:' });
    await user.selectOptions(within(display).getByRole('combobox', { name: 'Duration units' }), units);
    await user.clear(box);
    if (duration) await user.type(box, duration);
    await next();
    if (problem !== 'accepted') {
      expect(errorOf(within(page('Display/Time Settings')).getByRole('spinbutton', { name: 'Duration:' }))).toContain(
        problem,
      );
    } else {
      expect(page('Restart Settings')).toBeInTheDocument();
    }
  });

  it("refuses a name already taken with the server's message, next to Name on the General page", async () => {
    await startSite();
    const { user, dialog, page, next } = openWizard();
    await user.type(within(page('General')).getByRole('textbox', { name: 'Name:' }), 'servers - standard');
    for (let step = 0; step < 7; step++) await next();
    expect(page('Summary')).toBeInTheDocument();
    await next();
    const message =
      'There is already a deployment template named "Servers - Standard" (DT000002): choose another name.';
    const name = await within(page('General')).findByRole('textbox', { name: 'Name:' });
    expect(errorOf(name)).toBe(message);
    expect(within(dialog).getByRole('alert')).toHaveTextContent(`The deployment template was not created: ${message}`);
    expect(templates()).toHaveLength(2);
  });

  it('is refused to CONTOSO\\patchadmin, saying which right is missing', async () => {
    await startSite();
    const { dialog } = openWizard(patchadmin);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The deployment template cannot be created: CONTOSO\\patchadmin has no Create right on Deployment Templates.',
    );
    expect(within(dialog).getByRole('button', { name: 'Next >' })).toBeDisabled();
  });
});

describe('the actions of Deployment Templates', () => {
  const node = { id: 'software-updates/deployment-templates', kind: 'deployment-templates' };
  it('greys out "New Deployment Template..." with the reason, and Delete without the Delete right', () => {
    const open = vi.fn();
    const { nodeActions, objectActions } = deploymentTemplateActions({
      admin: patchadmin,
      node,
      classRights: { canCreate: false, whyNot: 'CONTOSO\\patchadmin has no Create right on Deployment Templates' },
      focused: { id: 'DT000001' },
      selectedCount: 1,
      targetRights: ['Read'],
      open,
    });
    expect(nodeActions).toEqual([
      expect.objectContaining({
        label: 'New Deployment Template...',
        disabledBecause: 'CONTOSO\\patchadmin has no Create right on Deployment Templates',
      }),
    ]);
    expect(objectActions.map((action) => [action.label, action.disabledBecause])).toEqual([
      ['Deploy with Template...', undefined],
      ['Delete', 'CONTOSO\\patchadmin has no Delete right on deployment template DT000001'],
    ]);
    objectActions[0]?.run();
    expect(open).toHaveBeenCalledWith('deploy-with-template', 'DT000001');
  });
});

function openProperties(admin: string, templateId = 'DT000001') {
  const onClose = vi.fn();
  const user = renderWith(
    <DeploymentTemplatePropertiesDialog admin={admin} templateId={templateId} onClose={onClose} />,
  );
  return { user, onClose };
}

describe("a deployment template's Properties", () => {
  it('shows the wizard pages as tabs and saves changes with PATCH, given Modify', async () => {
    await startSite();
    const { user, onClose } = openProperties(smsadmin);
    const dialog = await screen.findByRole('dialog', { name: 'Workstations - SMS 2003 Clients Properties' });
    const tabs = within(dialog)
      .getAllByRole('tab')
      .map((tab) => tab.textContent);
    expect(tabs).toEqual([
      'General',
      'Collection',
      'Display/Time Settings',
      'Restart Settings',
      'Event Generation',
      'Download Settings',
      'SMS 2003 Settings',
      'Security',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeDisabled();
    await user.click(within(dialog).getByRole('tab', { name: 'Display/Time Settings' }));
    const duration = within(dialog).getByRole('spinbutton', { name: 'Duration:' });
    expect(duration).toHaveValue(1);
    await user.clear(duration);
    await user.type(duration, '9');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    // Nine weeks is refused on the tab, before anything is sent.
    expect(errorOf(within(dialog).getByRole('spinbutton', { name: 'Duration:' }))).toContain(
      'The duration must be a whole number of weeks from 1 to 4.',
    );
    expect(posts('/api/deployment-templates/DT000001', 'PATCH')).toHaveLength(0);
    await user.clear(within(dialog).getByRole('spinbutton', { name: 'Duration:' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Duration:' }), '3');
    await user.click(within(dialog).getByRole('tab', { name: 'Restart Settings' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Workstations' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'The changes to the deployment template were saved.',
    );
    expect(posts('/api/deployment-templates/DT000001', 'PATCH')).toHaveLength(1);
    expect(templates().find((template) => template.id === 'DT000001')).toMatchObject({
      duration: 3,
      suppressRestartWorkstations: true,
      deployToSms2003Clients: true,
    });
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(onClose).toHaveBeenCalled();
  });

  it("refuses a name another template has, with the server's message on the General tab", async () => {
    await startSite();
    const { user } = openProperties(smsadmin);
    const dialog = await screen.findByRole('dialog', { name: 'Workstations - SMS 2003 Clients Properties' });
    const name = within(dialog).getByRole('textbox', { name: 'Name:' });
    await user.clear(name);
    await user.type(name, 'Servers - Standard');
    await user.click(within(dialog).getByRole('tab', { name: 'Event Generation' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('There is already a deployment template named');
    expect(within(dialog).getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
    expect(errorOf(within(dialog).getByRole('textbox', { name: 'Name:' }))).toContain('choose another name');
    expect(templates().find((template) => template.id === 'DT000001')?.name).toBe('Workstations - SMS 2003 Clients');
  });

  it('is read-only, saying why, without Modify; and refused outright to CONTOSO\\patchadmin', async () => {
    const site = await startSite();
    // smsadmin's own template, made with the wizard's endpoint: its creator holds every right on it.
    const settings = Object.fromEntries(
      Object.entries(templates()[0] ?? {}).filter(
        ([key]) => !['id', 'name', 'description', 'createdBy', 'createdAt'].includes(key),
      ),
    );
    const made = await site.call('/api/deployment-templates', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Made by smsadmin', description: '', settings }),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const id = (made.body.item as { id: string }).id;

    openProperties(patchadmin, id);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `CONTOSO\\patchadmin has no Read right on deployment template ${id}`,
    );
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    cleanup();

    // Someone granted Read only: the same template, every control disabled, and the reason.
    site.server.use(
      http.get(`*/api/deployment-templates/${id}`, () =>
        HttpResponse.json({ item: templates().find((template) => template.id === id), rights: ['Read'] }),
      ),
    );
    const { user } = openProperties(smsadmin, id);
    const dialog = await screen.findByRole('dialog', { name: 'Made by smsadmin Properties' });
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      `These properties are read-only: CONTOSO\\smsadmin has no Modify right on deployment template ${id}.`,
    );
    expect(within(dialog).getByRole('textbox', { name: 'Name:' })).toHaveAttribute('readonly');
    await user.click(within(dialog).getByRole('tab', { name: 'SMS 2003 Settings' }));
    expect(
      within(dialog).getByRole('checkbox', { name: 'Deploy software updates to SMS 2003 clients' }),
    ).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeDisabled();
    await user.click(within(dialog).getByRole('tab', { name: 'Security' }));
    expect(within(within(dialog).getByRole('list', { name: 'Rights held' })).getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('Delete on a selected template', () => {
  it('asks first, with No focused, and deletes with Yes', async () => {
    await startSite();
    const onDeleted = vi.fn();
    const onClose = vi.fn();
    const user = renderWith(
      <DeleteDeploymentTemplateDialog admin={smsadmin} templateId="DT000002" onClose={onClose} onDeleted={onDeleted} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Confirm Delete' });
    expect(within(dialog).getByRole('button', { name: 'No' })).toHaveFocus();
    expect(await within(dialog).findByText('Servers - Standard')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(templates().map((template) => template.id)).toEqual(['DT000001']);
  });
});

describe('"Deploy with Template..." (the keyboard\'s way to drag an update list onto a template)', () => {
  const updateIds = (test: (title: string, legacy: boolean) => boolean) =>
    (harness?.backend.state.softwareUpdates ?? [])
      .filter((update) => !update.expired && test(update.title, update.legacy))
      .map((update) => update.id);

  it('deploys the software updates selected in Update Repository with the template', async () => {
    await startSite();
    const ids = updateIds((title, legacy) => !legacy && title.includes('KB958644')).slice(0, 2);
    expect(ids).toHaveLength(2);
    rememberUpdateSelection({ admin: smsadmin, nodeName: 'Update Repository', updateIds: ids, selectedCount: 2 });
    const onDeploy = vi.fn();
    const user = renderWith(
      <DeployWithTemplateDialog
        admin={smsadmin}
        templateId="DT000002"
        updateIds={null}
        onClose={vi.fn()}
        onDeploy={onDeploy}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Deploy with Template' });
    expect(await within(dialog).findByText('Servers - Standard')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('radio', { name: 'The 2 software updates selected in Update Repository' }),
    ).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'The software updates of an update list' })).toBeDisabled();
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    await waitFor(() => expect(ok).toBeEnabled());
    await user.click(ok);
    expect(onDeploy).toHaveBeenCalledWith('DT000002', ids);
  });

  it('says beforehand that a template with SMS 2003 settings is not offered for an update not Deployable to SMS 2003', async () => {
    await startSite();
    const ids = updateIds((title) => title === CONTOSO.notDeployableToSms2003[0]);
    expect(ids).toHaveLength(1);
    const user = renderWith(
      <DeployWithTemplateDialog
        admin={smsadmin}
        templateId={null}
        updateIds={ids}
        onClose={vi.fn()}
        onDeploy={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Deploy with Template' });
    expect(within(dialog).getByText('1 software update')).toBeInTheDocument();
    const template = within(dialog).getByRole('combobox', { name: 'Deployment template:' });
    await waitFor(() =>
      expect(within(template).getByRole('option', { name: 'Servers - Standard' })).toBeInTheDocument(),
    );
    await user.selectOptions(template, 'DT000001');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'offered only when every software update is Deployable to SMS 2003',
    );
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();
    await user.selectOptions(template, 'DT000002');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'OK' })).toBeEnabled());
  });
});
