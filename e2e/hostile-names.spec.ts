import { expect, test } from '@playwright/test';
import { openConsole, postTemplateLike, switchStage } from './support';

const HOSTILE = '<img src=x onerror="window.__owned=1"> Pilot';
const FORMULA = '=HYPERLINK("http://evil","click")';

test('a deployment template named with HTML and a formula is shown as text, in the grid, its Properties and the CSV export', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Configured');
  // The same settings as Servers - Standard, under a hostile name and a formula-like description.
  const status = await postTemplateLike(page, {
    admin: 'CONTOSO\\smsadmin',
    copyOf: 'DT000002',
    name: HOSTILE,
    description: FORMULA,
  });
  expect(status).toBe(200);

  await openConsole(page, '/console/software-updates/deployment-templates');
  const grid = page.getByRole('grid', { name: 'Deployment Templates' });
  const row = grid.getByRole('row').filter({ hasText: HOSTILE });
  await expect(row).toBeVisible();
  await expect(grid.locator('img')).toHaveCount(0);
  await row.dblclick();
  await expect(page.getByRole('dialog', { name: `${HOSTILE} Properties` })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();

  // The export writes the name as text, and a cell that starts like a formula is escaped (no formula injection).
  const csv = await page.evaluate(async () => {
    const answer = await fetch('/api/export/deployment-templates.csv', { headers: { 'X-Admin': 'CONTOSO\\smsadmin' } });
    return answer.text();
  });
  expect(csv).toContain('<img src=x onerror=');
  expect(csv).toContain("'=HYPERLINK");
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
});
