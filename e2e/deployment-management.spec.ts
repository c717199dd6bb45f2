import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { connectAs, expandNode, itemCount, openConsole, selectNode, switchStage, treeItem } from './support';

// axe walks every rendered cell of the grid: on a busy 2-core machine one analysis can take 20 s or more.
test.describe.configure({ timeout: 180_000 });

const DEPLOYMENT = 'Critical Updates - December 2008';
const DEPLOYMENT_NODE = 'software-updates/deployment-management/1';
const SHOTS = '/tmp/shots-E';

const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actions(page).getByRole('button', { name, exact: true });

/** axe on the page, or on one part of it (a dialog). */
async function expectNoAxeViolations(page: Page, selector?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (selector ? builder.include(selector) : builder).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((item) => item.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

async function openDeploymentManagement(page: Page) {
  await openConsole(page);
  await switchStage(page, 'Configured');
  await expandNode(page, 'Software Updates');
  await expandNode(page, 'Deployment Management');
}

test('a deployment is a node under Deployment Management; its Software Updates child lists its updates, and some can be removed', async ({
  page,
}) => {
  await openDeploymentManagement(page);
  // The deployment comes before SMS 2003 Advertisements.
  const children = page.locator(
    '[data-node-id="software-updates/deployment-management"] > [role="group"] > [role="treeitem"]',
  );
  await expect(children).toHaveCount(2);
  await expect(children.nth(0)).toHaveAccessibleName(DEPLOYMENT);
  await expect(children.nth(1)).toHaveAccessibleName('SMS 2003 Advertisements');

  // The deployment's node lists its one child.
  await selectNode(page, DEPLOYMENT);
  const childGrid = page.getByRole('grid', { name: DEPLOYMENT });
  await expect(childGrid.getByRole('row').nth(1)).toContainText('Software Updates');
  await expect(action(page, 'Properties').first()).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/deployment-node.png` });
  await expectNoAxeViolations(page);

  // Its Software Updates child: the 16 December 2008 critical updates it deploys.
  await childGrid.getByRole('row').nth(1).dblclick();
  await expect(page).toHaveURL(/deployment-management\/1\/software-updates/);
  await expect(itemCount(page)).toHaveText('16 items');
  const grid = page.getByRole('grid', { name: 'Software Updates' });
  await expect(grid.getByRole('row').nth(1)).toContainText('KB');
  await expect(action(page, 'Remove Software Updates...')).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/deployment-software-updates.png` });
  await expectNoAxeViolations(page);

  // Two selected updates removed, after the confirmation.
  await grid.getByRole('row').nth(1).click();
  await grid
    .getByRole('row')
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(action(page, 'Remove Software Updates...')).toBeEnabled();
  await action(page, 'Remove Software Updates...').click();
  const dialog = page.getByRole('dialog', { name: 'Remove Software Updates' });
  await expect(dialog).toContainText(`Remove these 2 software updates from the deployment ${DEPLOYMENT} (1)?`);
  await expect(dialog.getByRole('list', { name: 'Software updates to remove' }).getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/remove-software-updates.png` });
  await expectNoAxeViolations(page, 'dialog[open]');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toBeHidden();
  await expect(itemCount(page)).toHaveText('14 items');
});

test('Properties: the deadline changed on Schedule shows in the Deployment Management grid', async ({ page }) => {
  await openDeploymentManagement(page);
  await selectNode(page, DEPLOYMENT);
  await action(page, 'Properties').first().click();
  const dialog = page.getByRole('dialog', { name: `${DEPLOYMENT} Properties` });
  await expect(dialog.getByRole('tab', { name: 'Software Updates' })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name:' })).toHaveValue(DEPLOYMENT);
  await page.screenshot({ path: `${SHOTS}/deployment-properties-general.png` });
  await dialog.getByRole('tab', { name: 'Schedule' }).click();
  const date = dialog.getByRole('textbox', { name: 'Deadline date' });
  await expect(date).toHaveValue('12/25/2008');
  await date.fill('12/27/2008');
  await dialog.getByRole('textbox', { name: 'Deadline time' }).fill('9:00 PM');
  await page.screenshot({ path: `${SHOTS}/deployment-properties-schedule.png` });
  await expectNoAxeViolations(page, 'dialog[open]');
  await dialog.getByRole('tab', { name: 'Software Updates' }).click();
  await expect(dialog.getByRole('table', { name: 'Software updates in this deployment' }).getByRole('row')).toHaveCount(
    17,
  );
  await page.screenshot({ path: `${SHOTS}/deployment-properties-software-updates.png` });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();

  await selectNode(page, 'Deployment Management');
  const row = page
    .getByRole('grid', { name: 'Deployment Management' })
    .getByRole('row', { name: new RegExp(DEPLOYMENT) });
  await expect(row).toContainText('12/27/2008 9:00 PM');
});

test('an administrator with Read but not Modify sees General and Schedule greyed, with the reason', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Configured');
  // CONTOSO\smsadmin grants CONTOSO\patchadmin Read on the deployment only.
  const status = await page.evaluate(async () => {
    const answer = await fetch('/api/security-rights/grant', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Admin': 'CONTOSO\\smsadmin' },
      body: JSON.stringify({
        account: 'CONTOSO\\patchadmin',
        objectType: 'Deployment',
        instanceIds: ['1'],
        rights: ['Read'],
      }),
    });
    return answer.status;
  });
  expect(status).toBe(200);
  await connectAs(page, 'CONTOSO\\patchadmin');
  await openConsole(page, `/console/${DEPLOYMENT_NODE}?wizard=deployment-properties&sel=1`);
  const dialog = page.getByRole('dialog', { name: `${DEPLOYMENT} Properties` });
  const name = dialog.getByRole('textbox', { name: 'Name:' });
  await expect(name).toBeDisabled();
  const reason = 'General and Schedule are read-only: CONTOSO\\patchadmin has no Modify right on deployment 1.';
  await expect(dialog.getByRole('note').filter({ hasText: 'read-only' })).toHaveText(reason);
  await expect(name).toHaveAccessibleDescription(reason);
  await dialog.getByRole('tab', { name: 'Schedule' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Deadline date' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/deployment-properties-read-only.png` });
  await expectNoAxeViolations(page, 'dialog[open]');
});

test("a collection's Properties: General, Membership Rules, Security; its comment edited", async ({ page }) => {
  await openConsole(page);
  await switchStage(page, 'Configured');
  await selectNode(page, 'Collections');
  const grid = page.getByRole('grid', { name: 'Collections' });
  await grid.getByRole('row', { name: /CEN Pilot Workstations/ }).dblclick();
  const dialog = page.getByRole('dialog', { name: 'CEN Pilot Workstations Properties' });
  await expect(dialog.getByRole('tab')).toHaveText(['General', 'Membership Rules', 'Security']);
  const comment = dialog.getByRole('textbox', { name: 'Comment:' });
  await expect(comment).toHaveValue('Central workstations that receive updates first.');
  await comment.fill('Pilot ring: the first workstations to get updates.');
  await page.screenshot({ path: `${SHOTS}/collection-properties-general.png` });
  await expectNoAxeViolations(page, 'dialog[open]');
  await dialog.getByRole('tab', { name: 'Membership Rules' }).click();
  await expect(dialog.getByRole('table', { name: 'Membership rules' })).toContainText('Direct');
  await page.screenshot({ path: `${SHOTS}/collection-properties-membership.png` });
  await expectNoAxeViolations(page, 'dialog[open]');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(grid.getByRole('row', { name: /CEN Pilot Workstations/ })).toContainText(
    'Pilot ring: the first workstations to get updates.',
  );

  // From the collection's own node (it lists its members), Properties is an action of the node.
  await expandNode(page, 'Collections');
  await treeItem(page, 'LON Workstations').locator('.tree-label').first().click();
  await action(page, 'Properties').first().click();
  await expect(page.getByRole('dialog', { name: 'LON Workstations Properties' })).toBeVisible();
});
