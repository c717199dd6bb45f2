import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { connectAs, openConsole, selectNode, switchStage } from './support';

// axe and the stage builds take a while on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const SHOTS = '/tmp/shots-D';
const actionsPane = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actionsPane(page).getByRole('button', { name, exact: true });
/** The results pane's "N items" (the action's message is a status too). */
const itemCount = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^\d[\d,]* items?$/ });
const lastUpdated = (page: Page) => page.getByTestId('homepage-last-updated');
const summaryGrid = (page: Page) => page.getByRole('grid', { name: 'Software Update Installation Status Summary' });
const filterBox = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Filter' }).getByRole('combobox', { name, exact: true });

async function clockMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'Site clock options' }).click();
  const menu = page.getByRole('menu', { name: 'Site clock options' });
  await menu.getByRole(/speed|Real time/.test(item) ? 'menuitemradio' : 'menuitem', { name: item }).click();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

type Sums = { Installed: number; Required: number; 'Not Required': number; Unknown: number };
const STATES = ['Installed', 'Required', 'Not Required', 'Unknown'] as const;
const number = (text: string) => Number(text.replace(/[^\d]/g, '') || '0');

/** The chart's figures (its table for screen readers), added up over its categories. */
async function chartSums(page: Page): Promise<Sums> {
  const table = page.getByRole('main').getByRole('figure').locator('table');
  const captions = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  const sums: Sums = { Installed: 0, Required: 0, 'Not Required': 0, Unknown: 0 };
  for (const row of await table.locator('tbody tr').all()) {
    const cells = await row.locator('td').allTextContents();
    for (const state of STATES) sums[state] += number(cells[captions.indexOf(state) - 1] ?? '0');
  }
  return sums;
}

/** The grid's rows added up by column (every row is on screen for these small filters). */
async function gridSums(grid: Locator): Promise<Sums & { rows: number }> {
  const captions = (await grid.getByRole('columnheader').allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
  const rows = grid.getByRole('row').filter({ has: grid.page().getByRole('gridcell') });
  const sums = { Installed: 0, Required: 0, 'Not Required': 0, Unknown: 0, rows: 0 };
  for (const row of await rows.all()) {
    const cells = (await row.getByRole('gridcell').allInnerTexts()).map((text) => text.trim());
    sums.rows += 1;
    for (const state of STATES) sums[state] += number(cells[captions.indexOf(state)] ?? '0');
  }
  return sums;
}

async function expectChartEqualsGrid(page: Page, rows: number) {
  await expect(itemCount(page)).toHaveText(`${rows} ${rows === 1 ? 'item' : 'items'}`);
  const grid = summaryGrid(page);
  await expect(grid.getByRole('row').filter({ has: page.getByRole('gridcell') })).toHaveCount(rows);
  const fromGrid = await gridSums(grid);
  const { rows: counted, ...sums } = fromGrid;
  expect(counted).toBe(rows);
  expect(await chartSums(page)).toEqual(sums);
}

test('the Software Updates home page: Last Updated, Run Homepage Summarization, filters in the URL, chart = grid, axe', async ({
  page,
}) => {
  await openConsole(page);
  await selectNode(page, 'Software Updates');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Software Update Installation Status Summary' })).toBeVisible();
  // The upgraded site was first summarized when Setup brought it up.
  await expect(lastUpdated(page)).toHaveText('12/18/2008 9:00 AM');
  await expect(main).toContainText('summarized every 4 hours');
  // The defaults: Microsoft's security updates of every month of the site's year.
  await expect(filterBox(page, 'Vendor:')).toHaveValue('Microsoft');
  await expect(filterBox(page, 'Update Classification:')).toHaveValue('Security Updates');
  await expect(filterBox(page, 'Month:')).toHaveValue('all');
  await expect(filterBox(page, 'Year:')).toHaveValue('2008');
  await expect(main.getByRole('figure')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/home-page.png` });
  await expectNoAxeViolations(page);

  // Run Homepage Summarization an hour later: Last Updated is the site time it ran.
  await clockMenu(page, 'Fast-forward 1 hour');
  await expect(page.getByRole('timer', { name: 'Site clock' })).toHaveText(/1[01]:\d\d AM/);
  await action(page, 'Run Homepage Summarization').click();
  await expect(lastUpdated(page)).toHaveText(/^12\/18\/2008 1[01]:\d\d AM$/);
  await expect(main.getByRole('status').filter({ hasText: 'Home page summarization completed' })).toBeVisible();

  // Filter by vendor, classification, month and year: the URL keeps it, and the chart adds up to the grid.
  await filterBox(page, 'Month:').selectOption({ label: 'March' });
  await expect(page).toHaveURL(/month=3/);
  await expectChartEqualsGrid(page, 3);
  await filterBox(page, 'Vendor:').selectOption({ label: 'All vendors' });
  await filterBox(page, 'Update Classification:').selectOption({ label: 'All classifications' });
  await expect(page).toHaveURL(/vendor=all&class=all&month=3/);
  await expectChartEqualsGrid(page, 5);
  await page.screenshot({ path: `${SHOTS}/home-page-march-2008.png` });

  // A demo link opens the home page on its filter; a reload keeps it.
  await page.goto('/console/software-updates?vendor=Sun%20Microsystems&class=all&month=all&year=all');
  await expect(filterBox(page, 'Vendor:')).toHaveValue('Sun Microsystems');
  await expect(filterBox(page, 'Year:')).toHaveValue('all');
  await expectChartEqualsGrid(page, 1);
  await page.reload();
  await expect(filterBox(page, 'Vendor:')).toHaveValue('Sun Microsystems');

  // The Article ID is a link to more information; a row opens the update's Properties.
  const firstRow = summaryGrid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') })
    .first();
  await expect(firstRow.getByRole('link')).toHaveAttribute('href', /^http/);
  await firstRow.getByRole('gridcell').nth(2).dblclick();
  await expect(page.getByRole('dialog')).toContainText('Properties');
});

test('Schedule Home Page Summarization: the Custom Schedule dialog, checked, and refused without Modify on site CEN', async ({
  page,
}) => {
  await openConsole(page, '/console/software-updates');
  await expect(lastUpdated(page)).toHaveText('12/18/2008 9:00 AM');
  await action(page, 'Schedule Home Page Summarization...').click();
  const dialog = page.getByRole('dialog', { name: 'Custom Schedule' });
  await expect(dialog.getByRole('textbox', { name: 'Recur every' })).toHaveValue('4');
  await expect(dialog.getByRole('combobox', { name: 'Unit' })).toHaveValue('Hours');
  await dialog.getByRole('combobox', { name: 'Unit' }).selectOption('Minutes');
  await dialog.getByRole('textbox', { name: 'Recur every' }).fill('10');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toContainText('Minutes must be from 15 to 59.');
  await page.screenshot({ path: `${SHOTS}/custom-schedule.png` });
  await expectNoAxeViolations(page);
  await dialog.getByRole('combobox', { name: 'Unit' }).selectOption('Hours');
  await dialog.getByRole('textbox', { name: 'Recur every' }).fill('1');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  // An hourly schedule whose hour has passed since 9:00 AM summarizes at once; else the next is an hour after.
  await expect(page.getByRole('main')).toContainText('summarized every 1 hour');

  // CONTOSO\patchadmin reads the updates but holds only Read on site CEN: the actions say so.
  await connectAs(page, 'CONTOSO\\patchadmin');
  await expect(lastUpdated(page)).toBeVisible();
  for (const name of ['Run Homepage Summarization', 'Schedule Home Page Summarization...']) {
    await expect(action(page, name)).toBeDisabled();
    await expect(action(page, name)).toHaveAccessibleDescription(/CONTOSO\\patchadmin has no Modify right on site CEN/);
  }
});

test('a deployment rolling out shows on the home page only after the next summarization', async ({ page }) => {
  await openConsole(page);
  await switchStage(page, 'Configured');
  await page.goto('/console/software-updates?vendor=all&class=all&month=12&year=2008');
  // The December 2008 updates came with the synchronization after the 9:00 AM summarization.
  await expect(lastUpdated(page)).toHaveText('12/18/2008 9:00 AM');
  await expect(itemCount(page)).toHaveText('0 items');
  await action(page, 'Run Homepage Summarization').click();
  await expect(lastUpdated(page)).not.toHaveText('12/18/2008 9:00 AM');
  await expect(itemCount(page)).not.toHaveText('0 items');
  const before = (await chartSums(page)).Installed;
  // Critical Updates - December 2008 reports installations every hour: two hours on, the home page has not moved.
  await clockMenu(page, 'Fast-forward 1 hour');
  await clockMenu(page, 'Fast-forward 1 hour');
  await expect(page.getByRole('timer', { name: 'Site clock' })).toHaveText(/(1:5\d|2:\d\d) PM/);
  await page.getByRole('button', { name: 'Refresh' }).first().click();
  await expect.poll(async () => (await chartSums(page)).Installed).toBe(before);
  await action(page, 'Run Homepage Summarization').click();
  await expect.poll(async () => (await chartSums(page)).Installed).toBeGreaterThan(before);
  await page.screenshot({ path: `${SHOTS}/home-page-after-rollout.png` });
});
