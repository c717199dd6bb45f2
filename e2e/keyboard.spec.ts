import { expect, test } from '@playwright/test';
import { openConsole, treeItem } from './support';

const heading = (page: import('@playwright/test').Page) => page.getByRole('main').getByRole('heading', { level: 1 });

test('the console tree works from the keyboard: arrows, Home/End, Enter and type-ahead', async ({ page }) => {
  await openConsole(page);
  const repository = treeItem(page, 'Update Repository');
  await repository.focus();
  await expect(repository).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(repository).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(page, 'Search Folders')).toBeFocused();
  await expect(heading(page)).toHaveText('Search Folders');

  await page.keyboard.press('ArrowLeft');
  await expect(repository).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(repository).toHaveAttribute('aria-expanded', 'false');

  // Type-ahead: "Dep" moves to the first visible node whose name starts with it.
  await page.keyboard.type('Dep');
  await expect(treeItem(page, 'Deployment Templates')).toBeFocused();
  await expect(heading(page)).toHaveText('Deployment Templates');

  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, 'Deployment Management')).toBeFocused();
  // End goes to the last visible node: System Status, after Computer Management, as in the product's tree.
  await page.keyboard.press('End');
  await expect(treeItem(page, 'System Status')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(treeItem(page, 'System Center Configuration Manager')).toBeFocused();
  await expect(heading(page)).toHaveText('System Center Configuration Manager');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Site Database (CEN - Contoso Central Site)');
});

test('the results grid works from the keyboard: arrows select, Enter opens Properties', async ({ page }) => {
  await openConsole(page, '/console/software-updates/deployment-management/sms-2003-advertisements');
  const grid = page.getByRole('grid', { name: 'SMS 2003 Advertisements' });
  const rows = grid.getByRole('row');
  await expect(rows).toHaveCount(4);
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(rows.nth(3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  const name = await rows.nth(1).getByRole('gridcell').first().textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `${name} Properties` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the Actions pane offers Properties for the selection and says why when it cannot', async ({ page }) => {
  await openConsole(page);
  const actions = page.getByRole('region', { name: 'Actions' });
  const properties = actions.getByRole('button', { name: 'Properties' });
  await expect(properties).toHaveAttribute('aria-disabled', 'true');
  await expect(properties).toHaveAccessibleDescription('Select an object in the results pane to see its properties.');
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await grid.getByRole('row').nth(1).click();
  await expect(properties).not.toHaveAttribute('aria-disabled', 'true');
  await properties.click();
  await expect(page.getByRole('dialog')).toBeVisible();
});
