import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { connectAs, expandNode, itemCount, openConsole, selectNode, switchStage, treeItem } from './support';

const SHOTS = process.env.SHOTS_DIR;
const LIST = 'MS08-067 Out-of-Band';
const RENAMED = 'MS08-067 - October 2008';
const LIST_PATH = /\/console\/software-updates\/update-lists\/UL000001$/;

const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actions(page).getByRole('button', { name, exact: true });

async function expectNoAxeViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Update Repository, "Look for" the text, Find Now, then Ctrl+A: every matching update selected. */
async function selectUpdatesMatching(page: Page, text: string) {
  await selectNode(page, 'Update Repository');
  await page.getByRole('searchbox', { name: 'Look for' }).fill(text);
  await page.getByRole('button', { name: 'Find Now' }).click();
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(grid.getByRole('row').nth(1)).toContainText(text);
  await grid.getByRole('row').nth(1).click();
  await page.keyboard.press('Control+a');
  return grid;
}

/** The titles in the grid's rendered rows (the Title column is the first). */
async function titlesIn(page: Page, gridName: string): Promise<string[]> {
  const grid = page.getByRole('grid', { name: gridName });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  const titles: string[] = [];
  for (const row of await rows.all()) titles.push((await row.getByRole('gridcell').first().innerText()).trim());
  return titles.sort();
}

const countOf = async (page: Page) => Number((await itemCount(page).textContent())?.replace(/\D/g, ''));

test('build an update list from the MS08-067 updates, open it as a node, rename it, remove one, delete it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openConsole(page);
  await switchStage(page, 'Configured');

  // CONTOSO\smsadmin finds MS08-067 in Update Repository, selects every match and runs Update List...
  await selectUpdatesMatching(page, 'MS08-067');
  const selected = await titlesIn(page, 'Update Repository');
  expect(selected.length).toBeGreaterThan(1);
  await action(page, 'Update List...').click();
  const wizard = page.getByRole('dialog', { name: 'Update List Wizard' });
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Create a new update list' })).toBeChecked();
  // No list exists yet: "Add to an existing update list" says why it is greyed out.
  await expect(wizard.getByRole('radio', { name: 'Add to an existing update list' })).toBeDisabled();
  await expect(
    wizard.getByRole('checkbox', { name: 'Download the files associated with the selected software updates' }),
  ).toBeDisabled();
  await wizard.getByRole('textbox', { name: 'Name:' }).fill(LIST);
  await wizard.getByRole('textbox', { name: 'Description:' }).fill('The out-of-band Server service update');
  await expectNoAxeViolations(page, 'dialog');
  await shot(page, 'wizard-update-list');
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('region', { name: 'Summary' })).toContainText(`Create the update list ${LIST}`);
  await shot(page, 'wizard-summary');
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('status')).toHaveText('The Update List Wizard completed successfully.');
  await expect(wizard).toContainText(`The update list ${LIST} (UL000001) was created with ${selected.length}`);
  await shot(page, 'wizard-confirmation');

  // The list is a node under Update Lists that lists exactly those updates.
  await wizard.getByRole('button', { name: 'Open the update list' }).click();
  await expect(wizard).toBeHidden();
  await expect(page).toHaveURL(LIST_PATH);
  await expect(treeItem(page, LIST)).toHaveAttribute('aria-selected', 'true');
  await expect(itemCount(page)).toHaveText(`${selected.length} items`);
  expect(await titlesIn(page, LIST)).toEqual(selected);
  await shot(page, 'list-node');
  await expectNoAxeViolations(page, 'main');

  // Rename, from the list's node.
  await action(page, 'Rename...').click();
  const rename = page.getByRole('dialog', { name: 'Rename Update List' });
  await rename.getByRole('textbox', { name: 'Name' }).fill(RENAMED);
  await rename.getByRole('button', { name: 'OK' }).click();
  await expect(rename).toBeHidden();
  await expect(treeItem(page, RENAMED)).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(RENAMED);

  // Remove one update from the list: the others stay, and the update stays in Update Repository.
  const grid = page.getByRole('grid', { name: RENAMED });
  const removed = (await grid.getByRole('row').nth(1).getByRole('gridcell').first().innerText()).trim();
  await grid.getByRole('row').nth(1).click();
  await action(page, 'Remove from Update List').click();
  const confirm = page.getByRole('dialog', { name: 'Confirm Remove' });
  await expect(confirm).toContainText(`remove the selected software update from the update list ${RENAMED}`);
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(confirm).toBeHidden();
  await expect(itemCount(page)).toHaveText(`${selected.length - 1} items`);
  expect(await titlesIn(page, RENAMED)).toEqual(selected.filter((title) => title !== removed));

  // Properties: General (editable with Modify), Software Updates, Security.
  await action(page, 'Properties').first().click();
  const properties = page.getByRole('dialog', { name: `${RENAMED} Properties` });
  await expect(properties).toBeVisible();
  await expect(properties.getByRole('textbox', { name: 'Description:' })).toHaveValue(
    'The out-of-band Server service update',
  );
  await expect(properties).toContainText('CONTOSO\\smsadmin');
  await expectNoAxeViolations(page, 'dialog');
  await shot(page, 'properties-general');
  await properties.getByRole('tab', { name: 'Software Updates' }).click();
  await expect(
    properties.getByRole('list', { name: 'Software updates in the list' }).getByRole('listitem'),
  ).toHaveCount(selected.length - 1);
  await shot(page, 'properties-software-updates');
  await properties.getByRole('tab', { name: 'General' }).click();
  await properties.getByRole('textbox', { name: 'Description:' }).fill('Critical: MS08-067 only');
  await properties.getByRole('button', { name: 'OK' }).click();
  await expect(properties).toBeHidden();

  // On the Update Lists node the list is a row, with its new name, description and count.
  await selectNode(page, 'Update Lists');
  const lists = page.getByRole('grid', { name: 'Update Lists' });
  await expect(lists.getByRole('row').nth(1)).toContainText(RENAMED);
  await expect(lists.getByRole('row').nth(1)).toContainText('Critical: MS08-067 only');

  // Delete, from its node, after a confirmation that says what happens to deployments made from it.
  await expandNode(page, 'Update Lists');
  await selectNode(page, RENAMED);
  await action(page, 'Delete').click();
  const deleting = page.getByRole('dialog', { name: 'Confirm Delete' });
  await expect(deleting).toContainText('Deployments made from this list are not changed');
  await shot(page, 'delete-confirmation');
  await deleting.getByRole('button', { name: 'Yes' }).click();
  await expect(deleting).toBeHidden();
  await expect(page).toHaveURL(/\/console\/software-updates\/update-lists$/);
  await expect(treeItem(page, RENAMED)).toHaveCount(0);
  await expect(lists.getByRole('row')).toHaveCount(1);
});

test('expired updates cannot be added to an update list, and patchadmin is told which right is missing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openConsole(page);
  // Just upgraded: every migrated update is expired.
  await selectUpdatesMatching(page, 'LEGACY');
  await action(page, 'Update List...').click();
  const wizard = page.getByRole('dialog', { name: 'Update List Wizard' });
  await expect(wizard.getByRole('alert')).toContainText('expired software updates cannot be added to an update list');
  await expect(wizard.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await shot(page, 'wizard-expired');
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard).toBeHidden();

  // Update lists are new in 2007: CONTOSO\patchadmin has no right on them until granted.
  await connectAs(page, 'CONTOSO\\patchadmin');
  await selectUpdatesMatching(page, 'LEGACY');
  const updateList = action(page, 'Update List...');
  await expect(updateList).toHaveAttribute('aria-disabled', 'true');
  await expect(updateList).toHaveAccessibleDescription(
    'CONTOSO\\patchadmin has no Create right on Update Lists and no Modify right on any update list',
  );
  expect(await countOf(page)).toBeGreaterThan(0);
});
