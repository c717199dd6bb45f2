import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connectAs, expandNode, itemCount, openConsole, selectNode, treeItem } from './support';

const FOLDER = 'Critical security updates - last 12 months';
const FOLDER_PATH = /\/console\/software-updates\/update-repository\/search-folders\/SF000001$/;

const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actions(page).getByRole('button', { name, exact: true });

/** The texts of the grid's rendered rows, by column caption. */
async function rowsByCaption(grid: Locator): Promise<Array<Record<string, string>>> {
  // A header's text is its caption, then the sort arrow on a line of its own.
  const captions = (await grid.getByRole('columnheader').allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
  const rows = grid.getByRole('row').filter({ has: grid.page().getByRole('gridcell') });
  const result: Array<Record<string, string>> = [];
  for (const row of await rows.all()) {
    const cells = (await row.getByRole('gridcell').allInnerTexts()).map((text) => text.trim());
    result.push(Object.fromEntries(captions.map((caption, index) => [caption, cells[index] ?? ''])));
  }
  return result;
}

/** "12/18/2007" as a comparable "2007-12-18". */
const isoOf = (shown: string) => {
  const [month, day, year] = shown.split('/').map(Number) as [number, number, number];
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const countOf = async (page: Page) => Number((await itemCount(page).textContent())?.replace(/\D/g, ''));

async function createCriticalLastYear(page: Page) {
  await expandNode(page, 'Update Repository');
  await selectNode(page, 'Search Folders');
  await action(page, 'New Search Folder...').click();
  const dialog = page.getByRole('dialog', { name: 'Search Folder Criteria' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(FOLDER);
  await dialog.getByRole('combobox', { name: 'Date released' }).selectOption({ label: 'In the last year (12 months)' });
  await dialog
    .getByRole('group', { name: 'Severity' })
    .getByRole('checkbox', { name: 'Critical', exact: true })
    .check();
  await dialog
    .getByRole('group', { name: 'Classification' })
    .getByRole('checkbox', { name: 'Security Updates', exact: true })
    .check();
  await expect(dialog).toContainText(
    'Date Released in the last year (12 months); Severity is Critical; Update Classification is Security Updates',
  );
  return dialog;
}

test('create a search folder for Critical security updates released in the last twelve months, and open it', async ({
  page,
}) => {
  await openConsole(page);
  await selectNode(page, 'Update Repository');
  const repositoryCount = await countOf(page);

  const dialog = await createCriticalLastYear(page);
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();

  // The console opens the new folder: a node under Search Folders, listing what matches on the site clock (12/18/2008).
  await expect(page).toHaveURL(FOLDER_PATH);
  await expect(treeItem(page, FOLDER)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(FOLDER);
  const grid = page.getByRole('grid', { name: FOLDER });
  await expect(itemCount(page)).toHaveText(/^\d+ items$/);
  const folderCount = await countOf(page);
  expect(folderCount).toBeGreaterThan(0);
  expect(folderCount).toBeLessThan(repositoryCount);
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  const rows = await rowsByCaption(grid);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.Severity).toBe('Critical');
    expect(isoOf(row['Date Released'] ?? '') >= '2007-12-18').toBe(true);
    expect(row.Title).toMatch(/Security Update/);
  }

  // It lists the folders under Search Folders with their criteria in plain words.
  await selectNode(page, 'Search Folders');
  const folders = page.getByRole('grid', { name: 'Search Folders' });
  await expect(folders.getByRole('row').filter({ hasText: FOLDER })).toContainText('Severity is Critical');

  // Saved: a reload rebuilds the site from its log, and the folder finds the same updates.
  await page.goto('/console/software-updates/update-repository/search-folders/SF000001');
  await expect(page.getByRole('grid', { name: FOLDER })).toBeVisible();
  await expect(itemCount(page)).toHaveText(`${folderCount} items`);
});

test('the criteria dialog says which field is wrong, and Cancel creates nothing', async ({ page }) => {
  await openConsole(page);
  await expandNode(page, 'Update Repository');
  await selectNode(page, 'Search Folders');
  await action(page, 'New Search Folder...').click();
  const dialog = page.getByRole('dialog', { name: 'Search Folder Criteria' });
  await dialog.getByRole('textbox', { name: /Article ID/ }).fill('KB 958644');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('The name cannot be empty.');
  await expect(dialog.getByRole('textbox', { name: /Article ID/ })).toHaveAccessibleDescription(
    /may hold only letters, digits, hyphens and dots/,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('There are no items to show in this view.')).toBeVisible();
});

test('rename and delete a search folder from the Actions pane', async ({ page }) => {
  await openConsole(page);
  const dialog = await createCriticalLastYear(page);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page).toHaveURL(FOLDER_PATH);

  await action(page, 'Rename...').click();
  const rename = page.getByRole('dialog', { name: 'Rename Search Folder' });
  const name = rename.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue(FOLDER);
  await name.fill('Critical 2008');
  await rename.getByRole('button', { name: 'OK' }).click();
  await expect(rename).toBeHidden();
  await expect(treeItem(page, 'Critical 2008')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Critical 2008');
  await expect(treeItem(page, FOLDER)).toHaveCount(0);

  await action(page, 'Delete').click();
  const confirm = page.getByRole('dialog', { name: 'Confirm Delete' });
  await expect(confirm).toContainText('Critical 2008');
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(confirm).toBeHidden();
  await expect(page).toHaveURL(/\/console\/software-updates\/update-repository\/search-folders$/);
  await expect(treeItem(page, 'Critical 2008')).toHaveCount(0);
  await expect(page.getByRole('grid', { name: 'Search Folders' })).toBeVisible();
  await expect(page.getByText('There are no items to show in this view.')).toBeVisible();
});

test('CONTOSO\\patchadmin may not create a search folder, and the action says why', async ({ page }) => {
  await openConsole(page);
  await connectAs(page, 'CONTOSO\\patchadmin');
  await expandNode(page, 'Update Repository');
  await selectNode(page, 'Search Folders');
  const create = action(page, 'New Search Folder...');
  await expect(create).toHaveAttribute('aria-disabled', 'true');
  await expect(create).toHaveAccessibleDescription('CONTOSO\\patchadmin has no Create right on Search Folders');
});

test('the Delete key deletes the selected folder of the Search Folders list, after a confirmation', async ({
  page,
}) => {
  await openConsole(page);
  const dialog = await createCriticalLastYear(page);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page).toHaveURL(FOLDER_PATH);
  await selectNode(page, 'Search Folders');
  const grid = page.getByRole('grid', { name: 'Search Folders' });
  await grid.getByRole('row').filter({ hasText: FOLDER }).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Confirm Delete' });
  await expect(confirm).toContainText(FOLDER);
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(confirm).toBeHidden();
  await expect(itemCount(page)).toHaveText('0 items');
  await expect(treeItem(page, FOLDER)).toHaveCount(0);
});
