import { expect, test } from '@playwright/test';
import { itemCount, openConsole } from './support';

test('Look for / Search in / Find Now / Clear search through the server', async ({ page }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(itemCount(page)).toHaveText(/^\d+ items$/);
  const allItems = await itemCount(page).textContent();

  await page.getByRole('searchbox', { name: 'Look for' }).fill('KB941644');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(itemCount(page)).toHaveText('6 items found');
  await expect(page).toHaveURL(/q=KB941644/);
  const rows = grid.getByRole('row');
  await expect(rows).toHaveCount(7);
  for (const row of await rows.all()) {
    if ((await row.getAttribute('aria-rowindex')) === '1') continue;
    await expect(row).toContainText('KB941644');
  }

  // Search in one column: bulletin IDs of January 2008.
  await page.getByRole('searchbox', { name: 'Look for' }).fill('MS08-00');
  await page.getByRole('combobox', { name: 'Search in' }).selectOption({ label: 'Bulletin ID' });
  await page.getByRole('searchbox', { name: 'Look for' }).press('Enter');
  await expect(itemCount(page)).toHaveText(/ items found$/);
  await expect(page).toHaveURL(/in=bulletinId/);
  await expect(grid.getByRole('row').nth(1)).toContainText('MS08-00');

  await page.getByRole('searchbox', { name: 'Look for' }).fill('no such update anywhere');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(itemCount(page)).toHaveText('0 items found');
  await expect(page.getByText('There are no items that match the search criteria.')).toBeVisible();

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(itemCount(page)).toHaveText(allItems ?? '');
  await expect(page.getByRole('searchbox', { name: 'Look for' })).toHaveValue('');
});

test('sorting a column is done by the server and kept in the URL', async ({ page }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  const header = grid.getByRole('columnheader', { name: 'Required' });
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=required%3Adesc|sort=required:desc/);
  const requiredColumn = 8;
  const values = await grid
    .getByRole('row')
    .locator(`[aria-colindex="${requiredColumn + 1}"]`)
    .allTextContents();
  const numbers = values.slice(1, 20).map((value) => Number(value.replace(/,/g, '')));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
});
