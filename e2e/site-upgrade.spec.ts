import { expect, test } from '@playwright/test';
import { connectAs, expandNode, itemCount, openConsole, selectNode, switchStage } from './support';

test('the Before upgrade stage shows the SMS 2003 site read-only, as the SMS 2003 console listed it', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Before upgrade');
  const tree = page.getByRole('tree', { name: 'Console tree' });
  await expect(tree.getByRole('treeitem', { name: 'Systems Management Server' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Software Updates');
  const updates = page.getByRole('grid', { name: 'Software Updates' });
  await expect(updates.getByRole('row').nth(1)).toBeVisible();
  await expect(updates).not.toContainText('(LEGACY)');
  await expect(page.getByRole('timer', { name: 'Site clock' })).toHaveText(/^Site clock: 12\/18\/2008 6:\d\d AM$/);

  await selectNode(page, 'Advertisements');
  const lon = page
    .getByRole('grid', { name: 'Advertisements' })
    .getByRole('row')
    .filter({ hasText: 'LON Critical Updates 2008-04' });
  await expect(lon).toContainText('LON');
  // Nodes of Configuration Manager 2007 do not exist yet.
  await expect(tree.getByRole('treeitem', { name: 'Update Repository' })).toHaveCount(0);
});

test('Upgrade Site runs Setup: checks, catalog source, progress, then the log and the migration report', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Before upgrade');
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Upgrade Site...' }).click();
  const wizard = page.getByRole('dialog', { name: /Setup Wizard - Upgrade Site/ });
  await expect(wizard.getByRole('listitem').filter({ hasText: 'Welcome' })).toHaveAttribute('aria-current', 'step');
  await wizard.getByRole('button', { name: 'Next >' }).click();

  // Pre-upgrade checks: the invalid package source, ITMU, feature packs, the distribution advertised from LON.
  const checks = wizard.getByRole('table', { name: 'Pre-upgrade checks' });
  await expect(checks.getByRole('row').filter({ hasText: 'Package sources' })).toContainText(
    '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1',
  );
  const itmuRow = checks
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Inventory Tool for Microsoft Updates', exact: true }) });
  await expect(itmuRow).toContainText('Passed');
  await expect(checks.getByRole('row').filter({ hasText: 'Software update distributions' })).toContainText(
    'LON Critical Updates 2008-04',
  );
  await wizard.getByRole('button', { name: 'Next >' }).click();

  // The catalog from a local location, validated before Setup starts.
  await wizard.getByRole('radio', { name: 'Use a catalog from a local location' }).check();
  await wizard.getByRole('textbox', { name: 'Catalog location:' }).fill('C:\\catalog');
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByRole('alert')).toContainText('UNC path');
  await wizard.getByRole('textbox', { name: 'Catalog location:' }).fill('\\\\CEN-SMS01\\Catalog\\wsusscn2.cab');
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard).toContainText('\\\\CEN-SMS01\\Catalog\\wsusscn2.cab');
  await wizard.getByRole('button', { name: 'Begin Install' }).click();
  await expect(wizard.getByRole('progressbar', { name: 'Upgrade progress' })).toBeVisible();
  await expect(wizard.getByRole('status')).toContainText('Setup completed the upgrade', { timeout: 15_000 });

  await wizard.getByRole('button', { name: 'View ConfigMgrSetup.log' }).click();
  await expect(wizard).toBeHidden();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('ConfigMgrSetup.log');
  const log = page.getByRole('grid', { name: 'ConfigMgrSetup.log' });
  await expect(log.getByRole('row').nth(1)).toContainText('Setup started by CONTOSO\\smsadmin');
  await page.getByRole('searchbox', { name: 'Look for' }).fill('local location');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(log.getByRole('row').nth(1)).toContainText('\\\\CEN-SMS01\\Catalog\\wsusscn2.cab');

  await selectNode(page, 'Migration Report');
  await page.getByRole('searchbox', { name: 'Look for' }).fill('LON Critical Updates 2008-04');
  await page.getByRole('button', { name: 'Find Now' }).click();
  const report = page.getByRole('grid', { name: 'Migration Report' });
  const advertisement = report
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: 'Advertisement', exact: true }) });
  await expect(advertisement).toContainText('Not migrated');
  await expect(advertisement).toContainText('was created at child site LON');

  // The upgraded console: every update expired and LEGACY.
  await expandNode(page, 'Software Updates');
  await selectNode(page, 'Update Repository');
  await expect(page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1)).toContainText('(LEGACY)');
  // The site clock runs (60× by default) from the upgrade's morning.
  await expect(page.getByRole('timer', { name: 'Site clock' })).toHaveText(/^Site clock: 12\/18\/2008 9:\d\d AM$/);

  // The upgrade is kept across a reload, and Reset demo returns to the Before upgrade stage.
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1)).toContainText('(LEGACY)');
  await page.getByRole('button', { name: 'Reset demo' }).click();
  await page.getByRole('dialog', { name: 'Reset demo' }).getByRole('button', { name: 'OK' }).click();
  await expect(
    page.getByRole('tree', { name: 'Console tree' }).getByRole('treeitem', { name: 'Systems Management Server' }),
  ).toBeVisible();
});

test('only the administrator with Administer on the site may run Setup, and the console says why', async ({ page }) => {
  await openConsole(page);
  await switchStage(page, 'Before upgrade');
  await connectAs(page, 'CONTOSO\\patchadmin');
  const upgrade = page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Upgrade Site...' });
  await expect(upgrade).toHaveAttribute('aria-disabled', 'true');
  await expect(upgrade).toHaveAccessibleDescription('CONTOSO\\patchadmin has no Administer right on site CEN');
});

test('the migration report exports to CSV exactly as filtered', async ({ page }) => {
  await openConsole(page, '/console/site-management/migration-report?q=Not%20migrated&in=outcome');
  // The two objects of LON Critical Updates 2008-04 (program, advertisement) and the three other scan tools.
  await expect(itemCount(page)).toHaveText('5 items found');
  const downloading = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Export List...' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('migration-report.csv');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('Object Type,Name,Outcome,In Configuration Manager 2007,Reason,SMS 2003 ID');
  expect(lines).toHaveLength(6);
  for (const line of lines.slice(1)) expect(line.toLowerCase()).toContain('not migrated');
  expect(lines.slice(1).join('\n')).toContain('LON Critical Updates 2008-04');
});
