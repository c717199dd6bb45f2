import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { connectAs, itemCount, openConsole, selectNode } from './support';

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
