import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expandNode, itemCount, openConsole, selectNode, switchStage } from './support';

// axe and a synchronization on a busy 2-core machine: give the test room.
test.describe.configure({ timeout: 180_000 });

const SHOTS = '/tmp/shots-P';
const HOSTILE_TITLE = '<script>window.__hacked=1</script><img src=x onerror="window.__hacked=1"> Contoso Fix';

const actionsPane = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actionsPane(page).getByRole('button', { name, exact: true });

async function clockMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'Site clock options' }).click();
  await page.getByRole('menu', { name: 'Site clock options' }).getByRole('menuitem', { name: item }).click();
}

async function expectNoAxeViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

/** Nothing a person typed ran as script or became markup. */
async function expectNotInjected(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __hacked?: unknown }).__hacked)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script:text("__hacked")').count()).toBe(0);
}

test('a custom update published with System Center Updates Publisher reaches Update Repository at the next synchronization, its title as text', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Synchronized');
  await expandNode(page, 'Software Updates');
  await selectNode(page, 'Update Repository');

  // Update Repository > Publish Custom Update...: Updates Publisher's Create Update Wizard, its Information page.
  await action(page, 'Publish Custom Update...').click();
  const wizard = page.getByRole('dialog', { name: 'Create Update Wizard' });
  await expect(wizard.getByRole('region', { name: 'Information' })).toBeVisible();
  await expect(wizard.getByRole('textbox', { name: 'Title:' })).toBeFocused();
  await expectNoAxeViolations(page, 'dialog[open]');

  // Finish with nothing typed: each required field says what is wrong with it, and nothing is published.
  await wizard.getByRole('button', { name: 'Finish' }).click();
  await expect(wizard.getByText('The title cannot be empty.')).toBeVisible();
  await expect(wizard.getByText('The description cannot be empty.')).toBeVisible();
  await expect(wizard.getByRole('textbox', { name: 'Title:' })).toBeFocused();
  await expect(wizard.getByRole('textbox', { name: 'Title:' })).toHaveAttribute('aria-invalid', 'true');
  await wizard.getByRole('textbox', { name: 'More info URL:' }).fill('javascript:alert(1)');
  await wizard.getByRole('textbox', { name: 'More info URL:' }).blur();
  await expect(wizard.getByText('The More info URL must be an http:// or https:// address, or empty.')).toBeVisible();
  await expectNoAxeViolations(page, 'dialog[open]');
  await page.screenshot({ path: `${SHOTS}/create-update-wizard-problems.png` });

  await wizard.getByRole('textbox', { name: 'Title:' }).fill(HOSTILE_TITLE);
  await wizard
    .getByRole('textbox', { name: 'Description:' })
    .fill('Fixes the export of timesheets. <b>Built by Contoso IT.</b>');
  await wizard.getByRole('combobox', { name: 'Classification:' }).selectOption('Critical Updates');
  await wizard.getByRole('textbox', { name: 'Vendor:' }).fill('Contoso');
  await wizard.getByRole('textbox', { name: 'Product:' }).fill('Contoso Timesheets');
  await wizard.getByRole('textbox', { name: 'Article ID:' }).fill('CTS-2008-020');
  await wizard.getByRole('combobox', { name: 'Severity:' }).selectOption('Important');
  await wizard
    .getByRole('textbox', { name: 'More info URL:' })
    .fill('http://intranet.contoso.com/it/updates/CTS-2008-020');
  await page.screenshot({ path: `${SHOTS}/create-update-wizard-information.png` });
  await wizard.getByRole('button', { name: 'Finish' }).click();

  // Published to WSUS: the Confirmation page says it reaches the console at the next synchronization.
  await expect(wizard.getByRole('region', { name: 'Confirmation' })).toBeVisible();
  await expect(wizard.getByRole('status')).toContainText('at the next synchronization of the software update point');
  await expect(wizard.getByRole('status')).toContainText(HOSTILE_TITLE);
  await expectNoAxeViolations(page, 'dialog[open]');
  await page.screenshot({ path: `${SHOTS}/create-update-wizard-confirmation.png` });
  await wizard.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(wizard).toBeHidden();
  await expectNotInjected(page);

  // Not in the site database yet.
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await page.getByRole('searchbox', { name: 'Look for' }).fill('Contoso Fix');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(itemCount(page)).toHaveText('0 items found');

  // Run Synchronization, then let the site clock run to the end of the job.
  await action(page, 'Run Synchronization').click();
  await expect(page.getByRole('button', { name: /^Site jobs: 1 job running/ })).toBeVisible();
  await clockMenu(page, 'Fast-forward to end of running jobs');
  await expect(page.getByRole('button', { name: /^Site jobs: no jobs running/i })).toBeVisible();

  // In Update Repository: the title as text, an active custom update, Deployable to SMS 2003.
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(grid.getByRole('row')).toHaveCount(2);
  const row = grid.getByRole('row').nth(1);
  await expect(row.getByRole('gridcell').first()).toHaveText(`Normal${HOSTILE_TITLE}`);
  await expect(row.getByRole('gridcell').last()).toHaveText('Yes');
  await expectNotInjected(page);
  await page.screenshot({ path: `${SHOTS}/update-repository-custom-update.png` });

  // Its Properties: the title as the dialog's name and as text in General.
  await row.getByRole('gridcell').first().dblclick();
  const properties = page.getByRole('dialog', { name: `${HOSTILE_TITLE} Properties` });
  await expect(properties.getByRole('tab', { name: 'General' })).toBeVisible();
  await expect(properties.getByRole('heading', { level: 2 })).toHaveText(`${HOSTILE_TITLE} Properties`);
  await expect(
    properties.getByRole('tabpanel', { name: 'General' }).getByRole('textbox', { name: 'Title:' }),
  ).toHaveValue(HOSTILE_TITLE);
  await expectNotInjected(page);
  await page.screenshot({ path: `${SHOTS}/custom-update-properties.png` });
  await properties
    .getByRole('button', { name: /^(OK|Cancel|Close)$/ })
    .first()
    .click();
  await expect(properties).toBeHidden();

  // Export List: the CSV holds the title as text, quoted as RFC 4180 says.
  const downloading = page.waitForEvent('download');
  await action(page, 'Export List...').click();
  const text = (await readFile(await (await downloading).path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"${HOSTILE_TITLE.replace(/"/g, '""')}"`);
  await expectNotInjected(page);
});

test('Publish Custom Update... is greyed out with the reason: no software update point yet, or no Modify right on site CEN', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Just upgraded');
  await expandNode(page, 'Software Updates');
  await selectNode(page, 'Update Repository');
  const publish = action(page, 'Publish Custom Update...');
  await expect(publish).toHaveAttribute('aria-disabled', 'true');
  await expect(publish).toHaveAccessibleDescription(/create the software update point first/);

  await page.getByRole('combobox', { name: 'Connected as' }).selectOption('CONTOSO\\patchadmin');
  await selectNode(page, 'Update Repository');
  await expect(publish).toHaveAttribute('aria-disabled', 'true');
  await expect(publish).toHaveAccessibleDescription('CONTOSO\\patchadmin has no Modify right on site CEN');
});
