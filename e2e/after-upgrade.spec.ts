import { expect, test, type Page } from '@playwright/test';
import { expandNode, openConsole, selectNode, switchStage } from './support';

const actionsPane = (page: Page) => page.getByRole('region', { name: 'Actions' });
const action = (page: Page, name: string) => actionsPane(page).getByRole('button', { name, exact: true });

/** Fast-forwards the site clock from the header's clock menu. */
async function clockMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'Site clock options' }).click();
  await page.getByRole('menu', { name: 'Site clock options' }).getByRole('menuitem', { name: item }).click();
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
