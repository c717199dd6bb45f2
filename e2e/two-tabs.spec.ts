import { expect, test } from '@playwright/test';
import { itemCount, openConsole, treeItem } from './support';

test('a change in one tab shows in the other without a reload, and a write from the other tab keeps both', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openConsole(first, '/console/software-updates/update-repository/search-folders');
  await openConsole(second, '/console/software-updates/update-repository/search-folders');
  await expect(itemCount(second)).toHaveText('0 items');

  // The first tab creates a search folder through the API (the console's own request).
  const created = await first.evaluate(async () => {
    const response = await fetch('/api/search-folders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Admin': 'CONTOSO\\smsadmin' },
      body: JSON.stringify({ name: 'From the first tab', criteria: { bulletinId: 'MS08-001' } }),
    });
    return response.status;
  });
  expect(created).toBe(200);

  // The second tab sees it without a reload: the tree and the list.
  await expect(itemCount(second)).toHaveText('1 item');
  await expect(second.getByRole('grid', { name: 'Search Folders' })).toContainText('From the first tab');
  await treeItem(second, 'Search Folders').focus();
  await second.keyboard.press('ArrowRight');
  await expect(treeItem(second, 'From the first tab')).toBeVisible();

  // Both tabs now write: each sees the other's work, nothing is overwritten.
  const secondCreated = await second.evaluate(async () => {
    const response = await fetch('/api/search-folders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Admin': 'CONTOSO\\smsadmin' },
      body: JSON.stringify({ name: 'From the second tab', criteria: { bulletinId: 'MS08-002' } }),
    });
    return response.status;
  });
  expect(secondCreated).toBe(200);
  await expect(itemCount(first)).toHaveText('2 items');
  await first.reload();
  await expect(itemCount(first)).toHaveText('2 items');
});
