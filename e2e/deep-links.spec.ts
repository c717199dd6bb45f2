import { expect, test } from '@playwright/test';
import { itemCount, openConsole } from './support';

test('node, search, sort, selection and Properties survive a reload and the back button', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('searchbox', { name: 'Look for' }).fill('KB943485');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(itemCount(page)).toHaveText('3 items found');
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await grid.getByRole('columnheader', { name: 'Title' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');

  const row = grid.getByRole('row').filter({ hasText: 'Security Update for Windows XP (KB943485) (LEGACY)' });
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Security Update for Windows XP (KB943485) (LEGACY) Properties' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'MS08-002', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/props=/);

  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: '943485', exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Look for' })).toHaveValue('KB943485');
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.getByRole('row').filter({ hasText: '(KB943485)' }).first()).toBeVisible();
  await expect(
    grid.getByRole('row').filter({ hasText: 'Security Update for Windows XP (KB943485) (LEGACY)' }),
  ).toHaveAttribute('aria-selected', 'true');

  // Back closes the dialog (opening it was a step of its own), and back again undoes the sort.
  await page.goBack();
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/props=/);
  await page.goBack();
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending');
  await page.goForward();
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'descending');
});

test('a deep link straight into a node opens it, with its path in the tree expanded', async ({ page }) => {
  await openConsole(page, '/console/software-updates/deployment-management/sms-2003-advertisements?q=2008-01');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('SMS 2003 Advertisements');
  await expect(itemCount(page)).toHaveText('1 item found');
  const tree = page.getByRole('tree', { name: 'Console tree' });
  await expect(tree.getByRole('treeitem', { name: 'SMS 2003 Advertisements' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(tree.getByRole('treeitem', { name: 'Deployment Management' })).toHaveAttribute('aria-expanded', 'true');
});

test('Properties of a migrated SMS 2003 advertisement show its program, package and collection', async ({ page }) => {
  await openConsole(page, '/console/software-updates/deployment-management/sms-2003-advertisements');
  const grid = page.getByRole('grid', { name: 'SMS 2003 Advertisements' });
  await grid.getByRole('row').filter({ hasText: 'Security Updates 2008-01' }).dblclick();
  const dialog = page.getByRole('dialog', { name: 'Security Updates 2008-01 Properties' });
  await expect(dialog.getByRole('textbox', { name: 'Collection:', exact: true })).toHaveValue(/All Windows XP Systems/);
  await dialog.getByRole('tab', { name: 'Package and Program' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Program:', exact: true })).toHaveValue(
    'Software Updates Installation',
  );
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
});

test('a demo link can carry the administrator to connect as', async ({ page }) => {
  await openConsole(page, '/console/software-updates/deployment-templates?as=CONTOSO%5Cpatchadmin');
  await expect(page).toHaveURL(/\/console\/software-updates\/deployment-templates$/);
  await expect(page.getByRole('combobox', { name: 'Connected as' })).toHaveValue('CONTOSO\\patchadmin');
  await expect(page.getByRole('note', { name: 'Access denied' })).toContainText(
    'CONTOSO\\patchadmin has no Read right on Deployment Templates',
  );
});
