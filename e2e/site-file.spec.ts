import { expect, test } from '@playwright/test';
import { itemCount, openConsole } from './support';

const HOSTILE = '<script>window.__hacked = true</script><img src=x onerror="window.__hacked = true">';

test('File > Export Site and Import Site: a trainer’s file opens as text, even with hostile names', async ({
  page,
}) => {
  await openConsole(page, '/console/software-updates/update-repository/search-folders');
  const downloading = page.waitForEvent('download');
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Export Site...' }).click();
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as Record<string, unknown>;
  expect(file).toMatchObject({ scenario: 'contoso', stage: 'just-upgraded', log: [] });

  // The trainer's file holds a search folder named with HTML and script.
  const hostile = {
    ...file,
    log: [
      {
        type: 'create-search-folder',
        id: 'SF000001',
        name: HOSTILE,
        criteria: { bulletinId: 'MS08' },
        by: 'CONTOSO\\smsadmin',
      },
    ],
  };
  await page.getByLabel('Site file to import').setInputFiles({
    name: 'trainer.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostile)),
  });
  // Once imported, the console opens the site's first node.
  await expect(page).toHaveURL(/\/console\/software-updates\/update-repository$/);
  await openConsole(page, '/console/software-updates/update-repository/search-folders');
  await expect(itemCount(page)).toHaveText('1 item');
  await expect(page.getByRole('grid', { name: 'Search Folders' }).getByRole('row').nth(1)).toContainText(HOSTILE);
  expect(await page.evaluate(() => (window as unknown as { __hacked?: boolean }).__hacked)).toBeUndefined();

  // A damaged file is refused with a message, and nothing changes.
  await page.getByLabel('Site file to import').setInputFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schemaVersion": 1, "scen'),
  });
  const refusal = page.getByRole('dialog', { name: 'Import Site' });
  await expect(refusal.getByRole('alert')).toContainText('not valid JSON');
  await refusal.getByRole('button', { name: 'OK' }).click();
  await expect(itemCount(page)).toHaveText('1 item');
});
