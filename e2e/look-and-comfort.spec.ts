import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openConsole } from './support';

test.describe.configure({ timeout: 120_000 });

/** Nothing overflows: the tree never scrolls sideways, and every visible button lies inside the window. */
async function expectNothingOverflows(page: Page) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const tree = document.querySelector('[role="tree"]');
    if (tree && tree.parentElement && tree.parentElement.scrollWidth > tree.parentElement.clientWidth + 1) {
      found.push(
        `the console tree scrolls sideways (${tree.parentElement.scrollWidth} > ${tree.parentElement.clientWidth})`,
      );
    }
    const { innerWidth, innerHeight } = window;
    for (const button of document.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const dialog = button.closest('dialog');
      if (button.closest('.data-grid')) continue; // column headers scroll with the grid
      if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) {
        if (dialog || !button.closest('.actions-pane'))
          found.push(
            `button "${button.textContent?.trim() || button.getAttribute('aria-label')}" is outside the window`,
          );
      }
      if (button.scrollWidth > button.clientWidth + 2) {
        found.push(`button "${button.textContent?.trim()}" is clipped`);
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
}

const SIZES = [
  { name: '1280x720', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
  // 200 % zoom of a 1280 x 720 screen: half the CSS pixels, twice the device pixels.
  { name: '1280x720-at-200', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
];

for (const size of SIZES) {
  test(`main nodes, a properties dialog and a wizard fit at ${size.name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: `test-results/look/${size.name}-${name}.png` });
    for (const [name, path] of [
      ['update-repository', '/console/software-updates/update-repository'],
      ['sms-2003-advertisements', '/console/software-updates/deployment-management/sms-2003-advertisements'],
      ['migration-report', '/console/site-management/migration-report'],
      ['collections', '/console/collections'],
    ] as const) {
      await openConsole(page, path);
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('grid').getByRole('row').nth(1)).toBeVisible();
      await expectNothingOverflows(page);
      await shot(name);
    }
    await page.getByRole('grid').getByRole('row').nth(1).dblclick();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNothingOverflows(page);
    await shot('properties');
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Before upgrade' });
    await page.getByRole('dialog', { name: 'Reset demo' }).getByRole('button', { name: 'OK' }).click();
    await openConsole(page, '/console/sms2003/software-updates?wizard=upgrade-site');
    const wizard = page.getByRole('dialog', { name: /Upgrade Site/ });
    await wizard.getByRole('button', { name: 'Next >' }).click();
    await expect(wizard.getByRole('table', { name: 'Pre-upgrade checks' })).toBeVisible();
    await expectNothingOverflows(page);
    await shot('upgrade-site-wizard');
    await context.close();
  });
}

test('High Contrast and Larger Text from the View menu, remembered, and axe passes in the high-contrast theme', async ({
  page,
}) => {
  await openConsole(page);
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'High Contrast' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'View' }).click();
  const larger = page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Larger Text' });
  await expect(larger).toHaveAttribute('aria-checked', 'false');
  await larger.click();
  await expect(page.locator('html')).toHaveAttribute('data-text', 'large');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
  const grid = page.getByRole('grid', { name: 'Update Repository' });
  await grid.getByRole('row').nth(1).click();
  await page.screenshot({ path: 'test-results/look/high-contrast.png' });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);

  await grid.getByRole('row').nth(1).dblclick();
  await expect(page.getByRole('dialog')).toBeVisible();
  const inDialog = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(inDialog.violations.map((violation) => violation.id)).toEqual([]);
});

test('splitters resize the panes from the keyboard, remembered; the toolbar goes up a level and back', async ({
  page,
}) => {
  await openConsole(page);
  const splitter = page.getByRole('separator', { name: 'Resize the console tree' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before - 32));
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the console tree' })).toHaveAttribute(
    'aria-valuenow',
    String(before - 32),
  );

  const toolbar = page.getByRole('toolbar', { name: 'Toolbar' });
  await toolbar.getByRole('button', { name: 'Up One Level' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Software Updates');
  await toolbar.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Update Repository');
  await toolbar.getByRole('button', { name: 'Hide Console Tree' }).click();
  await expect(page.getByRole('tree', { name: 'Console tree' })).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Show Console Tree' }).click();
  await expect(page.getByRole('tree', { name: 'Console tree' })).toBeVisible();

  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'About Configuration Manager Console...' }).click();
  await expect(page.getByRole('dialog', { name: 'About Configuration Manager Console' })).toBeVisible();
});
