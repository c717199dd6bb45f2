import { expect, test, type Page } from '@playwright/test';
import { itemCount, openConsole } from './support';

/** The column captions, without the sort arrow (which is hidden from assistive technology). */
const headers = async (page: Page, grid: string) =>
  (await page.getByRole('grid', { name: grid }).getByRole('columnheader').allTextContents()).map((text) =>
    text.replace(/[^\x20-\x7E]/g, '').trim(),
  );

test('Add/Remove Columns from the column header: hide and reorder, remembered after a reload', async ({ page }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await grid.getByRole('columnheader', { name: 'Severity' }).click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Column header' })
    .getByRole('menuitem', { name: 'Add/Remove Columns...' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Add/Remove Columns' });
  const displayed = dialog.getByRole('listbox', { name: 'Displayed columns:' });
  await displayed.selectOption({ label: 'Article ID' });
  await dialog.getByRole('button', { name: '<- Remove' }).click();
  await displayed.selectOption({ label: 'Severity' });
  await dialog.getByRole('button', { name: 'Move Up' }).click();
  await dialog.getByRole('button', { name: 'Move Up' }).click();
  await dialog.getByRole('listbox', { name: 'Available columns:' }).selectOption({ label: 'Vendor' });
  await dialog.getByRole('button', { name: 'Add ->' }).click();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();

  const expected = await headers(page, 'Update Repository');
  expect(expected.slice(0, 3)).toEqual(['Severity', 'Title', 'Bulletin ID']);
  expect(expected).not.toContain('Article ID');
  expect(expected[expected.length - 1]).toBe('Vendor');
  await page.reload();
  await expect(grid.getByRole('columnheader').first()).toBeVisible();
  expect(await headers(page, 'Update Repository')).toEqual(expected);

  // Per administrator: CONTOSO\auditor still has the product's columns.
  await page.getByRole('combobox', { name: 'Connected as' }).selectOption('CONTOSO\\auditor');
  await expect(grid.getByRole('columnheader', { name: 'Article ID' })).toBeVisible();
});

test('select three updates with the keyboard and copy them as tab-separated rows', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(grid.getByRole('row').nth(3)).toBeVisible();
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByLabel('Items')).toHaveText(/, 3 selected$/);
  await expect(grid.locator('[role="row"][aria-selected="true"]')).toHaveCount(3);
  await page.keyboard.press('Control+c');
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Copied 3 rows' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.trim().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]?.split('\t')).toEqual(await headers(page, 'Update Repository'));
  for (let index = 1; index <= 3; index++) {
    const cells = await grid.getByRole('row').nth(index).getByRole('gridcell').allInnerTexts();
    expect(lines[index]?.split('\t')).toEqual(cells);
  }
});

test('click, Ctrl-click, Shift-click and Ctrl+A (every matching row, not only those on screen)', async ({ page }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  const rows = grid.getByRole('row');
  await rows.nth(2).click();
  await rows.nth(5).click({ modifiers: ['Control'] });
  await expect(page.getByLabel('Items')).toHaveText(/, 2 selected$/);
  await rows.nth(8).click({ modifiers: ['Shift'] });
  await expect(page.getByLabel('Items')).toHaveText(/, 4 selected$/);
  await grid.press('Control+a');
  const total = (await itemCount(page).textContent())?.replace(/ items$/, '');
  await expect(page.getByLabel('Items')).toHaveText(`${total} items, ${total} selected`);
  await expect(page.getByRole('region', { name: 'Actions' }).getByRole('heading', { level: 3 }).nth(1)).toHaveText(
    `${total} items selected`,
  );
});

test('right-click and Shift+F10 open a context menu with the Actions pane actions', async ({ page }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await grid.getByRole('row').nth(1).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Update Repository' });
  await expect(menu).toBeVisible();
  const actionsPane = page.getByRole('region', { name: 'Actions' });
  const paneActions = await actionsPane.getByRole('button').allTextContents();
  const menuActions = await menu.getByRole('menuitem').allTextContents();
  expect([...menuActions].sort()).toEqual([...paneActions].sort());
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(grid).toBeFocused();

  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Properties' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('export a filtered view: the CSV is the grid, row by row', async ({ page }) => {
  await openConsole(page, '/console/software-updates/update-repository?q=MS08-00&in=bulletinId&sort=articleId:desc');
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(itemCount(page)).toHaveText(/ items found$/);
  const count = Number((await itemCount(page).textContent())?.replace(/\D/g, ''));
  expect(count).toBeLessThan(40);
  const downloading = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Export List...' }).click();
  const { readFile } = await import('node:fs/promises');
  const text = (await readFile(await (await downloading).path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(count + 1);
  expect(lines[0]).toBe((await headers(page, 'Update Repository')).join(','));
  for (let index = 1; index <= count; index++) {
    const cells = await grid.getByRole('row').nth(index).getByRole('gridcell').allInnerTexts();
    const quoted = cells.map((cell) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell));
    expect(lines[index]).toBe(quoted.join(','));
  }
});
