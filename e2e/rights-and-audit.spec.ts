import { expect, test, type Page } from '@playwright/test';
import { connectAs, expandNode, openConsole, postTemplateLike, selectNode, switchStage } from './support';

const action = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Actions' }).getByRole('button', { name, exact: true });

test('CONTOSO\\patchadmin is refused Deployment Templates until CONTOSO\\smsadmin grants Read and Create, then creates one; the audit log shows the refusal and the grant', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Configured');

  // patchadmin: a new object type, no rights at all (the planning topic's note on security rights after the upgrade).
  await connectAs(page, 'CONTOSO\\patchadmin');
  await expandNode(page, 'Software Updates');
  await selectNode(page, 'Deployment Templates');
  await expect(page.getByRole('note', { name: 'Access denied' })).toContainText(
    'CONTOSO\\patchadmin has no Read right on Deployment Templates',
  );
  // A refused attempt through the API, as a script would make it: it is audited.
  const refused = await postTemplateLike(page, {
    admin: 'CONTOSO\\patchadmin',
    copyOf: 'DT000002',
    name: 'Not Mine',
    description: '',
  });
  expect(refused).toBe(403);

  // smsadmin grants patchadmin Read and Create on the Deployment Templates class.
  await connectAs(page, 'CONTOSO\\smsadmin');
  await openConsole(page, '/console/site-management/cen/security-rights');
  await action(page, 'Grant Rights...').click();
  const grant = page.getByRole('dialog', { name: 'Grant Rights' });
  await grant.getByRole('combobox', { name: 'User name' }).selectOption('CONTOSO\\patchadmin');
  await grant.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Deployment Templates' });
  const rights = grant.getByRole('group', { name: 'Rights' });
  await rights.getByRole('checkbox', { name: 'Read', exact: true }).check();
  await rights.getByRole('checkbox', { name: 'Create', exact: true }).check();
  await grant.getByRole('button', { name: 'OK' }).click();
  await expect(grant).toBeHidden();
  // The new class right is listed (the grid is long: find it).
  await page.getByRole('searchbox', { name: 'Look for' }).fill('Deployment Templates');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(
    page.getByRole('grid', { name: 'Security Rights' }).getByRole('row').filter({ hasText: 'CONTOSO\\patchadmin' }),
  ).toContainText('Read');

  // From then on patchadmin sees the templates and may create one.
  await connectAs(page, 'CONTOSO\\patchadmin');
  await openConsole(page, '/console/software-updates/deployment-templates');
  await expect(page.getByRole('grid', { name: 'Deployment Templates' })).toContainText('Servers - Standard');
  await action(page, 'New Deployment Template...').click();
  const wizard = page.getByRole('dialog', { name: 'Deployment Template Wizard' });
  await wizard.getByRole('textbox', { name: 'Name:' }).fill('Patch Tuesday - Pilot');
  for (let step = 0; step < 10; step++) {
    if (await wizard.getByRole('region', { name: 'Confirmation' }).isVisible()) break;
    const next = wizard.getByRole('button', { name: 'Next >' });
    // The last Next creates the template: while that request is on its way the button may go away (the Confirmation
    // page has none), so it is asked about without waiting for it to come back.
    if (!(await next.isVisible())) break;
    if (!(await next.isEnabled({ timeout: 2_000 }).catch(() => false))) break;
    await next.click();
  }
  await expect(wizard.getByRole('region', { name: 'Confirmation' })).toContainText('Patch Tuesday - Pilot');
  await wizard.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Deployment Templates' })).toContainText('Patch Tuesday - Pilot');

  // The audit log (System Status > Audit Log) shows the grant and the refused attempt.
  await connectAs(page, 'CONTOSO\\smsadmin');
  await openConsole(page, '/console/system-status/audit-log');
  const audit = page.getByRole('grid', { name: 'Audit Log' });
  await expect(audit.getByRole('row').filter({ hasText: 'Grant Read, Create to CONTOSO\\patchadmin' })).toContainText(
    'Succeeded',
  );
  await expect(
    audit.getByRole('row').filter({ hasText: 'Refused' }).filter({ hasText: 'Create deployment template' }),
  ).toContainText('CONTOSO\\patchadmin has no Create right on Deployment Templates');
});

test('CONTOSO\\lonadmin sees the package LON Critical Updates 2008-04 and the collection LON Workstations, and is refused the Software Updates nodes', async ({
  page,
}) => {
  await openConsole(page);
  await switchStage(page, 'Just upgraded');
  await connectAs(page, 'CONTOSO\\lonadmin');
  await openConsole(page, '/console/software-distribution/packages');
  await expect(page.getByRole('grid', { name: 'Packages' })).toContainText('LON Critical Updates 2008-04');
  await openConsole(page, '/console/collections');
  await expect(page.getByRole('grid', { name: 'Collections' })).toContainText('LON Workstations');
  await openConsole(page, '/console/software-updates/update-repository');
  await expect(page.getByRole('note', { name: 'Access denied' })).toContainText('CONTOSO\\lonadmin has no Read right');
  await openConsole(page, '/console/software-updates/deployment-templates');
  await expect(page.getByRole('note', { name: 'Access denied' })).toContainText('CONTOSO\\lonadmin has no Read right');
});
