import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expandNode, itemCount, openConsole, selectNode, switchStage, treeItem } from './support';

// axe walks every rendered cell of a grid: on a busy 2-core machine one analysis can take 20 s or more.
test.describe.configure({ timeout: 240_000 });

const SHOTS = '/tmp/shots-B';
const PACKAGE = 'MS08-067 Updates';
const SOURCE = '\\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067';

const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actions(page).getByRole('button', { name, exact: true });

async function expectNoAxeViolations(page: Page, selector?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (selector ? builder.include(selector) : builder).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

/** Moves the site clock to the end of the running jobs (the header's Clock menu does the same). */
async function fastForwardToEndOfJobs(page: Page) {
  const status = await page.evaluate(async () => {
    const answer = await fetch('/api/site/clock', {
      method: 'POST',
      headers: { 'X-Admin': 'CONTOSO\\smsadmin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'fast-forward-to-end-of-jobs' }),
    });
    return answer.status;
  });
  expect(status).toBe(200);
}

test('download the MS08-067 updates into a new package, open its nodes and Properties, and a migrated advertisement', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openConsole(page);
  await switchStage(page, 'Synchronized');
  await expandNode(page, 'Software Updates');

  // Select the MS08-067 updates in Update Repository and start the Download Updates Wizard.
  await selectNode(page, 'Update Repository');
  await page.getByRole('searchbox', { name: 'Look for' }).fill('MS08-067');
  await page.getByRole('button', { name: 'Find Now' }).click();
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(grid.getByRole('row').nth(1)).toContainText('MS08-067');
  await grid.getByRole('row').nth(1).click();
  await page.keyboard.press('Control+a');
  await action(page, 'Download Software Updates...').click();
  const wizard = page.getByRole('dialog', { name: 'Download Updates Wizard' });
  await expect(wizard.getByRole('region', { name: 'Deployment Package' })).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Create a new deployment package' })).toBeChecked();
  await expectNoAxeViolations(page, 'dialog[open]');

  // Next without a name says what is missing, next to the field.
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await wizard.getByRole('textbox', { name: 'Name' }).fill(PACKAGE);
  await wizard.getByRole('textbox', { name: 'Description' }).fill('Server Service vulnerability');
  await wizard.getByRole('textbox', { name: 'Package source' }).fill(SOURCE);
  await page.screenshot({ path: `${SHOTS}/wizard-deployment-package.png` });
  await wizard.getByRole('button', { name: 'Next >' }).click();

  await expect(wizard.getByRole('region', { name: 'Distribution Points' })).toBeVisible();
  await expect(wizard.getByRole('checkbox', { name: '\\\\CEN-SMS01 (CEN)' })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('region', { name: 'Download Location' })).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Download software updates from the Internet' })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('region', { name: 'Language Selection' })).toBeVisible();
  await expect(wizard.getByRole('checkbox', { name: 'English' })).toBeChecked();
  await wizard.getByRole('button', { name: 'Next >' }).click();
  const summary = wizard.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText(`New: ${PACKAGE}, source ${SOURCE}`);
  await expect(summary).toContainText(/Software updates\d+ \(/);
  const selected = Number(/Software updates(\d+) \(/.exec((await summary.textContent()) ?? '')?.[1] ?? '0');
  expect(selected).toBeGreaterThan(0);
  await expectNoAxeViolations(page, 'dialog[open]');
  await page.screenshot({ path: `${SHOTS}/wizard-summary.png` });
  await wizard.getByRole('button', { name: 'Next >' }).click();

  const confirmation = wizard.getByRole('region', { name: 'Confirmation' });
  await expect(confirmation.getByRole('status')).toHaveText('The Download Updates Wizard completed successfully.');
  await expect(confirmation).toContainText(PACKAGE);
  await page.screenshot({ path: `${SHOTS}/wizard-confirmation.png` });
  await confirmation.getByRole('button', { name: `Open the deployment package ${PACKAGE}` }).click();
  await expect(wizard).toBeHidden();

  // The package's node: its three children, as the product names them.
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(PACKAGE);
  const packagePath = new URL(page.url()).pathname;
  expect(packagePath).toMatch(/^\/console\/software-updates\/deployment-packages\/CEN\d{5}$/);
  const main = page.getByRole('main');
  for (const child of ['Access Accounts', 'Distribution Points', 'Software Updates']) {
    await expect(main.getByText(child, { exact: true }).first()).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // While the download runs the distribution point is Install Pending; once it ends, Installed.
  await openConsole(page, `${packagePath}/distribution-points`);
  const points = page.getByRole('grid', { name: 'Distribution Points' });
  await expect(points.getByRole('row').nth(1)).toContainText('Install Pending');
  await fastForwardToEndOfJobs(page);
  await page.keyboard.press('F5');
  await expect(points.getByRole('row').nth(1)).toContainText('Installed');
  await expect(points.getByRole('row').nth(1)).toContainText('\\\\CEN-SMS01');
  await page.screenshot({ path: `${SHOTS}/distribution-points.png` });
  await expectNoAxeViolations(page);

  await openConsole(page, `${packagePath}/access-accounts`);
  const accounts = page.getByRole('grid', { name: 'Access Accounts' });
  await expect(accounts.getByRole('row').nth(1)).toContainText('Administrators');
  await expect(accounts.getByRole('row').nth(1)).toContainText('Full Control');
  await expect(accounts.getByRole('row').nth(2)).toContainText('Users');
  await expect(accounts.getByRole('row').nth(2)).toContainText('Read');
  await page.screenshot({ path: `${SHOTS}/access-accounts.png` });
  await expectNoAxeViolations(page);

  // Its Software Updates: the downloaded updates, Downloaded = Yes.
  await openConsole(page, `${packagePath}/software-updates`);
  await expect(itemCount(page)).toHaveText(new RegExp(`^${selected} items`));
  const updates = page.getByRole('grid', { name: 'Software Updates' });
  await expect(updates.getByRole('row').nth(1)).toContainText('MS08-067');
  await page.screenshot({ path: `${SHOTS}/package-software-updates.png` });
  await expectNoAxeViolations(page);

  // Properties of the package (from its node): change the description, OK, and see it saved.
  await openConsole(page, packagePath);
  await action(page, 'Properties').click();
  let properties = page.getByRole('dialog', { name: `${PACKAGE} Properties` });
  await expect(properties.getByRole('textbox', { name: 'Description:' })).toHaveValue('Server Service vulnerability');
  await properties.getByRole('textbox', { name: 'Description:' }).fill('MS08-067, English, from the Internet');
  await properties.getByRole('tab', { name: 'Data Source' }).click();
  await expect(properties.getByRole('tabpanel')).toContainText('The content is current');
  await expect(properties.getByRole('tabpanel')).toContainText(SOURCE);
  await page.screenshot({ path: `${SHOTS}/package-properties-data-source.png` });
  await expectNoAxeViolations(page, 'dialog[open]');
  await properties.getByRole('tab', { name: 'Distribution Settings' }).click();
  await expect(properties.getByRole('table', { name: 'Distribution points' })).toContainText('Installed');
  await properties.getByRole('button', { name: 'OK' }).click();
  await expect(properties).toBeHidden();
  await selectNode(page, 'Deployment Packages');
  const packages = page.getByRole('grid', { name: 'Deployment Packages' });
  await expect(packages).toContainText('MS08-067, English, from the Internet');
  await packages.getByRole('row').filter({ hasText: PACKAGE }).dblclick();
  properties = page.getByRole('dialog', { name: `${PACKAGE} Properties` });
  await expect(properties.getByRole('textbox', { name: 'Description:' })).toHaveValue(
    'MS08-067, English, from the Internet',
  );
  await page.screenshot({ path: `${SHOTS}/package-properties-general.png` });
  await properties.getByRole('button', { name: 'Cancel' }).click();

  // A migrated advertisement: its node lists its updates; its Properties say what it is.
  await expandNode(page, 'Deployment Management');
  await expandNode(page, 'SMS 2003 Advertisements');
  await selectNode(page, 'Security Updates 2008-01');
  await expect(page.getByRole('grid', { name: 'Security Updates 2008-01' }).getByRole('row').nth(1)).toContainText(
    'MS08-00',
  );
  await page.screenshot({ path: `${SHOTS}/sms2003-advertisement-node.png` });
  await expectNoAxeViolations(page);
  await selectNode(page, 'SMS 2003 Advertisements');
  await page
    .getByRole('grid', { name: 'SMS 2003 Advertisements' })
    .getByRole('row')
    .filter({ hasText: 'Security Updates 2008-01' })
    .dblclick();
  const advertisement = page.getByRole('dialog', { name: 'Security Updates 2008-01 Properties' });
  await expect(advertisement.getByRole('textbox', { name: 'Comment:' })).toHaveValue(
    /Distribute Software Updates Wizard/,
  );
  await advertisement.getByRole('tab', { name: 'Software Updates' }).click();
  await expect(advertisement.getByRole('tabpanel')).toContainText('Number of software updates');
  await page.screenshot({ path: `${SHOTS}/sms2003-advertisement-properties.png` });
  await expectNoAxeViolations(page, 'dialog[open]');
  expect(await treeItem(page, 'Security Updates 2008-01').count()).toBe(1);
});
