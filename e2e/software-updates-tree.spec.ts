import { expect, test } from '@playwright/test';
import { expandNode, itemCount, openConsole, selectNode, treeItem } from './support';

test('a first visit opens Update Repository with every migrated update, expired and LEGACY', async ({ page }) => {
  await openConsole(page);
  await expect(page).toHaveURL(/\/console\/software-updates\/update-repository$/);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(grid).toBeVisible();
  await expect(itemCount(page)).toHaveText(/^\d+ items$/);
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Bulletin ID' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Article ID' })).toBeVisible();
  const firstRow = grid.getByRole('row').nth(1);
  await expect(firstRow).toContainText('(LEGACY)');
  await expect(firstRow.getByRole('img', { name: 'Expired' })).toBeVisible();
});

test('every node of the Software Updates tree opens in the results pane', async ({ page }) => {
  await openConsole(page);
  // Software Updates is the home page: its summary grid; Update Repository lists the updates.
  await selectNode(page, 'Software Updates');
  await expect(page.getByRole('grid', { name: 'Software Update Installation Status Summary' })).toBeVisible();
  await selectNode(page, 'Update Repository');
  await expect(page.getByRole('grid', { name: 'Update Repository' })).toBeVisible();
  await expandNode(page, 'Update Repository');
  for (const name of ['Search Folders', 'Security Updates', 'Critical Updates', 'WSUS Infrastructure Updates']) {
    await selectNode(page, name);
    await expect(page.getByRole('grid', { name })).toBeVisible();
  }
  // The classification > vendor > product folders narrow the list.
  await expandNode(page, 'Security Updates');
  await expandNode(page, 'Microsoft');
  await selectNode(page, 'Windows XP');
  const xp = page.getByRole('grid', { name: 'Windows XP' });
  await expect(xp.getByRole('row').nth(1)).toContainText('Windows XP');
  const xpCount = Number((await itemCount(page).textContent())?.replace(/\D/g, ''));
  await selectNode(page, 'Update Repository');
  const allCount = Number((await itemCount(page).textContent())?.replace(/\D/g, ''));
  expect(xpCount).toBeGreaterThan(0);
  expect(xpCount).toBeLessThan(allCount);

  for (const name of ['Update Lists', 'Deployment Templates', 'Deployment Management', 'Deployment Packages']) {
    await selectNode(page, name);
    await expect(page.getByRole('grid', { name })).toBeVisible();
    await expect(page.getByText('There are no items to show in this view.')).toBeVisible();
  }
  await expandNode(page, 'Deployment Management');
  await selectNode(page, 'SMS 2003 Advertisements');
  const advertisements = page.getByRole('grid', { name: 'SMS 2003 Advertisements' });
  for (const migrated of ['Security Updates 2008-01', 'Office Security Updates 2008-Q1', 'Server Updates 2007-H2']) {
    await expect(advertisements.getByRole('row').filter({ hasText: migrated })).toHaveCount(1);
  }
  // Its advertisement was created at child site LON: not migrated.
  await expect(advertisements.getByRole('row').filter({ hasText: 'LON Critical Updates 2008-04' })).toHaveCount(0);
});

test('Collections and Software Distribution > Packages list the site objects', async ({ page }) => {
  await openConsole(page);
  await selectNode(page, 'Collections');
  const collections = page.getByRole('grid', { name: 'Collections' });
  for (const name of ['All Systems', 'All Windows XP Systems', 'CEN Pilot Workstations', 'LON Workstations']) {
    await expect(collections.getByRole('row').filter({ hasText: name }).first()).toBeVisible();
  }
  await expandNode(page, 'Software Distribution');
  await selectNode(page, 'Packages');
  const packages = page.getByRole('grid', { name: 'Packages' });
  const lon = packages.getByRole('row').filter({ hasText: 'LON Critical Updates 2008-04' });
  await expect(lon).toHaveCount(1);
  const office = packages.getByRole('row').filter({ hasText: 'Office Security Updates 2008-Q1' });
  await expect(office).toContainText('\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1');
  await expect(office).toContainText('Failed');
});

test('a node that only holds nodes lists them, and opening one selects it', async ({ page }) => {
  await openConsole(page);
  await selectNode(page, 'Computer Management');
  const grid = page.getByRole('grid', { name: 'Computer Management' });
  await grid.getByRole('row').filter({ hasText: 'Software Updates' }).dblclick();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Software Updates');
  await expect(treeItem(page, 'Software Updates')).toHaveAttribute('aria-selected', 'true');
});
