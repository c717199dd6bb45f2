import { expect, type Page } from '@playwright/test';

/** Opens the console at a path and waits until the console tree and the results pane are there. */
export async function openConsole(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('tree', { name: 'Console tree' })).toBeVisible();
}

export const treeItem = (page: Page, name: string) =>
  page.getByRole('tree', { name: 'Console tree' }).getByRole('treeitem', { name, exact: true });

/** Selects a node in the console tree by clicking its label. */
export async function selectNode(page: Page, name: string) {
  await treeItem(page, name).locator('.tree-label').first().click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(name);
}

/** Expands a node of the console tree with the keyboard (Right arrow), as a person would. */
export async function expandNode(page: Page, name: string) {
  const item = treeItem(page, name);
  await item.locator('.tree-label').first().click();
  if ((await item.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
  await expect(item).toHaveAttribute('aria-expanded', 'true');
}

export async function connectAs(page: Page, account: string) {
  await page.getByRole('combobox', { name: 'Connected as' }).selectOption(account);
}

/** The "N items" / "N items found" count of the results pane. */
export const itemCount = (page: Page) => page.getByRole('main').getByRole('status');

/** Picks a stage in the header's Stage box and confirms the Reset demo it asks for. */
export async function switchStage(page: Page, stage: string) {
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: stage });
  const dialog = page.getByRole('dialog', { name: 'Reset demo' });
  await expect(dialog).toContainText(stage);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Asks the running console's API to create a deployment template as `admin`, with the settings of an existing template
 * (read as CONTOSO\smsadmin); answers the HTTP status. For specs that need a template made (or refused) by script.
 */
export function postTemplateLike(
  page: Page,
  request: { admin: string; copyOf: string; name: string; description: string },
): Promise<number> {
  return page.evaluate(async ({ admin, copyOf, name, description }) => {
    const source = await fetch(`/api/deployment-templates/${copyOf}`, { headers: { 'X-Admin': 'CONTOSO\\smsadmin' } });
    const { item } = (await source.json()) as { item: Record<string, unknown> };
    const { id: _id, name: _name, description: _description, createdBy: _by, createdAt: _at, ...settings } = item;
    const answer = await fetch('/api/deployment-templates', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Admin': admin },
      body: JSON.stringify({ name, description, settings }),
    });
    return answer.status;
  }, request);
}
