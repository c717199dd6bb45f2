import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openConsole, switchStage } from './support';

const LIST_NAME = 'MS08-067 Updates';
const REPORTS = '/console/reporting/reports';
const SHOTS = process.env.REPORT_SHOTS_DIR;

const actions = (page: Page) => page.getByRole('region', { name: 'Actions' });
const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });

async function noAxeViolations(page: Page, selector?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (selector ? builder.include(selector) : builder).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Creates the update list of MS08-067's English updates through the API, as CONTOSO\smsadmin; answers its ID. */
function createUpdateList(page: Page): Promise<string> {
  return page.evaluate(async (name) => {
    const headers = { 'X-Admin': 'CONTOSO\\smsadmin', 'Content-Type': 'application/json' };
    const found = await fetch('/api/software-updates?q=MS08-067&searchIn=bulletinId&limit=100', { headers });
    const { items } = (await found.json()) as { items: Array<{ id: string; legacy: boolean; language: string }> };
    const updateIds = items.filter((u) => !u.legacy && u.language === 'English').map((u) => u.id);
    const made = await fetch('/api/update-lists', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name, updateIds }),
    });
    return ((await made.json()) as { item: { id: string } }).item.id;
  }, LIST_NAME);
}

/** Opens a report from the Reports node: select its row, then Run in the Actions pane. */
async function runFromReportsNode(page: Page, reportName: string, checkNode = false) {
  await openConsole(page, REPORTS);
  await expect(heading(page)).toHaveText('Reports');
  const grid = page.getByRole('grid', { name: 'Reports' });
  if (checkNode) {
    await expect(grid.getByRole('row').nth(1)).toBeVisible();
    await shot(page, 'reports-node');
    await noAxeViolations(page, 'main');
  }
  await grid.getByRole('gridcell', { name: reportName, exact: true }).first().click();
  await actions(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(heading(page)).toHaveText(`Report Viewer - ${reportName}`);
}

/** A result table's rows, by column caption. */
async function tableRows(table: Locator): Promise<Array<Record<string, string>>> {
  const captions = await table.getByRole('columnheader').allInnerTexts();
  const rows: Array<Record<string, string>> = [];
  for (const row of await table.locator('tbody tr').all()) {
    const cells = await row.getByRole('cell').allInnerTexts();
    rows.push(Object.fromEntries(captions.map((caption, index) => [caption.trim(), (cells[index] ?? '').trim()])));
  }
  return rows;
}

/** The grid's rendered rows, by column caption. */
async function gridRows(grid: Locator): Promise<Array<Record<string, string>>> {
  const captions = (await grid.getByRole('columnheader').allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
  const result: Array<Record<string, string>> = [];
  for (const row of await grid
    .getByRole('row')
    .filter({ has: grid.page().getByRole('gridcell') })
    .all()) {
    const cells = (await row.getByRole('gridcell').allInnerTexts()).map((text) => text.trim());
    result.push(Object.fromEntries(captions.map((caption, index) => [caption, cells[index] ?? ''])));
  }
  return result;
}

test.describe.configure({ timeout: 120_000 });

test('Compliance 1 for an update list and a collection: its figures are the grid’s', async ({ page }) => {
  await openConsole(page);
  await switchStage(page, 'Synchronized');
  const listId = await createUpdateList(page);

  // The update list's own node: each update's Required and Installed, as the grid shows them.
  await openConsole(page, `/console/software-updates/update-lists/${listId}`);
  const listGrid = page.getByRole('grid', { name: LIST_NAME });
  await expect(listGrid.getByRole('row').nth(1)).toBeVisible();
  const inGrid = await gridRows(listGrid);
  expect(inGrid.length).toBeGreaterThan(1);

  await runFromReportsNode(page, 'Compliance 1 - Overall compliance');
  await noAxeViolations(page, 'main');
  await page.getByRole('combobox', { name: 'Update List ID:' }).selectOption({ label: `${LIST_NAME} (${listId})` });
  await page.getByRole('combobox', { name: 'Collection ID:' }).selectOption({ label: 'All Systems (SMS00001)' });
  await shot(page, 'compliance-1-form');
  await page.getByRole('button', { name: 'Display' }).click();
  await expect(page).toHaveURL(
    new RegExp(`report=compliance-1&p\\.updateList=${listId}&p\\.collection=SMS00001&display=1`),
  );
  const perUpdate = page.getByRole('table', { name: 'Software updates in the update list' });
  await expect(perUpdate.locator('tbody tr').first()).toBeVisible();
  const inReport = await tableRows(perUpdate);
  expect(inReport.map((row) => row.Title).sort()).toEqual(inGrid.map((row) => row.Title).sort());
  for (const row of inReport) {
    const gridRow = inGrid.find((candidate) => candidate.Title === row.Title);
    expect(row.Required, row.Title).toBe(gridRow?.Required);
    expect(row.Installed, row.Title).toBe(gridRow?.Installed);
  }
  const overall = await tableRows(page.getByRole('table', { name: `Compliance of All Systems with ${LIST_NAME}` }));
  expect(overall.map((row) => row['Compliance State'])).toEqual([
    'Compliant',
    'Non-compliant',
    'Compliance state unknown',
  ]);
  expect(overall.reduce((sum, row) => sum + Number(row.Computers.replace(/,/g, '')), 0)).toBe(1500);
  await expect(page.getByRole('figure', { name: 'Computers by compliance state' })).toBeVisible();
  await shot(page, 'compliance-1-result');
  await noAxeViolations(page, 'main');

  // Another collection: the computers counted are the members the Collections grid shows.
  await page
    .getByRole('combobox', { name: 'Collection ID:' })
    .selectOption({ label: 'CEN Pilot Workstations (CEN00011)' });
  await page.getByRole('button', { name: 'Display' }).click();
  const pilot = page.getByRole('table', { name: `Compliance of CEN Pilot Workstations with ${LIST_NAME}` });
  await expect(pilot).toBeVisible();
  const pilotComputers = (await tableRows(pilot)).reduce((sum, row) => sum + Number(row.Computers), 0);
  await openConsole(page, '/console/collections?q=CEN%20Pilot&in=name');
  const collectionsGrid = page.getByRole('grid', { name: 'Collections' });
  await expect(collectionsGrid.getByRole('row').nth(1)).toBeVisible();
  const collections = await gridRows(collectionsGrid);
  expect(collections.map((row) => [row.Name, Number(row.Members)])).toEqual([
    ['CEN Pilot Workstations', pilotComputers],
  ]);
});

test('a deprecated SMS 2003 report warns first and names its replacement; a failing one says so', async ({ page }) => {
  await runFromReportsNode(page, 'Compliance summary by bulletin ID', true);
  const note = page.getByRole('note', { name: 'Deprecated report' });
  await expect(note).toContainText('This SMS 2003 report was migrated with the upgrade and is deprecated.');
  await expect(note.getByRole('link', { name: 'Compliance 5 - Updates by vendor/month/year' })).toBeVisible();
  await page.getByRole('button', { name: 'Display' }).click();
  const warning = page.getByRole('dialog', { name: 'Deprecated Report' });
  await expect(warning).toContainText('might fail to run or retrieve the expected data');
  await shot(page, 'deprecated-warning');
  await noAxeViolations(page, 'dialog');
  await warning.getByRole('button', { name: 'Run Anyway' }).click();
  await expect(warning).toBeHidden();
  const result = page.getByRole('region', { name: 'Compliance summary by bulletin ID' });
  await expect(result.getByRole('note').filter({ hasText: 'Stale data' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Compliance summary by bulletin ID' }).locator('tbody tr').first(),
  ).toBeVisible();
  await shot(page, 'deprecated-stale');

  await runFromReportsNode(page, 'Contoso - LON workstations missing critical updates');
  await page.getByRole('button', { name: 'Display' }).click();
  await page.getByRole('dialog', { name: 'Deprecated Report' }).getByRole('button', { name: 'Run Anyway' }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'The report failed to run.' });
  await expect(failed).toContainText("Invalid object name 'v_GS_PATCHSTATE'");
  await shot(page, 'deprecated-fails');
  await failed.getByRole('link', { name: 'Compliance 1 - Overall compliance' }).click();
  await expect(heading(page)).toHaveText('Report Viewer - Compliance 1 - Overall compliance');
});

test('export a report: Compliance 5 by vendor, month and year, with its chart', async ({ page }) => {
  await runFromReportsNode(page, 'Compliance 5 - Updates by vendor/month/year');
  await page.getByRole('combobox', { name: 'Collection ID:' }).selectOption({ label: 'All Systems (SMS00001)' });
  await page.getByRole('combobox', { name: 'Vendor:' }).selectOption('Microsoft');
  await page.getByRole('combobox', { name: 'Year:' }).selectOption('2008');
  await page.getByRole('button', { name: 'Display' }).click();
  await expect(page.getByRole('figure', { name: 'Compliance by month, Microsoft 2008' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Software updates by month' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const rows = await table.locator('tbody tr').count();
  await shot(page, 'compliance-5-result');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export...' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('compliance-5.csv');
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(await download.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('Compliance 5 - Updates by vendor/month/year');
  expect(lines).toContain('Collection ID,All Systems (SMS00001)');
  const header = lines.indexOf(
    'Month,Title,Bulletin ID,Article ID,Required,Installed,Not Required,Unknown,Percent Compliant',
  );
  expect(header).toBeGreaterThan(0);
  expect(lines.length - header - 1).toBe(rows);
  await expect(page.getByRole('status').filter({ hasText: 'Exported Compliance 5' })).toBeVisible();
});

test('a refused parameter is named: lonadmin may not read CEN Pilot Workstations', async ({ page }) => {
  await openConsole(page, `${REPORTS}?report=scan-1&p.collection=CEN00011&display=1&as=CONTOSO%5Clonadmin`);
  await expect(page.getByRole('alert')).toContainText('CONTOSO\\lonadmin has no Read right on collection CEN00011');
  await openConsole(
    page,
    `${REPORTS}?report=compliance-5&p.collection=SMS00001&p.vendor=Microsoft&p.year=1999&display=1&as=CONTOSO%5Csmsadmin`,
  );
  const year = page.getByRole('combobox', { name: 'Year:' });
  await expect(year).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^year: 1999 is not a year of this site/)).toBeVisible();
});
