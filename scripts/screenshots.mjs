#!/usr/bin/env node
// `npm run screenshots`: builds the console, serves it, and photographs the main views into docs/screenshots/
// for the README, with the system Chromium (see scripts/ensure-chromium.mjs).
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { findChromium } from './find-chromium.mjs';

const port = 4175;
await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: 'localhost', port, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
const base = `http://localhost:${port}`;
const shoot = async (name) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
};
try {
  await page.goto(`${base}/console/software-updates/update-repository`);
  await page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(3).click();
  await shoot('update-repository');

  await page.goto(`${base}/console/software-updates/update-repository?q=KB943485`);
  await page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1).dblclick();
  await page.getByRole('dialog').getByRole('tab', { name: 'General' }).waitFor();
  await shoot('properties');

  await page.goto(`${base}/console/software-updates/deployment-management/sms-2003-advertisements`);
  await page.getByRole('grid', { name: 'SMS 2003 Advertisements' }).getByRole('row').nth(1).waitFor();
  await shoot('sms-2003-advertisements');

  await page.goto(`${base}/console/site-management/migration-report?q=not%20migrated&in=outcome`);
  await page.getByRole('grid', { name: 'Migration Report' }).getByRole('row').nth(1).waitFor();
  await shoot('migration-report');

  // The Before upgrade stage: the SMS 2003 console, and the Setup wizard's pre-upgrade checks.
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Before upgrade' });
  await page.getByRole('dialog', { name: 'Reset demo' }).getByRole('button', { name: 'OK' }).click();
  await page.getByRole('grid', { name: 'Software Updates' }).getByRole('row').nth(1).waitFor();
  await shoot('before-upgrade');
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Upgrade Site...' }).click();
  await page.getByRole('button', { name: 'Next >' }).click();
  await page.getByRole('table', { name: 'Pre-upgrade checks' }).waitFor();
  await shoot('upgrade-site-wizard');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Just upgraded' });
  await page.getByRole('dialog', { name: 'Reset demo' }).getByRole('button', { name: 'OK' }).click();
  await page.getByRole('grid', { name: 'Update Repository' }).getByRole('row').nth(1).waitFor();

  // After the upgrade: the ITMU catalog sync's failure in Status Messages, the Site Jobs dialog, the LEGACY script.
  await page.getByRole('button', { name: 'Site clock options' }).click();
  await page.getByRole('menuitem', { name: 'Pause clock' }).click();
  await page.goto(`${base}/console/system-status/status-messages`);
  await page.getByRole('button', { name: /^Site jobs:/ }).click();
  await page.getByRole('dialog', { name: 'Site Jobs' }).getByRole('progressbar').first().waitFor();
  await shoot('site-jobs');
  await page.getByRole('dialog', { name: 'Site Jobs' }).getByRole('button', { name: 'OK' }).click();
  await page.getByRole('button', { name: 'Site clock options' }).click();
  await page.getByRole('menuitem', { name: 'Fast-forward to end of running jobs' }).click();
  await page.getByRole('grid', { name: 'Status Messages' }).getByText('Error').first().waitFor();
  await shoot('status-messages');
  await page.goto(`${base}/console/software-updates/update-repository`);
  await page
    .getByRole('region', { name: 'Actions' })
    .getByRole('button', { name: 'Run LEGACY Clean-up Script...' })
    .click();
  await page.getByRole('list', { name: 'Kept visible by' }).waitFor();
  await shoot('legacy-cleanup-script');
  await page.keyboard.press('Escape');

  // The Configured stage: the Deploy Software Updates Wizard with a template kept out by KB890830.
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Configured' });
  await page.getByRole('dialog', { name: 'Reset demo' }).getByRole('button', { name: 'OK' }).click();
  await page.getByRole('dialog', { name: 'Reset demo' }).waitFor({ state: 'hidden' });
  const ids = await page.evaluate(async () => {
    const headers = { 'X-Admin': 'CONTOSO\\smsadmin' };
    const find = async (q) =>
      (await (await fetch(`/api/software-updates?q=${encodeURIComponent(q)}&limit=100`, { headers })).json()).items.map(
        (item) => item.id,
      );
    return [...(await find('MS08-067')), ...(await find('KB890830'))];
  });
  await page.goto(
    `${base}/console/software-updates/update-repository?wizard=deploy-software-updates&updates=${ids.join(',')}`,
  );
  await page
    .getByRole('dialog', { name: 'Deploy Software Updates Wizard' })
    .getByRole('radio', { name: 'Servers - Standard' })
    .waitFor();
  await shoot('deploy-wizard-template-selection');
  await page.goto(`${base}/console/software-updates/deployment-management`);
  await page.getByRole('grid', { name: 'Deployment Management' }).getByRole('row').nth(1).dblclick();
  await page
    .getByRole('dialog', { name: 'Critical Updates - December 2008 Properties' })
    .getByRole('progressbar')
    .waitFor();
  await shoot('deployment-properties');
  await page.keyboard.press('Escape');

  // Security Rights, with Grant Rights open; then the Audit Log.
  await page.goto(`${base}/console/site-management/cen/security-rights`);
  await page.getByRole('grid', { name: 'Security Rights' }).getByRole('row').nth(1).waitFor();
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Grant Rights...' }).click();
  await page.getByRole('dialog', { name: 'Grant Rights' }).waitFor();
  await shoot('grant-rights');
  await page.keyboard.press('Escape');
  await page.goto(`${base}/console/system-status/audit-log`);
  await page.getByRole('grid', { name: 'Audit Log' }).getByRole('row').nth(1).waitFor();
  await shoot('audit-log');

  // The Software Updates home page, a report with its chart, and a walkthrough's panel (Configured stage).
  await page.goto(`${base}/console/software-updates`);
  await page
    .getByRole('grid', { name: 'Software Update Installation Status Summary' })
    .getByRole('row')
    .nth(1)
    .waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  await shoot('software-updates-home');
  await page.goto(
    `${base}/console/reporting/reports?report=compliance-5&p.collection=SMS00001&p.vendor=Microsoft&p.year=2008&display=1`,
  );
  await page.locator('.recharts-surface').first().waitFor();
  await shoot('report-compliance-5');
  await page.goto(`${base}/console/software-updates/update-repository?walkthrough=all`);
  await page.getByRole('list', { name: 'Walkthroughs' }).waitFor();
  await shoot('walkthroughs');

  await page.getByRole('combobox', { name: 'Connected as' }).selectOption('CONTOSO\\patchadmin');
  await page.goto(`${base}/console/software-updates/deployment-templates`);
  await page.getByRole('note', { name: 'Access denied' }).waitFor();
  await shoot('deployment-templates-refused');
} finally {
  await browser.close();
  server.httpServer.close();
}
