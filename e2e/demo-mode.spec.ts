import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openConsole } from './support';

test.describe.configure({ timeout: 120_000 });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    })),
  ).toEqual([]);
}

const stageBox = (page: Page) => page.getByRole('combobox', { name: 'Stage' });
const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });

test('a stage link asks before it resets, then opens exactly the view it names', async ({ page }) => {
  await openConsole(page);
  await expect(stageBox(page)).toHaveValue('just-upgraded');

  // A demo script's link: Configured, Update Repository searched for MS08-067, sorted, connected as smsadmin.
  await page.goto(
    '/console/software-updates/update-repository?q=MS08-067&sort=title%3Adesc&stage=configured&as=CONTOSO%5Csmsadmin',
  );
  const ask = page.getByRole('dialog', { name: 'Open Demo Link' });
  await expect(ask).toContainText('This link opens the console at the start of the Configured stage');
  await expect(ask).toContainText('the site is now at the Just upgraded stage');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: '/tmp/shots-Y/demo-stage-link.png' });
  await expectNoAxeViolations(page);
  await ask.getByRole('button', { name: 'OK' }).click();
  await expect(ask).toBeHidden();

  await expect(stageBox(page)).toHaveValue('configured');
  await expect(page).toHaveURL(/\/console\/software-updates\/update-repository\?q=MS08-067&sort=title%3Adesc$/);
  await expect(heading(page)).toHaveText('Update Repository');
  await expect(page.getByRole('searchbox', { name: 'Look for' })).toHaveValue('MS08-067');
  await expect(page.getByRole('main').getByRole('status').first()).toHaveText(/items found/);
  // Configured: the template of the stage is there.
  await page.goto('/console/software-updates/deployment-templates');
  await expect(page.getByRole('grid', { name: 'Deployment Templates' })).toContainText(
    'Workstations - SMS 2003 Clients',
  );

  // The same stage again: no question, the view opens at once.
  await page.goto('/console/site-management/migration-report?stage=configured');
  await expect(heading(page)).toHaveText('Migration Report');
  await expect(page).toHaveURL(/\/console\/site-management\/migration-report$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Cancel keeps the site as it is and opens the view on it', async ({ page }) => {
  await openConsole(page, '/console/software-updates/update-lists?stage=synchronized');
  const ask = page.getByRole('dialog', { name: 'Open Demo Link' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(stageBox(page)).toHaveValue('just-upgraded');
  await expect(heading(page)).toHaveText('Update Lists');
  await expect(page).toHaveURL(/\/console\/software-updates\/update-lists$/);
});

test('the header Stage box resets in one action after a confirmation', async ({ page }) => {
  await openConsole(page);
  await stageBox(page).selectOption({ label: 'Synchronized' });
  const confirm = page.getByRole('dialog', { name: 'Reset demo' });
  await expect(confirm).toContainText('Return the site to the start of the Synchronized stage?');
  await confirm.getByRole('button', { name: 'OK' }).click();
  await expect(confirm).toBeHidden();
  await expect(stageBox(page)).toHaveValue('synchronized');
});

test('Copy Link to This View gives a link with the stage and the administrator that opens the same view', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openConsole(page, '/console/software-updates/update-repository?q=KB941644&sort=bulletinId%3Adesc');
  await page.getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Copy Link to This View' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy Link to This View' });
  const field = dialog.getByRole('textbox', { name: 'Link to this view:' });
  await expect(field).toHaveValue(
    /\/console\/software-updates\/update-repository\?q=KB941644&sort=bulletinId%3Adesc&stage=just-upgraded&as=CONTOSO%5Csmsadmin$/,
  );
  await expect(dialog.getByRole('status')).toHaveText('The link is on the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
  await page.screenshot({ path: '/tmp/shots-Y/demo-copy-link.png' });
  await expectNoAxeViolations(page);
  const link = await field.inputValue();
  await dialog.getByRole('button', { name: 'OK' }).click();

  // The link in a fresh tab opens the same view.
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Update Repository');
  await expect(other.getByRole('searchbox', { name: 'Look for' })).toHaveValue('KB941644');
  await expect(other).toHaveURL(/update-repository\?q=KB941644&sort=bulletinId%3Adesc$/);
});

test('? opens the keyboard shortcuts sheet, but not while typing in a field', async ({ page }) => {
  await openConsole(page);
  const lookFor = page.getByRole('searchbox', { name: 'Look for' });
  await lookFor.click();
  await page.keyboard.type('a?b');
  await expect(lookFor).toHaveValue('a?b');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1).click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard Shortcuts' });
  await expect(sheet).toBeVisible();
  for (const group of ['Console tree', 'Results pane', 'Menus', 'Dialogs and panes']) {
    await expect(sheet.getByRole('table', { name: group })).toBeVisible();
  }
  await expect(sheet.getByRole('rowheader', { name: 'Ctrl+A' })).toBeVisible();
  await expect(sheet.getByRole('rowheader', { name: 'Shift+F10 or the Menu key' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots-Y/demo-shortcuts.png' });
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Help > Keyboard Shortcuts... opens it too.
  await page.getByRole('menuitem', { name: 'Help' }).click();
  await page.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'Keyboard Shortcuts...' }).click();
  await expect(sheet).toBeVisible();
});

test('Presentation Mode makes the text larger still than Larger Text, and is remembered', async ({ page }) => {
  await openConsole(page);
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const standard = await fontSize();
  const view = async (item: string) => {
    await page.getByRole('menuitem', { name: 'View' }).click();
    await page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: item }).click();
  };
  await view('Larger Text');
  const larger = await fontSize();
  await view('Presentation Mode');
  const presentation = await fontSize();
  expect(larger).toBeGreaterThan(standard);
  expect(presentation).toBeGreaterThan(larger);
  await expect(page.locator('html')).toHaveAttribute('data-text', 'presentation');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-text', 'presentation');
  await expect(page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: '/tmp/shots-Y/demo-presentation.png' });
  await expectNoAxeViolations(page);
});

test("the README's demo script: every link opens its view, at its stage, after asking when the stage changes", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const script = readme.slice(readme.indexOf('### Demo script'), readme.indexOf('### Why?'));
  const links = [...script.matchAll(/`(\/console\/[^`]+)`/g)].map((match) => match[1] as string);
  expect(links.length).toBeGreaterThanOrEqual(10);
  await openConsole(page);
  for (const link of links) {
    await page.goto(link);
    const stage = new URLSearchParams(link.split('?')[1]).get('stage');
    const ask = page.getByRole('dialog', { name: 'Open Demo Link' });
    // The site is at the link's stage (or, without one, where the previous link left it).
    await expect(page.getByRole('tree', { name: 'Console tree' })).toBeVisible();
    if (stage && (await stageBox(page).inputValue()) !== stage) {
      await ask.getByRole('button', { name: 'OK' }).click();
      await expect(ask).toBeHidden();
    }
    if (stage) await expect(stageBox(page)).toHaveValue(stage);
    await expect(page).not.toHaveURL(/[?&](stage|as)=/);
    await expect(heading(page)).toBeVisible();
    const wizard = new URLSearchParams(link.split('?')[1]).get('wizard');
    if (wizard) await expect(page.getByRole('dialog')).toBeVisible();
  }
});
