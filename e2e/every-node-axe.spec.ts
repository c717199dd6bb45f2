import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { itemCount, openConsole, switchStage } from './support';

// axe over every kind of node of the console tree and every kind of Properties dialog, in the Configured stage (it has
// a deployment, a template, a deployment package and update lists' parents). One node per kind: nodes of one kind
// are drawn by the same code. On a busy 2-core machine one analysis can take several seconds.
test.describe.configure({ timeout: 240_000 });

interface TreeNode {
  id: string;
  name: string;
  kind: string;
  resource: string | null;
  children: TreeNode[];
}

async function consoleTree(page: Page): Promise<TreeNode> {
  return page.evaluate(async () => {
    const response = await fetch('/api/console-tree', { headers: { 'X-Admin': 'CONTOSO\\smsadmin' } });
    return (await response.json()) as TreeNode;
  });
}

/** One node of each kind, in tree order. */
function oneNodePerKind(root: TreeNode): TreeNode[] {
  const seen = new Set<string>();
  const picked: TreeNode[] = [];
  const visit = (node: TreeNode) => {
    if (!seen.has(node.kind)) {
      seen.add(node.kind);
      picked.push(node);
    }
    node.children.forEach(visit);
  };
  visit(root);
  return picked;
}

/** Opens a node as the console's own links do (no reload: the history changes and the router follows). */
async function openNode(page: Page, node: TreeNode) {
  await page.evaluate((path) => {
    history.pushState({}, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/console/${node.id}`);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toHaveText(node.name);
}

async function violations(page: Page, within?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
}

async function configuredConsole(page: Page) {
  await openConsole(page);
  await switchStage(page, 'Configured');
  return oneNodePerKind(await consoleTree(page));
}

const half = (nodes: TreeNode[], which: 0 | 1) => nodes.filter((_, index) => index % 2 === which);

for (const which of [0, 1] as const) {
  test(`axe finds no violations on every kind of node (${which === 0 ? 'first' : 'second'} half)`, async ({ page }) => {
    const nodes = half(await configuredConsole(page), which);
    const found: Record<string, unknown> = {};
    for (const node of nodes) {
      await openNode(page, node);
      // The list (or the page) has answered: its count, a refusal, or a container's children.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const problems = await violations(page);
      if (problems.length > 0) found[`${node.kind} (${node.name})`] = problems;
    }
    expect(found).toEqual({});
  });
}

test('axe finds no violations in the Properties dialog of every kind of list', async ({ page }) => {
  const nodes = (await configuredConsole(page)).filter(
    (node) => node.resource !== null && node.kind !== 'software-updates',
  );
  const done = new Set<string>();
  const found: Record<string, unknown> = {};
  for (const node of nodes) {
    if (done.has(node.resource as string)) continue;
    await openNode(page, node);
    // The list has answered (its count shows) before its first row is read.
    await expect(itemCount(page))
      .toHaveText(/item/)
      .catch(() => undefined);
    const grid = page.getByRole('main').getByRole('grid').first();
    if (!(await grid.isVisible().catch(() => false))) continue;
    const firstRow = grid.getByRole('row').nth(1);
    if (!(await firstRow.isVisible().catch(() => false)) || (await firstRow.textContent())?.includes('Loading'))
      continue;
    // Selected, then Properties from the Actions pane (a double-click opens some objects' own nodes instead).
    await firstRow.click();
    const properties = page
      .getByRole('region', { name: 'Actions' })
      .getByRole('button', { name: 'Properties', exact: true });
    if (
      !(await properties
        .first()
        .isEnabled()
        .catch(() => false))
    )
      continue;
    await properties.first().click();
    const dialog = page.getByRole('dialog').first();
    // Dialogs load on first use: wait for it rather than glance.
    const opened = await dialog.waitFor({ state: 'visible', timeout: 7_000 }).then(
      () => true,
      () => false,
    );
    if (!opened) continue;
    done.add(node.resource as string);
    await expect(dialog.getByRole('tab').first()).toBeVisible();
    const problems = await violations(page, 'dialog[open]');
    if (problems.length > 0) found[`${node.resource} (${node.name})`] = problems;
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  // The kinds of objects whose Properties were checked: at least these, so the sweep cannot pass by checking nothing.
  expect([...done]).toEqual(
    expect.arrayContaining([
      'software-updates',
      'deployment-templates',
      'deployments',
      'deployment-packages',
      'sms2003-advertisements',
      'collections',
      'clients',
    ]),
  );
  expect(found).toEqual({});
});
