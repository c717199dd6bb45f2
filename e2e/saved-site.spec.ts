import { expect, test } from '@playwright/test';
import { itemCount, openConsole } from './support';

test('Reset demo asks first, then returns the site to the start of the stage', async ({ page }) => {
  await openConsole(page);
  await expect(page.getByRole('combobox', { name: 'Stage' })).toHaveValue('just-upgraded');
  await expect(itemCount(page)).toHaveText(/^\d+ items$/);
  const before = await itemCount(page).textContent();
  await page.getByRole('button', { name: 'Reset demo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset demo' });
  await expect(dialog).toContainText('Just upgraded');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Reset demo' }).click();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(itemCount(page)).toHaveText(before ?? '');
  await expect(page.getByRole('timer', { name: 'Site clock' })).toHaveText(/^Site clock: 12\/18\/2008 9:\d\d AM$/);
});

test('a damaged saved site is set aside and the console starts again with a notice, never a blank page', async ({
  page,
}) => {
  await openConsole(page);
  await expect(itemCount(page)).toHaveText(/^\d+ items$/);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('configmgr-console');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('sites', 'readwrite');
          transaction.objectStore('sites').put({ schemaVersion: 99, garbage: true }, 'contoso-site');
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: 'The saved site could not be read' });
  await expect(notice).toContainText('kept aside');
  await expect(page.getByRole('grid', { name: 'Update Repository' })).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Update Repository' })).toBeVisible();
  await expect(page.getByText('The saved site could not be read')).toHaveCount(0);
});

test('the API answers JSON from the mock backend, not the single-page app', async ({ page }) => {
  await openConsole(page);
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/deployment-templates', { headers: { 'X-Admin': 'CONTOSO\\patchadmin' } });
    return { status: response.status, body: await response.json() };
  });
  expect(answer).toEqual({
    status: 403,
    body: { error: { code: 'FORBIDDEN', message: 'CONTOSO\\patchadmin has no Read right on Deployment Templates' } },
  });
});
