import { expect, test, type Page } from '@playwright/test';
import { expandNode, openConsole, selectNode, switchStage } from './support';

const actionsPane = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actionsPane(page).getByRole('button', { name, exact: true });

/** Fast-forwards the site clock from the header's clock menu. */
async function clockMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'Site clock options' }).click();
  const menu = page.getByRole('menu', { name: 'Site clock options' });
  // The speeds are radio items, the rest plain items.
  await menu.getByRole(/speed|Real time/.test(item) ? 'menuitemradio' : 'menuitem', { name: item }).click();
}

test('the Microsoft Updates Tool Sync fails with a pointer to KB 954474 until the update is installed on the site server', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Just upgraded');

  // Setup started the ITMU catalog synchronization: a job on the site clock, shown in the status bar.
  const jobs = page.getByRole('button', { name: /^Site jobs: 1 job running/ });
  await expect(jobs).toBeVisible();
  await jobs.click();
  const dialog = page.getByRole('dialog', { name: 'Site Jobs' });
  await expect(dialog.getByRole('progressbar').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'OK', exact: true }).click();

  await clockMenu(page, 'Fast-forward to end of running jobs');
  await expect(page.getByRole('timer', { name: 'Site clock' })).toHaveText(/10:1\d AM/);

  // The failure is reported in System Status > Status Messages, newest first, pointing at the article.
  await selectNode(page, 'System Status');
  await expandNode(page, 'System Status');
  await selectNode(page, 'Status Messages');
  const messages = page.getByRole('grid', { name: 'Status Messages' });
  await expect(messages).toContainText('954474');

  await expect(messages.getByRole('row').nth(1)).toContainText('Error');

  // A rerun without the fix fails again: first the update on the site server, from Software Distribution > Advertisements.
  await expandNode(page, 'Software Distribution');
  await selectNode(page, 'Advertisements');
  await action(page, 'Install Update KB954474 on Site Server...').click();
  const install = page.getByRole('dialog', { name: 'Install Update KB954474 on Site Server' });
  await expect(install).toContainText('June 10, 2008');
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(install).toContainText('KB954474 is installed on CEN-SMS01');
  await install.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(action(page, 'Install Update KB954474 on Site Server...')).toBeDisabled();

  // Then the Microsoft Updates Tool Sync advertisement runs again, against its own collection.
  const ads = page.getByRole('grid', { name: 'Advertisements' });
  await ads.getByRole('row').filter({ hasText: 'Microsoft Updates Tool Sync' }).click();
  await action(page, 'Run Advertisement...').click();
  const run = page.getByRole('dialog', { name: 'Run Advertisement' });
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(run).toContainText(/Running/);
  await run.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Site jobs: 1 job running/ })).toBeVisible();

  await clockMenu(page, 'Fast-forward to end of running jobs');
  await expect(page.getByRole('button', { name: /^Site jobs: no jobs running/i })).toBeVisible();
  await expect(ads.getByRole('row').filter({ hasText: 'Microsoft Updates Tool Sync' })).toContainText('Succeeded');

  // The migrated Microsoft Update catalog updates are active again: not expired, still (LEGACY).
  await expandNode(page, 'Software Updates');
  await selectNode(page, 'Update Repository');
  await page.getByRole('searchbox', { name: 'Look for' }).fill('KB941644');
  await page.getByRole('button', { name: 'Find Now' }).click();
  const repository = page.getByRole('grid', { name: 'Update Repository' });
  const row = repository.getByRole('row').nth(1);
  await expect(row).toContainText('(LEGACY)');
  // Columns: Title, Bulletin ID, Article ID, Severity, Downloaded, Deployed, Expired.
  await expect(row.getByRole('gridcell').nth(6)).toHaveText('No');
});

/** The "N items" count of the results pane, as a number. */
async function itemTotal(page: Page): Promise<number> {
  const status = page.getByRole('main').getByRole('status').first();
  await expect(status).toHaveText(/^[\d,]+ items?$/);
  return Number((await status.textContent())?.replace(/[^\d]/g, ''));
}

test('the LEGACY clean-up script hides migrated updates, except those of a migrated deployment, until it is deleted', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Just upgraded');
  await expandNode(page, 'Software Updates');
  await selectNode(page, 'Update Repository');
  const before = await itemTotal(page);

  // The dialog shows the script and what it will do, naming the migrated deployments that keep updates visible.
  await action(page, 'Run LEGACY Clean-up Script...').click();
  const script = page.getByRole('dialog', { name: 'LEGACY Clean-up Script' });
  await expect(script.getByRole('figure', { name: 'Script' })).toContainText('LEGACY');
  const keptBy = script.getByRole('list', { name: 'Kept visible by' });
  await expect(keptBy).toContainText('Security Updates 2008-01');
  const summary = (await script.getByText(/will be hidden;/).textContent()) ?? '';
  const [willHide, staysVisible] = (summary.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
  expect(willHide).toBeGreaterThan(0);
  expect(staysVisible).toBeGreaterThan(0);
  await script.getByRole('button', { name: 'Run Script' }).click();
  await expect(script).toContainText('The script ran');
  await script.getByRole('button', { name: 'Close', exact: true }).click();

  // Only the updates a migrated deployment holds are left; the hidden ones are listed apart.
  await expect(page.getByRole('main').getByRole('status').first()).toHaveText(`${staysVisible} items`);
  expect(before).toBe((willHide ?? 0) + (staysVisible ?? 0));
  await expandNode(page, 'Update Repository');
  await selectNode(page, 'Hidden Software Updates');
  expect(await itemTotal(page)).toBe(willHide);

  // Deleting the migrated deployment Security Updates 2008-01 hides its updates too.
  await expandNode(page, 'Deployment Management');
  await selectNode(page, 'SMS 2003 Advertisements');
  const deployments = page.getByRole('grid', { name: 'SMS 2003 Advertisements' });
  await deployments.getByRole('row').filter({ hasText: 'Security Updates 2008-01' }).click();
  await action(page, 'Delete').click();
  const confirm = page.getByRole('dialog', { name: 'Confirm Delete' });
  await expect(confirm).toContainText('Security Updates 2008-01');
  await expect(confirm.getByRole('button', { name: 'No' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(confirm).toBeHidden();
  await expect(deployments).not.toContainText('Security Updates 2008-01');

  await selectNode(page, 'Update Repository');
  const left = await itemTotal(page);
  expect(left).toBeLessThan(staysVisible ?? 0);
  await selectNode(page, 'Hidden Software Updates');
  expect(await itemTotal(page)).toBe(before - left);

  // Each hidden update says why.
  await page.getByRole('grid', { name: 'Hidden Software Updates' }).getByRole('row').nth(1).click();
  await action(page, 'Why?').click();
  const why = page.getByRole('dialog', { name: 'Why?' });
  await expect(why).toContainText(/hidden/i);
  await expect(why).toContainText('LEGACY');
});

/** The Update Repository rows that match a search, as "title | deployable to SMS 2003" lines. */
async function searchRepository(page: Page, text: string): Promise<string[]> {
  await selectNode(page, 'Update Repository');
  await page.getByRole('searchbox', { name: 'Look for' }).fill(text);
  await page.getByRole('button', { name: 'Find Now' }).click();
  const rows = page.getByRole('grid', { name: 'Update Repository' }).getByRole('row');
  await expect(rows.nth(1)).toContainText(text);
  const lines: string[] = [];
  for (const row of (await rows.all()).slice(1)) {
    const cells = await row.getByRole('gridcell').allTextContents();
    // Columns: Title first, Deployable to SMS 2003 last.
    lines.push(`${cells[0]} | ${cells.at(-1)}`);
  }
  return lines.sort();
}

test('the software update point synchronizes new, non-LEGACY updates with their "Deployable to SMS 2003" value, as the Synchronized stage has them', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Just upgraded');

  // Site Management > CEN > Site Settings > Site Systems: the role on the site server, with the default settings.
  await expandNode(page, 'Site Management');
  await expandNode(page, 'CEN - Contoso Central Site');
  await expandNode(page, 'Site Settings');
  await selectNode(page, 'Site Systems');
  await action(page, 'New Roles...').click();
  const roles = page.getByRole('dialog', { name: 'Software Update Point Component Properties' });
  await expect(roles.getByRole('combobox', { name: 'Site system' })).toBeFocused();
  await roles.getByRole('button', { name: 'OK' }).click();
  await expect(roles).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Site Systems' })).toContainText('software update point');

  // Run Synchronization from the Update Repository, then let the site clock run to its end.
  await expandNode(page, 'Software Updates');
  await selectNode(page, 'Update Repository');
  await action(page, 'Run Synchronization').click();
  await expect(page.getByRole('button', { name: /^Site jobs: 2 jobs running/ })).toBeVisible();
  await clockMenu(page, 'Fast-forward to end of running jobs');
  await expect(page.getByRole('button', { name: /^Site jobs: no jobs running/i })).toBeVisible();

  const malicious = await searchRepository(page, 'KB890830');
  // The title cell starts with its state icon's name ("Normal": active, not expired).
  expect(malicious).toContain('NormalWindows Malicious Software Removal Tool - December 2008 (KB890830) | No');
  const vista = await searchRepository(page, 'KB955020');
  expect(vista).toContain('NormalUpdate for Windows Vista (KB955020) | No');
  // MS08-067 (October 2008) is not in the ITMU catalog, which stopped at May 2008: not deployable to SMS 2003 yet.
  const notYet = await searchRepository(page, 'MS08-067');
  expect(notYet.length).toBeGreaterThan(0);
  for (const line of notYet) expect(line).toMatch(/^Normal(?!.*LEGACY).*\| No$/);

  // With KB 954474 on the site server, the Microsoft Updates Tool Sync brings the ITMU catalog up to date.
  await expandNode(page, 'Software Distribution');
  await selectNode(page, 'Advertisements');
  await action(page, 'Install Update KB954474 on Site Server...').click();
  const install = page.getByRole('dialog', { name: 'Install Update KB954474 on Site Server' });
  await install.getByRole('button', { name: 'Install', exact: true }).click();
  await install.getByRole('button', { name: 'Close', exact: true }).click();
  await page
    .getByRole('grid', { name: 'Advertisements' })
    .getByRole('row')
    .filter({ hasText: 'Microsoft Updates Tool Sync' })
    .click();
  await action(page, 'Run Advertisement...').click();
  const run = page.getByRole('dialog', { name: 'Run Advertisement' });
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  await run.getByRole('button', { name: 'Close', exact: true }).click();
  await clockMenu(page, 'Fast-forward to end of running jobs');
  await expect(page.getByRole('button', { name: /^Site jobs: no jobs running/i })).toBeVisible();

  const ms08067 = await searchRepository(page, 'MS08-067');
  expect(ms08067.length).toBe(notYet.length);
  for (const line of ms08067) expect(line).toMatch(/^Normal(?!.*LEGACY).*\| Yes$/);
  expect(await searchRepository(page, 'KB890830')).toEqual(malicious);

  // The Synchronized stage, built from the same operations (and more), shows the same updates the same way.
  await switchStage(page, 'Synchronized');
  await expandNode(page, 'Software Updates');
  expect(await searchRepository(page, 'KB890830')).toEqual(malicious);
  expect(await searchRepository(page, 'KB955020')).toEqual(vista);
  expect(await searchRepository(page, 'MS08-067')).toEqual(ms08067);
});

/** The site clock's reading, in minutes after midnight (the demo's day is 12/18/2008). */
async function clockMinutes(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Site clock' }).textContent()) ?? '';
  const [, hours, minutes, half] = /(\d+):(\d\d) (AM|PM)/.exec(text) ?? [];
  return ((Number(hours) % 12) + (half === 'PM' ? 12 : 0)) * 60 + Number(minutes);
}

test('a reload during a running synchronization keeps the job, its progress and the site clock', async ({ page }) => {
  await openConsole(page);
  await switchStage(page, 'Just upgraded');
  await clockMenu(page, '600× speed');
  // 600×: ten site minutes a second. Wait for the ITMU catalog synchronization to be well under way.
  await expect.poll(() => clockMinutes(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(9 * 60 + 20);
  await clockMenu(page, 'Pause clock');
  // The header shows the server's paused time once the pause is answered: read it when it has stopped moving.
  let before = -1;
  await expect
    .poll(async () => {
      const first = await clockMinutes(page);
      await page.waitForTimeout(400);
      before = await clockMinutes(page);
      return first === before;
    })
    .toBe(true);

  await page.reload();
  await expect(page.getByRole('tree', { name: 'Console tree' })).toBeVisible();
  // Paused, the clock reads what it read; the job is still running, part-way through.
  await expect.poll(() => clockMinutes(page)).toBe(before);
  await page.getByRole('button', { name: /^Site jobs: 1 job running/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Site Jobs' });
  const progress = dialog.getByRole('progressbar').first();
  await expect(progress).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
  await dialog.getByRole('button', { name: 'OK' }).click();

  // Resumed, it runs to its end on the same clock: it fails at 10:15 (KB 954474 is not installed).
  await clockMenu(page, 'Resume clock');
  await clockMenu(page, 'Fast-forward to end of running jobs');
  await expect(page.getByRole('button', { name: /^Site jobs: no jobs running/i })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Site clock' })).toHaveText(/10:1\d AM/);
});
