import { expect, test, type Locator, type Page } from '@playwright/test';
import { expandNode, openConsole, selectNode, switchStage } from './support';

const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actions(page).getByRole('button', { name, exact: true });
const WORKSTATIONS = 'Workstations - SMS 2003 Clients';
const SERVERS = 'Servers - Standard';
const KB890830 = 'Windows Malicious Software Removal Tool - December 2008 (KB890830)';

/** Update Repository, "Look for" the text, Find Now, then Ctrl+A: every matching update selected. */
async function selectUpdatesMatching(page: Page, text: string) {
  await selectNode(page, 'Update Repository');
  await page.getByRole('searchbox', { name: 'Look for' }).fill(text);
  await page.getByRole('button', { name: 'Find Now' }).click();
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(grid.getByRole('row').nth(1)).toContainText(text);
  await grid.getByRole('row').nth(1).click();
  await page.keyboard.press('Control+a');
  return grid;
}

/** The radios of the templates on the Template Selection page: which are offered (enabled). */
async function offeredTemplates(wizard: Locator) {
  const offered: string[] = [];
  for (const name of [WORKSTATIONS, SERVERS]) {
    if (await wizard.getByRole('radio', { name }).isEnabled()) offered.push(name);
  }
  return offered;
}

async function openWizard(page: Page) {
  await action(page, 'Deploy Software Updates...').click();
  const wizard = page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  await expect(wizard.getByRole('region', { name: 'Template Selection' })).toBeVisible();
  await expect(wizard.getByRole('radio', { name: SERVERS })).toBeVisible();
  return wizard;
}

test('Template Selection: MS08-067 alone offers both templates; with KB890830 only Servers - Standard', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Configured');
  await expandNode(page, 'Software Updates');

  // CONTOSO\smsadmin selects only the MS08-067 updates (Bulletin ID MS08-067) and starts the wizard.
  await selectUpdatesMatching(page, 'MS08-067');
  let wizard = await openWizard(page);
  expect(await offeredTemplates(wizard)).toEqual([WORKSTATIONS, SERVERS]);
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard).toBeHidden();

  // Adding Windows Malicious Software Removal Tool - December 2008 (KB890830): the selection is carried by a demo link
  // (?wizard=deploy-software-updates&updates=...), since one search cannot find both.
  const ids = await page.evaluate(async () => {
    const headers = { 'X-Admin': 'CONTOSO\\smsadmin' };
    const find = async (q: string) => {
      const answer = await fetch(`/api/software-updates?q=${encodeURIComponent(q)}&limit=100`, { headers });
      return ((await answer.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
    };
    return [...(await find('MS08-067')), ...(await find('KB890830'))];
  });
  await openConsole(
    page,
    `/console/software-updates/update-repository?wizard=deploy-software-updates&updates=${ids.join(',')}`,
  );
  wizard = page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  await expect(wizard.getByRole('radio', { name: SERVERS })).toBeVisible();
  expect(await offeredTemplates(wizard)).toEqual([SERVERS]);
  // The page says why, naming the update that prevents it.
  await expect(wizard.getByRole('radio', { name: WORKSTATIONS })).toHaveAccessibleDescription(
    new RegExp(`${WORKSTATIONS} is not offered: .*${KB890830.replace(/[()]/g, '\\$&')}`),
  );
});

test('a full deployment to CEN Pilot Workstations, its settings saved as a template, and compliance moving on the site clock', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Configured');
  await expandNode(page, 'Software Updates');
  await selectUpdatesMatching(page, 'MS08-067');
  const wizard = await openWizard(page);
  const next = () => wizard.getByRole('button', { name: 'Next >' }).click();
  const onPage = (name: string) => expect(wizard.getByRole('region', { name })).toBeVisible();

  // Template Selection: a new deployment (the default).
  await expect(wizard.getByRole('radio', { name: 'Create a new deployment' })).toBeChecked();
  await next();
  // General: the name is required.
  await onPage('General');
  await next();
  await expect(wizard.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Enter a name/);
  await wizard.getByRole('textbox', { name: 'Name' }).fill('MS08-067 - CEN Pilot Workstations');
  await next();
  await onPage('Collection');
  await wizard
    .getByRole('combobox', { name: 'Collection' })
    .selectOption({ label: 'CEN Pilot Workstations (CEN00011)' });
  await next();
  await onPage('Display/Time Settings');
  await next();
  await onPage('Restart Settings');
  await next();
  await onPage('Event Generation');
  await next();
  await onPage('Download Settings');
  await next();
  // Every MS08-067 update is Deployable to SMS 2003: the SMS 2003 Settings page is shown.
  await onPage('SMS 2003 Settings');
  await next();
  // The updates are not downloaded yet: a new deployment package, its source checked.
  await onPage('Deployment Package');
  await wizard.getByRole('radio', { name: 'Create a new deployment package' }).check();
  await wizard.getByRole('textbox', { name: 'Name' }).fill('MS08-067');
  await wizard.getByRole('textbox', { name: 'Package source' }).fill('not a share');
  await next();
  await expect(wizard.getByRole('textbox', { name: 'Package source' })).toHaveAccessibleDescription(/UNC path/);
  await wizard.getByRole('textbox', { name: 'Package source' }).fill('\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067');
  await next();
  await onPage('Download Location');
  await next();
  await onPage('Language Selection');
  await expect(wizard.getByRole('checkbox', { name: 'English' })).toBeChecked();
  await next();
  await onPage('Deployment Schedule');
  await next();
  await onPage('Summary');
  await wizard.getByRole('checkbox', { name: 'Save these settings as a template' }).check();
  await wizard.getByRole('textbox', { name: 'Template name' }).fill('Pilot Workstations - Standard');
  await next();
  await expect(wizard.getByRole('status').filter({ hasText: 'completed successfully' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(wizard).toBeHidden();

  // The deployment is under Deployment Management; the template under Deployment Templates.
  await selectNode(page, 'Deployment Management');
  const deployments = page.getByRole('grid', { name: 'Deployment Management' });
  const row = deployments.getByRole('row').filter({ hasText: 'MS08-067 - CEN Pilot Workstations' });
  await expect(row).toContainText('CEN Pilot Workstations');
  await selectNode(page, 'Deployment Templates');
  await expect(page.getByRole('grid', { name: 'Deployment Templates' })).toContainText('Pilot Workstations - Standard');

  // Compliance moves as the site clock runs: the rollout ends, and the Installed total has grown.
  await selectNode(page, 'Deployment Management');
  await row.dblclick();
  const properties = page.getByRole('dialog', { name: 'MS08-067 - CEN Pilot Workstations Properties' });
  // The Compliance group: "Installed:" and its count.
  const installed = properties.locator('dt:text-is("Installed:") + dd');
  const installedText = async () => Number(((await installed.textContent()) ?? '').replace(/[^\d]/g, ''));
  await expect(installed).toHaveText(/^[\d,]+$/);
  const before = await installedText();
  await properties.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Site clock options' }).click();
  await page.getByRole('menuitem', { name: 'Fast-forward to end of running jobs' }).click();
  await expect(page.getByRole('button', { name: /^Site jobs: no jobs running/i })).toBeVisible();
  await row.dblclick();
  await expect.poll(installedText).toBeGreaterThan(before);
});
