import { expect, test } from '@playwright/test';
import { connectAs, itemCount, openConsole, selectNode } from './support';

test('CONTOSO\\patchadmin keeps the migrated updates but is refused Deployment Templates', async ({ page }) => {
  await openConsole(page);
  await expect(itemCount(page)).toHaveText(/^\d+ items$/);
  const smsadminCount = await itemCount(page).textContent();
  await connectAs(page, 'CONTOSO\\patchadmin');
  await expect(page.getByText('Connected as CONTOSO\\patchadmin')).toBeVisible();
  // Instance rights on each update that existed before the upgrade.
  await expect(itemCount(page)).toHaveText(smsadminCount ?? '');

  await selectNode(page, 'Deployment Templates');
  await expect(page.getByRole('note', { name: 'Access denied' })).toContainText(
    'CONTOSO\\patchadmin has no Read right on Deployment Templates',
  );
  await expect(page.getByRole('grid', { name: 'Deployment Templates' })).toHaveCount(0);

  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Connected as' })).toHaveValue('CONTOSO\\patchadmin');
  await expect(page.getByRole('note', { name: 'Access denied' })).toBeVisible();

  await connectAs(page, 'CONTOSO\\smsadmin');
  await expect(page.getByRole('grid', { name: 'Deployment Templates' })).toBeVisible();
});

test('CONTOSO\\lonadmin sees only the London package and collection', async ({ page }) => {
  await openConsole(page);
  await connectAs(page, 'CONTOSO\\lonadmin');
  await expect(page.getByRole('note', { name: 'Access denied' })).toContainText(
    'CONTOSO\\lonadmin has no Read right on Software Updates',
  );
  await selectNode(page, 'Collections');
  await expect(itemCount(page)).toHaveText('1 item');
  await expect(page.getByRole('grid', { name: 'Collections' }).getByRole('row').nth(1)).toContainText(
    'LON Workstations',
  );
  await openConsole(page, '/console/software-distribution/packages');
  await expect(itemCount(page)).toHaveText('1 item');
  await expect(page.getByRole('grid', { name: 'Packages' }).getByRole('row').nth(1)).toContainText(
    'LON Critical Updates 2008-04',
  );
});

test('the server refuses what the UI would not show: a Properties link to an unreadable object', async ({ page }) => {
  await openConsole(page);
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  const id = await grid.getByRole('row').nth(1).getAttribute('data-row-id');
  await connectAs(page, 'CONTOSO\\lonadmin');
  await openConsole(page, `/console/software-updates/update-repository?props=${id}`);
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    `CONTOSO\\lonadmin has no Read right on software update ${id}`,
  );
  const response = await page.evaluate(async (updateId) => {
    const answer = await fetch(`/api/software-updates/${updateId}`, { headers: { 'X-Admin': 'CONTOSO\\lonadmin' } });
    return { status: answer.status, body: await answer.json() };
  }, id);
  expect(response.status).toBe(403);
  expect(response.body.error.message).toBe(`CONTOSO\\lonadmin has no Read right on software update ${id}`);
});
