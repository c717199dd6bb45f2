import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expandNode, itemCount, openConsole, selectNode, switchStage } from './support';

// axe walks every rendered cell of the grid: on a busy 2-core machine one analysis can take 20 s or more.
test.describe.configure({ timeout: 180_000 });

const XP = 'Security Update for Windows XP (KB958644)';
const SHOTS = '/tmp/shots-C';

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(summary).toEqual([]);
}

/** Update Repository, the MS08-067 Windows XP update found, its Properties opened by a double-click. */
async function openXpProperties(page: Page): Promise<Locator> {
  await selectNode(page, 'Update Repository');
  await page.getByRole('searchbox', { name: 'Look for' }).fill(XP);
  await page.getByRole('button', { name: 'Find Now' }).click();
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await expect(grid.getByRole('row')).toHaveCount(2);
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().dblclick();
  const dialog = page.getByRole('dialog', { name: `${XP} Properties` });
  await expect(dialog.getByRole('tab', { name: 'General' })).toBeVisible();
  return dialog;
}

/** The number a compliance count's link shows, in the Compliance tab. */
async function countOf(dialog: Locator, state: string): Promise<number> {
  const link = dialog.getByRole('link', { name: new RegExp(`^[\\d,]+ ${state} clients of `) });
  return Number((await link.innerText()).replace(/,/g, ''));
}

test("MS08-067's Windows XP update: Properties, its compliance chart, and its Required clients", async ({ page }) => {
  await openConsole(page);
  await switchStage(page, 'Synchronized');
  await expandNode(page, 'Software Updates');
  let dialog = await openXpProperties(page);

  // General: the article and the bulletin are links.
  await expect(dialog.getByRole('link', { name: '958644', exact: true })).toHaveAttribute(
    'href',
    'http://support.microsoft.com/kb/958644',
  );
  await expect(dialog.getByRole('link', { name: 'MS08-067', exact: true })).toHaveAttribute(
    'href',
    'http://www.microsoft.com/technet/security/bulletin/ms08-067.mspx',
  );
  await page.screenshot({ path: `${SHOTS}/properties-general.png` });

  // Compliance: the chart's accessible table holds the very counts of the tab.
  await dialog.getByRole('tab', { name: 'Compliance' }).click();
  const figures = dialog.getByRole('table', { name: `Compliance of ${XP}` });
  const counts: Record<string, number> = {};
  for (const state of ['Required', 'Installed', 'Not Required', 'Unknown']) {
    counts[state] = await countOf(dialog, state);
    const row = figures.getByRole('row').filter({ has: page.getByRole('rowheader', { name: state, exact: true }) });
    await expect(row.getByRole('cell')).toHaveText(String(counts[state]));
  }
  expect(counts.Required).toBeGreaterThan(0);
  await expect(dialog.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/properties-compliance.png` });
  await expectNoAxeViolations(page, 'dialog');

  // The other tabs say what they are about.
  await dialog.getByRole('tab', { name: 'SMS 2003' }).click();
  await expect(dialog.getByRole('note')).toContainText('Yes: the ITMU catalog');
  await page.screenshot({ path: `${SHOTS}/properties-sms2003.png` });
  await dialog.getByRole('tab', { name: 'Supersedence' }).click();
  await expect(dialog.getByRole('heading', { name: 'This software update supersedes:' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/properties-supersedence.png` });
  await dialog.getByRole('tab', { name: 'Content Information' }).click();
  await expect(dialog.getByRole('table', { name: 'Content files' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/properties-content.png` });

  // Required drills down to those clients: the dialog gives way to their list, a URL of its own.
  await dialog.getByRole('tab', { name: 'Compliance' }).click();
  await dialog.getByRole('link', { name: new RegExp(`^[\\d,]+ Required clients of `) }).click();
  await expect(dialog).toBeHidden();
  const title = `Required clients of ${XP}`;
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page).toHaveURL(/[?&]clients=\d+&state=required/);
  await expect(itemCount(page)).toHaveText(`${counts.Required} items`);
  const clients = page.getByRole('grid', { name: title });
  await expect(clients).toHaveAttribute('aria-rowcount', String((counts.Required ?? 0) + 1));
  await expect(clients.getByRole('row').nth(1)).toContainText('Required');
  await page.screenshot({ path: `${SHOTS}/drill-down.png` });
  await expectNoAxeViolations(page, 'main');

  // Sort: Name descending, by the server.
  const firstName = (await clients.getByRole('row').nth(1).getByRole('gridcell').first().innerText()).trim();
  await clients.getByRole('columnheader', { name: 'Name' }).click();
  await expect(clients.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=name%3Adesc|sort=name:desc/);
  const topName = (await clients.getByRole('row').nth(1).getByRole('gridcell').first().innerText()).trim();
  expect(topName > firstName).toBe(true);

  // Export List: every client of the list, as the grid shows them.
  const downloading = page.waitForEvent('download');
  await page.getByRole('main').getByRole('button', { name: 'Export List...' }).click();
  const csv = (await readFile(await (await downloading).path(), 'utf8')).replace(/^\uFEFF/, '').trimEnd();
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Name,Compliance State,Client Type,Site Code,Operating System');
  expect(lines).toHaveLength((counts.Required ?? 0) + 1);
  expect(lines[1]?.startsWith(`${topName},Required,`)).toBe(true);

  // Find one client.
  await page.getByRole('searchbox', { name: 'Look for' }).fill(firstName);
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(itemCount(page)).toHaveText('1 item found');
  await expect(clients.getByRole('row').nth(1)).toContainText(firstName);

  // Back: the list it came from; the browser's Back too.
  await page.getByRole('button', { name: 'Back to Update Repository' }).click();
  await expect(page.getByRole('grid', { name: 'Update Repository' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('grid', { name: title })).toBeVisible();

  // From the grid: the Installed count of the update's row is a link too, reached with Tab from its row.
  await page.getByRole('button', { name: 'Back to Update Repository' }).click();
  await page.getByRole('searchbox', { name: 'Look for' }).fill(XP);
  await page.getByRole('button', { name: 'Find Now' }).click();
  const updates = page.getByRole('grid', { name: 'Update Repository' });
  await expect(updates.getByRole('row')).toHaveCount(2);
  await updates.getByRole('row').nth(1).getByRole('gridcell').first().click();
  await expect(updates.getByRole('row').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: new RegExp(`^[\\d,]+ Required clients of `) })).toBeFocused();
  await page.keyboard.press('Tab');
  const installedLink = page.getByRole('link', { name: new RegExp(`^[\\d,]+ Installed clients of `) });
  await expect(installedLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(`Installed clients of ${XP}`);
  await expect(itemCount(page)).toHaveText(`${counts.Installed} items`);
  dialog = page.getByRole('dialog');
  await expect(dialog).toHaveCount(0);
});

test('Maximum Run Time: saved by CONTOSO\\smsadmin, greyed with the reason for an administrator without Modify', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Synchronized');
  await expandNode(page, 'Software Updates');
  let dialog = await openXpProperties(page);
  await dialog.getByRole('tab', { name: 'Maximum Run Time' }).click();
  const minutes = dialog.getByRole('spinbutton', { name: 'Maximum run time (minutes)' });
  await expect(minutes).toHaveValue('5');
  // Out of range: said at once, nothing sent.
  await minutes.fill('3');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('from 5 to 9,999');
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await minutes.fill('45');
  await page.screenshot({ path: `${SHOTS}/properties-max-run-time.png` });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();

  // Reopened (after a reload too): 45 minutes.
  await page.reload();
  await expect(page.getByRole('tree', { name: 'Console tree' })).toBeVisible();
  dialog = await openXpProperties(page);
  await dialog.getByRole('tab', { name: 'Maximum Run Time' }).click();
  await expect(dialog.getByRole('spinbutton', { name: 'Maximum run time (minutes)' })).toHaveValue('45');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // CONTOSO\auditor reads the LEGACY updates only: the box is read-only and says why.
  const legacyId = await page.evaluate(async () => {
    const answer = await fetch('/api/software-updates?q=LEGACY&limit=1', {
      headers: { 'X-Admin': 'CONTOSO\\auditor' },
    });
    return ((await answer.json()) as { items: Array<{ id: string }> }).items[0]?.id ?? '';
  });
  await openConsole(page, `/console/software-updates/update-repository?props=${legacyId}&as=CONTOSO%5Cauditor`);
  dialog = page.getByRole('dialog', { name: /\(LEGACY\) Properties$/ });
  await dialog.getByRole('tab', { name: 'Maximum Run Time' }).click();
  const readOnly = dialog.getByRole('spinbutton', { name: 'Maximum run time (minutes)' });
  await expect(readOnly).toHaveAttribute('readonly', '');
  await expect(readOnly).toHaveAccessibleDescription(
    `The maximum run time is read-only: CONTOSO\\auditor has no Modify right on software update ${legacyId}.`,
  );
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/properties-max-run-time-read-only.png` });
  await expectNoAxeViolations(page, 'dialog');
});
