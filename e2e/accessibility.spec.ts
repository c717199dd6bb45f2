import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { connectAs, itemCount, openConsole, selectNode, switchStage } from './support';

// axe walks every rendered cell of the grid: on a busy 2-core machine one analysis can take 20 s or more.
test.describe.configure({ timeout: 120_000 });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

test('axe finds no violations in Update Repository', async ({ page }) => {
  await openConsole(page);
  await expect(itemCount(page)).toHaveText(/items/);
  await page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1).click();
  await expectNoAxeViolations(page);
});

test('axe finds no violations in a Properties dialog', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1).dblclick();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'General' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('axe finds no violations on a refused node and in a container node', async ({ page }) => {
  await openConsole(page);
  await connectAs(page, 'CONTOSO\\patchadmin');
  await selectNode(page, 'Deployment Templates');
  await expect(page.getByRole('note', { name: 'Access denied' })).toBeVisible();
  await expectNoAxeViolations(page);
  await selectNode(page, 'Computer Management');
  await expectNoAxeViolations(page);
});

test('axe finds no violations in the Reset demo confirmation', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('button', { name: 'Reset demo' }).click();
  await expect(page.getByRole('dialog', { name: 'Reset demo' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('axe finds no violations in the column chooser and the context menu', async ({ page }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await grid.getByRole('row').nth(1).click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Add/Remove Columns...' }).click();
  await expect(page.getByRole('dialog', { name: 'Add/Remove Columns' })).toBeVisible();
  await expectNoAxeViolations(page);
});

/** axe on one part of the page (a dialog, a menu): the rest was checked by the tests above. */
async function expectNoAxeViolationsIn(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('axe finds no violations in the after-upgrade views and dialogs: status messages, site jobs, the clock menu, the software update point, the LEGACY script and Run Advertisement', async ({
  page,
}) => {
  await openConsole(page, '/console/system-status/status-messages');
  await expect(page.getByRole('grid', { name: 'Status Messages' }).getByRole('row').nth(1)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: /^Site jobs:/ }).click();
  await expect(page.getByRole('dialog', { name: 'Site Jobs' })).toBeVisible();
  await expectNoAxeViolationsIn(page, 'dialog[open]');
  await page.getByRole('dialog', { name: 'Site Jobs' }).getByRole('button', { name: 'OK' }).click();

  await page.getByRole('button', { name: 'Site clock options' }).click();
  await expect(page.getByRole('menu', { name: 'Site clock options' })).toBeVisible();
  await expectNoAxeViolationsIn(page, '[role="menu"]');
  await page.keyboard.press('Escape');

  const actions = page.getByRole('region', { name: 'Actions' });
  await openConsole(page, '/console/site-management/cen/site-settings/site-systems');
  await actions.getByRole('button', { name: 'New Roles...' }).click();
  await expect(page.getByRole('dialog', { name: 'Software Update Point Component Properties' })).toBeVisible();
  await expectNoAxeViolationsIn(page, 'dialog[open]');
  await page.keyboard.press('Escape');

  await openConsole(page, '/console/software-updates/update-repository');
  await actions.getByRole('button', { name: 'Run LEGACY Clean-up Script...' }).click();
  await expect(page.getByRole('list', { name: 'Kept visible by' })).toBeVisible();
  await expectNoAxeViolationsIn(page, 'dialog[open]');
  await page.keyboard.press('Escape');

  // In the Synchronized stage All Systems holds Configuration Manager clients: running the ITMU scan advertisement
  // against it warns first.
  await switchStage(page, 'Synchronized');
  await openConsole(page, '/console/software-distribution/advertisements');
  await page.getByRole('grid', { name: 'Advertisements' }).locator('[data-row-id="CEN2000A"]').click();
  await actions.getByRole('button', { name: 'Run Advertisement...' }).click();
  const run = page.getByRole('dialog', { name: 'Run Advertisement' });
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(run.getByRole('button', { name: 'Run Anyway' })).toBeVisible();
  await expect(run).toContainText('Configuration Manager 2007 clients');
  await expectNoAxeViolationsIn(page, 'dialog[open]');
});

test('axe finds no violations in the Deploy Software Updates Wizard, the Deployment Template Wizard and a deployment Properties', async ({
  page,
}) => {
  await switchStageFromStart(page, 'Configured');
  await openConsole(page, '/console/software-updates/update-repository?q=MS08-067');
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await grid.getByRole('row').nth(1).click();
  await page.keyboard.press('Control+a');
  await page
    .getByRole('region', { name: 'Actions' })
    .getByRole('button', { name: 'Deploy Software Updates...' })
    .click();
  const deploy = page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  await expect(deploy.getByRole('radio', { name: 'Servers - Standard' })).toBeVisible();
  await expectNoAxeViolationsIn(page, 'dialog[open]');
  await deploy.getByRole('button', { name: 'Cancel' }).click();

  await openConsole(page, '/console/software-updates/deployment-templates');
  await page
    .getByRole('region', { name: 'Actions' })
    .getByRole('button', { name: 'New Deployment Template...' })
    .click();
  const template = page.getByRole('dialog', { name: 'Deployment Template Wizard' });
  await expect(template.getByRole('region', { name: 'General' })).toBeVisible();
  await expectNoAxeViolationsIn(page, 'dialog[open]');
  await template.getByRole('button', { name: 'Cancel' }).click();

  await openConsole(page, '/console/software-updates/deployment-management');
  await page.getByRole('grid', { name: 'Deployment Management' }).getByRole('row').nth(1).dblclick();
  await expect(page.getByRole('dialog', { name: 'Critical Updates - December 2008 Properties' })).toBeVisible();
  await expectNoAxeViolationsIn(page, 'dialog[open]');
});

async function switchStageFromStart(page: Page, stage: string) {
  await openConsole(page);
  await switchStage(page, stage);
}
