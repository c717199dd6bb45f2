import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connectAs, openConsole } from './support';

// Each walkthrough is followed from its own panel: the current step's text is read, done in the console as it says,
// and the step is seen ticked. Long ones drive two wizards on a busy machine.
test.describe.configure({ timeout: 180_000 });

const SHOTS = process.env.WALKTHROUGH_SHOTS;

const panelOf = (page: Page) => page.getByRole('region', { name: 'Walkthrough', exact: true });
const action = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Actions' }).getByRole('button', { name, exact: true });

/** Opens a walkthrough by its link and starts it (the site is reset to its stage after the confirmation). */
async function startWalkthrough(page: Page, id: string, title: string): Promise<Locator> {
  await openConsole(page, `/console/software-updates/update-repository?walkthrough=${id}`);
  const panel = panelOf(page);
  await expect(panel.getByRole('heading', { name: title })).toBeVisible();
  await panel.getByRole('button', { name: /^(Start|Restart)$/ }).click();
  const confirm = page.getByRole('dialog', { name: /^(Start|Restart) Walkthrough$/ });
  await expect(confirm).toContainText(title);
  await confirm.getByRole('button', { name: 'OK' }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByText(/Started .* by CONTOSO/)).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(/^Site Database/);
  await expect(panel.getByRole('progressbar', { name: 'Walkthrough progress' })).toHaveAttribute('aria-valuenow', '0');
  return panel;
}

/** The current step must be this one: answers what it says to do (read from the panel). */
async function currentStep(panel: Locator, title: string): Promise<string> {
  const step = panel.locator('li[aria-current="step"]');
  await expect(step).toContainText(title);
  await expect(step.getByRole('img', { name: 'Current step' })).toBeVisible();
  return (await step.textContent()) ?? '';
}

async function expectDone(panel: Locator, title: string) {
  await expect(
    panel.getByRole('list', { name: 'Steps' }).getByRole('listitem').filter({ hasText: title }).getByRole('img', {
      name: 'Done',
    }),
  ).toBeVisible({ timeout: 10_000 });
}

/** "Show me" on the current step: its node opens, and its action (if any) is marked and focused. */
async function showMe(page: Page, panel: Locator, actionName?: string) {
  await panel.locator('li[aria-current="step"]').getByRole('button', { name: 'Show me' }).click();
  if (actionName) {
    await expect(action(page, actionName)).toBeFocused();
    await expect(action(page, actionName)).toHaveAttribute('data-walkthrough-highlight', '');
  }
}

/** A step completed by opening its node: Show me does it. */
async function viewStep(page: Page, panel: Locator, title: string, heading: string) {
  const text = await currentStep(panel, title);
  expect(text).toContain(heading);
  await showMe(page, panel);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectDone(panel, title);
}

async function fastForwardJobs(page: Page) {
  await page.getByRole('button', { name: 'Site clock options' }).click();
  await page
    .getByRole('menu', { name: 'Site clock options' })
    .getByRole('menuitem', { name: 'Fast-forward to end of running jobs' })
    .click();
  await expect(page.getByRole('button', { name: /^Site jobs: no jobs running/i })).toBeVisible();
}

async function expectComplete(panel: Locator) {
  await expect(panel.getByRole('status')).toHaveText('Walkthrough complete: every step is done.');
}

async function axe(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Creates the software update point with the proposed settings (New Roles..., OK). */
async function createSoftwareUpdatePoint(page: Page, panel: Locator) {
  const text = await currentStep(panel, 'Create the software update point');
  expect(text).toContain('New Roles...');
  await showMe(page, panel, 'New Roles...');
  await action(page, 'New Roles...').click();
  const roles = page.getByRole('dialog', { name: 'Software Update Point Component Properties' });
  await roles.getByRole('button', { name: 'OK' }).click();
  await expect(roles).toBeHidden();
  await expectDone(panel, 'Create the software update point');
}

test('Help > Walkthroughs... lists the walkthroughs; the panel passes axe, and the console stays usable beside it', async ({
  page,
}) => {
  await openConsole(page);
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Walkthroughs...' }).click();
  const list = panelOf(page).getByRole('list', { name: 'Walkthroughs' });
  for (const title of [
    'Touring what the upgrade migrated',
    'Running the upgrade',
    'Bringing updates back',
    'Cleaning up LEGACY updates',
    'Deploying to SMS 2003 clients with a template',
    'Delegating after the upgrade',
    'Republishing custom updates',
  ]) {
    await expect(list.getByRole('button', { name: title })).toBeVisible();
  }
  await shot(page, 'walkthrough-list');
  await axe(page, 'section[aria-label="Walkthrough"]');
  await list.getByRole('button', { name: 'Bringing updates back' }).click();
  await expect(page).toHaveURL(/walkthrough=bring-updates-back/);
  // The console goes on: another node opens, the panel stays.
  await page
    .getByRole('tree', { name: 'Console tree' })
    .getByRole('treeitem', { name: 'Deployment Templates' })
    .click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Deployment Templates');
  await expect(page).toHaveURL(/walkthrough=bring-updates-back/);
  await panelOf(page).getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('dialog', { name: 'Start Walkthrough' })).toBeVisible();
  await axe(page, 'dialog[open]');
  await shot(page, 'walkthrough-start');
  await page.getByRole('dialog', { name: 'Start Walkthrough' }).getByRole('button', { name: 'Cancel' }).click();
  await panelOf(page).getByRole('button', { name: 'Close walkthrough' }).click();
  await expect(panelOf(page)).toBeHidden();
  await expect(page).not.toHaveURL(/walkthrough=/);
});

test('Touring what the upgrade migrated: every step by Show me, progress kept across a reload', async ({ page }) => {
  const panel = await startWalkthrough(page, 'tour-the-upgrade', 'Touring what the upgrade migrated');
  await viewStep(page, panel, 'See the migrated updates', 'Update Repository');
  await viewStep(page, panel, 'See the migrated distributions', 'SMS 2003 Advertisements');
  await shot(page, 'walkthrough-tour');
  await axe(page, 'section[aria-label="Walkthrough"]');
  // Saved for the administrator: a reload keeps the steps done and the panel open.
  await page.reload();
  await expect(panelOf(page).getByRole('progressbar', { name: 'Walkthrough progress' })).toHaveAttribute(
    'aria-valuenow',
    '2',
  );
  await viewStep(page, panel, 'Find the distribution that was not migrated', 'Packages');
  await expect(page.getByRole('grid', { name: 'Packages' })).toContainText('LON Critical Updates 2008-04');
  await viewStep(page, panel, 'Read the Migration Report', 'Migration Report');
  await viewStep(page, panel, 'Check who may do what', 'Security Rights');
  await viewStep(page, panel, 'Read ConfigMgrSetup.log', 'ConfigMgrSetup.log');
  await expectComplete(panel);
});

test('Running the upgrade: from the SMS 2003 site through the Setup wizard to the log and the report', async ({
  page,
}) => {
  const panel = await startWalkthrough(page, 'run-the-upgrade', 'Running the upgrade');
  await expect(page.getByRole('tree', { name: 'Console tree' })).toContainText('Systems Management Server');
  await viewStep(page, panel, 'Look at the SMS 2003 advertisements', 'Advertisements');
  await viewStep(page, panel, 'Check the package sources', 'Packages');

  const text = await currentStep(panel, 'Run Setup');
  expect(text).toContain('Upgrade Site...');
  await showMe(page, panel, 'Upgrade Site...');
  await page.keyboard.press('Enter');
  const wizard = page.getByRole('dialog', { name: /Setup Wizard - Upgrade Site/ });
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('table', { name: 'Pre-upgrade checks' })).toContainText('LON Critical Updates 2008-04');
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await wizard.getByRole('button', { name: 'Begin Install' }).click();
  await expect(wizard.getByRole('status')).toContainText('Setup completed the upgrade', { timeout: 20_000 });
  await expectDone(panel, 'Run Setup');
  // The wizard's own way to the log opens the next step's node: it is done too.
  await wizard.getByRole('button', { name: 'View ConfigMgrSetup.log' }).click();
  await expectDone(panel, 'Read ConfigMgrSetup.log');
  await viewStep(page, panel, 'Read the Migration Report', 'Migration Report');
  await expectComplete(panel);
});

test('Bringing updates back: software update point, synchronization, the KB 954474 failure and its fix', async ({
  page,
}) => {
  const panel = await startWalkthrough(page, 'bring-updates-back', 'Bringing updates back');
  await createSoftwareUpdatePoint(page, panel);

  let text = await currentStep(panel, 'Synchronize with WSUS');
  expect(text).toContain('Run Synchronization');
  await showMe(page, panel, 'Run Synchronization');
  await action(page, 'Run Synchronization').click();
  await fastForwardJobs(page);
  await expectDone(panel, 'Synchronize with WSUS');

  // Both jobs ended: Setup's Microsoft Updates Tool Sync failed at 10:15.
  text = await currentStep(panel, 'Find why the Microsoft Updates Tool Sync failed');
  expect(text).toContain('Status Messages');
  await showMe(page, panel);
  await expect(page.getByRole('grid', { name: 'Status Messages' })).toContainText('954474');
  await expectDone(panel, 'Find why the Microsoft Updates Tool Sync failed');

  text = await currentStep(panel, 'Install KB 954474 on the site server');
  await showMe(page, panel, 'Install Update KB954474 on Site Server...');
  await action(page, 'Install Update KB954474 on Site Server...').click();
  const install = page.getByRole('dialog', { name: 'Install Update KB954474 on Site Server' });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await install.getByRole('button', { name: 'Close', exact: true }).click();
  await expectDone(panel, 'Install KB 954474 on the site server');

  text = await currentStep(panel, 'Run the Microsoft Updates Tool Sync again');
  expect(text).toContain('Run Advertisement...');
  // Show me selects the Microsoft Updates Tool Sync advertisement, so its action is there.
  await showMe(page, panel, 'Run Advertisement...');
  await action(page, 'Run Advertisement...').click();
  const run = page.getByRole('dialog', { name: 'Run Advertisement' });
  await expect(run).toContainText('Microsoft Updates Tool Sync');
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  await run.getByRole('button', { name: 'Close', exact: true }).click();
  await fastForwardJobs(page);
  await expectDone(panel, 'Run the Microsoft Updates Tool Sync again');

  await viewStep(page, panel, 'See the updates back', 'Update Repository');
  await expectComplete(panel);
  await shot(page, 'walkthrough-complete');
});

test('Cleaning up LEGACY updates: the script, the hidden updates, and the migrated deployment let go', async ({
  page,
}) => {
  const panel = await startWalkthrough(page, 'clean-up-legacy-updates', 'Cleaning up LEGACY updates');
  const text = await currentStep(panel, 'Run the LEGACY clean-up script');
  expect(text).toContain('Run LEGACY Clean-up Script...');
  await showMe(page, panel, 'Run LEGACY Clean-up Script...');
  await action(page, 'Run LEGACY Clean-up Script...').click();
  const script = page.getByRole('dialog', { name: 'LEGACY Clean-up Script' });
  await expect(script.getByRole('list', { name: 'Kept visible by' })).toContainText('Security Updates 2008-01');
  await script.getByRole('button', { name: 'Run Script' }).click();
  await script.getByRole('button', { name: 'Close', exact: true }).click();
  await expectDone(panel, 'Run the LEGACY clean-up script');

  await viewStep(page, panel, 'See what was hidden', 'Hidden Software Updates');

  expect(await currentStep(panel, 'Let a migrated deployment go')).toContain('Security Updates 2008-01');
  await showMe(page, panel);
  await page
    .getByRole('grid', { name: 'SMS 2003 Advertisements' })
    .getByRole('row')
    .filter({ hasText: 'Security Updates 2008-01' })
    .click();
  await action(page, 'Delete').click();
  await page.getByRole('dialog', { name: 'Confirm Delete' }).getByRole('button', { name: 'Yes' }).click();
  await expectDone(panel, 'Let a migrated deployment go');
  await expectComplete(panel);
});

const TEMPLATE_PAGES = [
  'General',
  'Collection',
  'Display/Time Settings',
  'Restart Settings',
  'Event Generation',
  'Download Settings',
  'SMS 2003 Settings',
  'Summary',
];

/** Goes through the Deployment Template Wizard page by page (answering each with `answer`) to its Confirmation. */
async function finishTemplateWizard(wizard: Locator, answer: (page: string) => Promise<void>) {
  for (const name of TEMPLATE_PAGES) {
    await expect(wizard.getByRole('region', { name, exact: true })).toBeVisible();
    await answer(name);
    await wizard.getByRole('button', { name: 'Next >' }).click();
  }
  await expect(wizard.getByRole('region', { name: 'Confirmation', exact: true })).toBeVisible();
}

/** Goes through the Deploy Software Updates Wizard page by page, answering the pages that need it. */
async function deployWizard(
  page: Page,
  answers: { template: string | null; name: string; collection?: string; packageName: string },
) {
  const wizard = page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  const on = (name: string) => wizard.getByRole('region', { name, exact: true });
  await expect(on('Template Selection')).toBeVisible();
  for (let pageNumber = 0; pageNumber < 20; pageNumber++) {
    if (await on('Template Selection').isVisible()) {
      if (answers.template) await wizard.getByRole('radio', { name: answers.template }).check();
    } else if (await on('General').isVisible()) {
      await wizard.getByRole('textbox', { name: 'Name' }).fill(answers.name);
    } else if ((await on('Collection').isVisible()) && answers.collection) {
      await wizard.getByRole('combobox', { name: 'Collection' }).selectOption({ label: answers.collection });
    } else if (await on('Deployment Package').isVisible()) {
      await wizard.getByRole('radio', { name: 'Create a new deployment package' }).check();
      await wizard.getByRole('textbox', { name: 'Name' }).fill(answers.packageName);
      await wizard
        .getByRole('textbox', { name: 'Package source' })
        .fill(`\\\\CEN-SMS01\\PkgSrc$\\Updates\\${answers.packageName}`);
    } else if (await on('Summary').isVisible()) {
      await wizard.getByRole('button', { name: 'Next >' }).click();
      break;
    }
    await wizard.getByRole('button', { name: 'Next >' }).click();
  }
  await expect(wizard.getByRole('status').filter({ hasText: 'completed successfully' })).toBeVisible({
    timeout: 15_000,
  });
  await wizard.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(wizard).toBeHidden();
}

test('Deploying to SMS 2003 clients with a template, and seeing the template disappear with KB890830', async ({
  page,
}) => {
  const WORKSTATIONS = 'Workstations - SMS 2003 Clients';
  const panel = await startWalkthrough(
    page,
    'deploy-to-sms-2003-clients',
    'Deploying to SMS 2003 clients with a template',
  );

  let text = await currentStep(panel, 'Create a template for SMS 2003 clients');
  expect(text).toContain(WORKSTATIONS);
  await showMe(page, panel, 'New Deployment Template...');
  await action(page, 'New Deployment Template...').click();
  const templateWizard = page.getByRole('dialog', { name: 'Deployment Template Wizard' });
  await templateWizard.getByRole('textbox', { name: 'Name:' }).fill(WORKSTATIONS);
  await finishTemplateWizard(templateWizard, async (region) => {
    if (region === 'Collection') {
      await templateWizard.getByRole('radio', { name: 'Specify a collection for the deployments' }).check();
      await templateWizard
        .getByRole('combobox', { name: 'Collection to deploy to:' })
        .selectOption({ label: 'All Windows XP Systems (SMS000GS)' });
    }
    if (region === 'SMS 2003 Settings') {
      await templateWizard.getByRole('checkbox', { name: 'Deploy software updates to SMS 2003 clients' }).check();
    }
  });
  await templateWizard.getByRole('button', { name: 'Close', exact: true }).click();
  await expectDone(panel, 'Create a template for SMS 2003 clients');

  text = await currentStep(panel, 'Deploy MS08-067 with it');
  expect(text).toContain('Deploy Software Updates...');
  await showMe(page, panel, 'Deploy Software Updates...');
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await page.getByRole('searchbox', { name: 'Look for' }).fill('MS08-067');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText('MS08-067');
  await grid.getByRole('row').nth(1).click();
  await page.keyboard.press('Control+a');
  await action(page, 'Deploy Software Updates...').click();
  await deployWizard(page, { template: WORKSTATIONS, name: 'MS08-067 - Workstations', packageName: 'MS08-067' });
  await expectDone(panel, 'Deploy MS08-067 with it');

  text = await currentStep(panel, 'See the template disappear');
  expect(text).toContain('KB890830');
  await showMe(page, panel, 'Deploy Software Updates...');
  await page.getByRole('searchbox', { name: 'Look for' }).fill('KB890830');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText('KB890830');
  await grid.getByRole('row').nth(1).click();
  await action(page, 'Deploy Software Updates...').click();
  const wizard = page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  await expect(wizard.getByRole('radio', { name: WORKSTATIONS })).toBeDisabled();
  await expect(wizard.getByRole('radio', { name: WORKSTATIONS })).toHaveAccessibleDescription(/KB890830/);
  await deployWizard(page, {
    template: null,
    name: 'KB890830 - Servers',
    collection: 'All Windows Server 2003 Systems (SMS000ES)',
    packageName: 'KB890830',
  });
  await expectDone(panel, 'See the template disappear');
  await expectComplete(panel);
});

test('Delegating after the upgrade: Security Rights, the grant, patchadmin’s template and the audit log', async ({
  page,
}) => {
  const panel = await startWalkthrough(page, 'delegate-after-the-upgrade', 'Delegating after the upgrade');
  let text = await currentStep(panel, 'See what patchadmin may do');
  expect(text).toContain('Connect as CONTOSO\\patchadmin and open Deployment Templates');
  await connectAs(page, 'CONTOSO\\patchadmin');
  await page
    .getByRole('tree', { name: 'Console tree' })
    .getByRole('treeitem', { name: 'Deployment Templates' })
    .click();
  await expect(page.getByRole('note', { name: 'Access denied' })).toContainText(
    'CONTOSO\\patchadmin has no Read right on Deployment Templates',
  );
  // The step is smsadmin's: the panel offers to connect back.
  await panelOf(page).getByRole('button', { name: 'Connect as CONTOSO\\smsadmin' }).click();
  await showMe(page, panel);
  await expectDone(panel, 'See what patchadmin may do');

  text = await currentStep(panel, 'Grant Read and Create on Deployment Templates');
  expect(text).toContain('Grant Rights...');
  await showMe(page, panel, 'Grant Rights...');
  await action(page, 'Grant Rights...').click();
  const grant = page.getByRole('dialog', { name: 'Grant Rights' });
  await grant.getByRole('combobox', { name: 'User name' }).selectOption('CONTOSO\\patchadmin');
  await grant.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Deployment Templates' });
  await grant.getByRole('group', { name: 'Rights' }).getByRole('checkbox', { name: 'Read', exact: true }).check();
  await grant.getByRole('group', { name: 'Rights' }).getByRole('checkbox', { name: 'Create', exact: true }).check();
  await grant.getByRole('button', { name: 'OK' }).click();
  await expectDone(panel, 'Grant Read and Create on Deployment Templates');

  text = await currentStep(panel, 'Create a template as patchadmin');
  await panel.getByRole('button', { name: 'Connect as CONTOSO\\patchadmin' }).click();
  await expect(page.getByRole('combobox', { name: 'Connected as' })).toHaveValue('CONTOSO\\patchadmin');
  await showMe(page, panel, 'New Deployment Template...');
  await action(page, 'New Deployment Template...').click();
  const wizard = page.getByRole('dialog', { name: 'Deployment Template Wizard' });
  await wizard.getByRole('textbox', { name: 'Name:' }).fill('Patch Tuesday - Pilot');
  await finishTemplateWizard(wizard, async () => {});
  await wizard.getByRole('button', { name: 'Close', exact: true }).click();
  await expectDone(panel, 'Create a template as patchadmin');

  text = await currentStep(panel, 'Read the audit log');
  await panel.getByRole('button', { name: 'Connect as CONTOSO\\smsadmin' }).click();
  await showMe(page, panel);
  await expect(
    page.getByRole('grid', { name: 'Audit Log' }).getByRole('row').filter({ hasText: 'CONTOSO\\patchadmin' }).first(),
  ).toBeVisible();
  await expectDone(panel, 'Read the audit log');
  await expectComplete(panel);
});

test('Republishing custom updates: the software update point, Updates Publisher, then a synchronization', async ({
  page,
}) => {
  const panel = await startWalkthrough(page, 'republish-custom-updates', 'Republishing custom updates');
  expect(await currentStep(panel, 'See the custom updates expired')).toContain('Contoso Payroll');
  await showMe(page, panel);
  await page.getByRole('searchbox', { name: 'Look for' }).fill('Contoso Payroll');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1)).toContainText('(LEGACY)');
  await expectDone(panel, 'See the custom updates expired');

  await createSoftwareUpdatePoint(page, panel);

  expect(await currentStep(panel, 'Republish the custom catalog')).toContain('Republish Custom Updates Catalog...');
  await showMe(page, panel, 'Republish Custom Updates Catalog...');
  await action(page, 'Republish Custom Updates Catalog...').click();
  const republish = page.getByRole('dialog', { name: 'Republish Custom Updates Catalog' });
  await republish.getByRole('button', { name: 'Republish', exact: true }).click();
  await republish.getByRole('button', { name: 'Close', exact: true }).click();
  await expectDone(panel, 'Republish the custom catalog');

  expect(await currentStep(panel, 'Synchronize')).toContain('Run Synchronization');
  await showMe(page, panel, 'Run Synchronization');
  await action(page, 'Run Synchronization').click();
  await fastForwardJobs(page);
  await expectDone(panel, 'Synchronize');
  await expectComplete(panel);
});
