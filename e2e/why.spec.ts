import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { connectAs, expandNode, openConsole, selectNode, switchStage } from './support';

// axe on a busy 2-core machine can take 20 s or more.
test.describe.configure({ timeout: 120_000 });

const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actions(page).getByRole('button', { name, exact: true });
/** The "Why?" a mouse clicks beside a greyed action. */
const whyBeside = (page: Page, name: string) =>
  actions(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name, exact: true }) })
    .locator('.why-button');
const cite = (section: string) => `(Planning for Software Updates Site Upgrade, "${section}")`;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    })),
  ).toEqual([]);
}

test('Why? on a greyed action: Run Synchronization before the software update point exists, by keyboard and mouse', async ({
  page,
}) => {
  await openConsole(page, '/console/software-updates/update-repository');
  const sync = action(page, 'Run Synchronization');
  await expect(sync).toHaveAttribute('aria-disabled', 'true');
  await expect(sync).toHaveAttribute('aria-expanded', 'false');
  // Its description stays the reason itself.
  await expect(sync).toHaveAccessibleDescription(/^There is no software update point/);

  // By keyboard: the greyed action takes the focus, Enter opens its explanation (and runs nothing).
  await sync.focus();
  await page.keyboard.press('Enter');
  await expect(sync).toHaveAttribute('aria-expanded', 'true');
  const panel = actions(page).getByRole('note', { name: 'Why' }).filter({ hasText: 'software update point' });
  await expect(panel).toContainText('There is no software update point');
  await expect(panel).toContainText(
    'The rule: the software update point must be created, configured and synchronized after the upgrade',
  );
  await expect(panel).toContainText(cite('Synchronizing the Software Update Point'));
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots-Y/why-greyed-action.png' });
  await expectNoAxeViolations(page);
  await page.keyboard.press('Space');
  await expect(panel).toBeHidden();

  // By mouse: the "Why?" beside it, or the action itself.
  // (Playwright will not click an aria-disabled control unless forced; a person can.)
  await whyBeside(page, 'Run Synchronization').click();
  await expect(panel).toBeVisible();
  await sync.click({ force: true });
  await expect(panel).toBeHidden();
});

test('Why? on a greyed action for CONTOSO\\patchadmin: New Search Folder names the new object type rule', async ({
  page,
}) => {
  await openConsole(page, '/console/software-updates/update-repository/search-folders?as=CONTOSO%5Cpatchadmin');
  await whyBeside(page, 'New Search Folder...').click();
  const panel = actions(page).getByRole('note', { name: 'Why' }).filter({ hasText: 'Search Folders' });
  await expect(panel).toContainText('CONTOSO\\patchadmin has no Create right on Search Folders');
  await expect(panel).toContainText('Search Folders are a new object type');
  await expect(panel).toContainText(cite('Upgraded Software Updates Metadata'));
});

test('Why? on a refused node: Deployment Templates for CONTOSO\\patchadmin', async ({ page }) => {
  await openConsole(page);
  await connectAs(page, 'CONTOSO\\patchadmin');
  await selectNode(page, 'Deployment Templates');
  const refused = page.getByRole('note', { name: 'Access denied' });
  await expect(refused).toContainText('CONTOSO\\patchadmin has no Read right on Deployment Templates');
  await refused.getByRole('button', { name: 'Why?' }).click();
  const panel = refused.getByRole('note', { name: 'Why' });
  await expect(panel).toContainText('Deployment Templates are a new object type of Configuration Manager 2007');
  await expect(panel).toContainText('no rights on new object types such as deployment templates');
  await expect(panel).toContainText(cite('Upgraded Software Updates Metadata'));
  await page.screenshot({ path: '/tmp/shots-Y/why-refused-node.png' });
  await expectNoAxeViolations(page);
});

test('Why? on a hidden update and on an expired one', async ({ page }) => {
  await openConsole(page);
  // Just upgraded: every migrated update is expired until synchronization.
  await page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1).click();
  await action(page, 'Why?').click();
  let why = page.getByRole('dialog', { name: 'Why?' });
  await expect(why).toContainText('Expired:');
  await expect(why).toContainText(
    /Synchronizing the Microsoft Updates Catalog|Republishing the Custom Updates Catalog|Synchronizing the Software Update Point/,
  );
  await why.getByRole('button', { name: 'OK' }).click();

  // Configured: the LEGACY clean-up script has run; Hidden Software Updates says why each is hidden.
  await switchStage(page, 'Configured');
  await expandNode(page, 'Update Repository');
  await selectNode(page, 'Hidden Software Updates');
  await page.getByRole('grid', { name: 'Hidden Software Updates' }).getByRole('row').nth(1).click();
  await action(page, 'Why?').click();
  why = page.getByRole('dialog', { name: 'Why?' });
  await expect(why).toContainText('Hidden: Setup appended (LEGACY) to this migrated update');
  await expect(why).toContainText(cite('LEGACY Appended to Migrated Software Updates Metadata'));
  await page.screenshot({ path: '/tmp/shots-Y/why-hidden-update.png' });
  await expectNoAxeViolations(page);
});

test('Why? on a template not offered: Workstations - SMS 2003 Clients with KB890830', async ({ page }) => {
  await openConsole(page);
  await switchStage(page, 'Configured');
  const ids = await page.evaluate(async () => {
    const answer = await fetch(`/api/software-updates?q=KB890830&limit=10`, {
      headers: { 'X-Admin': 'CONTOSO\\smsadmin' },
    });
    return ((await answer.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
  });
  await openConsole(
    page,
    `/console/software-updates/update-repository?wizard=deploy-software-updates&updates=${ids.join(',')}`,
  );
  const wizard = page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  const workstations = wizard.getByRole('radio', { name: 'Workstations - SMS 2003 Clients' });
  await expect(workstations).toBeDisabled();
  await expect(workstations).toHaveAccessibleDescription(
    /is not offered: .*\(KB890830\) is not\. Why\? The rule: a template with SMS 2003 settings is offered only when every software update is Deployable to SMS 2003 \(Planning for Software Updates Site Upgrade, "Using Deployment Templates That Specify SMS 2003 Settings"\)/,
  );
  await page.screenshot({ path: '/tmp/shots-Y/why-template-not-offered.png' });
  await expectNoAxeViolations(page);
});

test('Why? on an object that was not migrated: LON Critical Updates 2008-04 in the Migration Report', async ({
  page,
}) => {
  await openConsole(page, '/console/site-management/migration-report?q=LON%20Critical%20Updates%202008-04');
  const grid = page.getByRole('grid', { name: 'Migration Report' });
  await grid.getByRole('row', { name: /^Advertisement LON Critical/ }).click();
  await action(page, 'Why?').click();
  const why = page.getByRole('dialog', { name: 'Why?' });
  await expect(why).toContainText('Advertisement LON Critical Updates 2008-04: not migrated');
  await expect(why).toContainText(
    'The rule: a software update distribution is migrated only when its program and advertisement were created at the upgraded site',
  );
  await expect(why).toContainText(cite('Upgraded Software Updates Metadata'));
  await page.screenshot({ path: '/tmp/shots-Y/why-migration-row.png' });
  await expectNoAxeViolations(page);
});
