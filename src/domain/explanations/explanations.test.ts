/**
 * "Why?" everywhere a rule acts: each explanation names the object, the rule and the section of the planning topic
 * (shared/reference/planning-for-software-updates-site-upgrade.txt) for the Contoso scenario's own objects, built from
 * the refusals the domain itself gives.
 */
import { describe, expect, it } from 'vitest';
import { whyNot, siteActionOperation } from '../after-upgrade/after-upgrade-actions';
import { whyUpdateCannotBeDeployed } from '../after-upgrade/catalog-rules';
import { explainSoftwareUpdate } from '../after-upgrade/legacy-cleanup';
import { whyCannotSeeDeploymentTemplates } from '../deployments/deployment-rights';
import { legacyWarning, whySms2003SettingsNotShown, whyTemplateNotOffered } from '../deployments/deployment-rules';
import { currentView } from '../operations/operations';
import { missingRightOnObjectMessage, missingRightOnTypeMessage, RightsIndex } from '../rights/rights';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { explainMigrationRow, explainRefusal, explainRefusedNode, NO_UPGRADE_RULE } from './explanations';
import { citeSection, PLANNING_SECTIONS, PLANNING_TOPIC } from './planning-topic';
import { RULES, type RuleId } from './rules';

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const stage = (id: 'just-upgraded' | 'synchronized' | 'configured'): SiteState =>
  currentView(buildWorld(id, DEFAULT_SEED, DEFAULT_SCALE), DEFAULT_SCALE);
const justUpgraded = stage('just-upgraded');
const synchronized = stage('synchronized');
const configured = stage('configured');

const sectionOf = (rule: RuleId) => RULES[rule].section;
const cites = (text: string, rule: RuleId) => expect(text).toContain(citeSection(sectionOf(rule)));

describe('the rule -> planning topic section mapping', () => {
  it('cites only sections the planning topic has, by their exact headings', () => {
    const topic = PLANNING_SECTIONS.join('\n');
    for (const rule of Object.values(RULES)) expect(topic).toContain(rule.section);
    expect(citeSection('Republishing the Custom Updates Catalog')).toBe(
      `(${PLANNING_TOPIC}, "Republishing the Custom Updates Catalog")`,
    );
  });
});

describe('a refused node', () => {
  it('Deployment Templates refused to CONTOSO\\patchadmin: a new object type, "Upgraded Software Updates Metadata"', () => {
    const message = whyCannotSeeDeploymentTemplates(new RightsIndex(justUpgraded.grants), patchadmin);
    expect(message).toBe('CONTOSO\\patchadmin has no Read right on Deployment Templates');
    const why = explainRefusedNode(message ?? '');
    expect(why.rule?.id).toBe('rights-new-object-types');
    expect(why.text).toMatch(
      /^CONTOSO\\patchadmin has no Read right on Deployment Templates\. Deployment Templates are a new object type/,
    );
    expect(why.text).toContain('no rights on new object types such as deployment templates');
    cites(why.text, 'rights-new-object-types');
  });

  it('a migrated package CONTOSO\\lonadmin may not read: rights migrated with the SMS 2003 objects', () => {
    const office = justUpgraded.packages.find((p) => p.name === CONTOSO.distributions.officeSecurityUpdates2008Q1);
    const why = explainRefusal(missingRightOnObjectMessage(lonadmin, 'Read', 'Package', office?.id ?? ''));
    expect(why.rule?.id).toBe('rights-migrated-objects');
    expect(why.text).toContain(`${lonadmin} has no Read right on package ${office?.id ?? ''}.`);
    cites(why.text, 'rights-migrated-objects');
  });
});

describe('a greyed action', () => {
  const now = CONTOSO.clockStart;
  const why = (state: SiteState, account: string, action: Parameters<typeof siteActionOperation>[0]) =>
    whyNot(state, new RightsIndex(state.grants), account, siteActionOperation(action, account), now);

  it.each<[string, () => string | null, RuleId, RegExp]>([
    [
      'Run Synchronization before the software update point exists',
      () => why(justUpgraded, smsadmin, 'synchronize-software-updates'),
      'software-update-point-first',
      /no software update point/,
    ],
    [
      'Remove Inventory Tool for Microsoft Updates while SMS 2003 clients remain',
      () => why(justUpgraded, smsadmin, 'remove-itmu'),
      'remove-itmu-when-clients-upgraded',
      /SMS 2003 clients remain/,
    ],
    [
      'Install Update KB954474 once it is installed (Synchronized)',
      () => why(synchronized, smsadmin, 'install-kb954474'),
      'kb954474-before-itmu-sync',
      /954474 is already installed/,
    ],
    [
      'Republish Custom Updates Catalog before the software update point exists',
      () => why(justUpgraded, smsadmin, 'republish-custom-catalog'),
      'software-update-point-first',
      /software update point/,
    ],
    [
      'Republish Custom Updates Catalog once republished (Synchronized)',
      () => why(synchronized, smsadmin, 'republish-custom-catalog'),
      'custom-catalog-republished',
      /already republished/,
    ],
    [
      'Upgrade Site with Setup on LON for CONTOSO\\auditor',
      () => why(justUpgraded, auditor, 'upgrade-lon'),
      'rights-migrated-objects',
      /has no Administer right on site CEN/,
    ],
    [
      'New Search Folder for CONTOSO\\patchadmin',
      () => missingRightOnTypeMessage(patchadmin, 'Create', 'SearchFolder'),
      'rights-new-object-types',
      /Search Folders are a new object type/,
    ],
  ])('%s', (_, reasonOf, rule, says) => {
    const reason = reasonOf();
    expect(reason).not.toBeNull();
    const explanation = explainRefusal(reason ?? '');
    expect(explanation.rule?.id).toBe(rule);
    expect(explanation.text).toMatch(says);
    expect(explanation.text.startsWith(reason ?? '')).toBe(true);
    cites(explanation.text, rule);
  });

  it('a selection the action needs is not a rule of the upgrade, and says so', () => {
    const explanation = explainRefusal('Select one software update to see why it stands where it does.');
    expect(explanation.rule).toBeNull();
    expect(explanation.text).toContain(NO_UPGRADE_RULE);
  });
});

describe('a template not offered, an expired update, a LEGACY update (the deploy wizard)', () => {
  const byTitle = (state: SiteState, title: string) => {
    const update = state.softwareUpdates.find((u) => u.title === title);
    if (!update) throw new Error(`no update ${title}`);
    return update;
  };
  const kb890830 = byTitle(configured, CONTOSO.notDeployableToSms2003[0]);
  const workstations = configured.deploymentTemplates.find((t) => t.name === CONTOSO.templates.workstationsSms2003);

  it('Workstations - SMS 2003 Clients with KB890830: offered only when every update is Deployable to SMS 2003', () => {
    expect(workstations).toBeDefined();
    const reason = whyTemplateNotOffered(workstations ?? { name: '', deployToSms2003Clients: true }, [kb890830]);
    const why = explainRefusal(reason ?? '');
    expect(why.rule?.id).toBe('template-sms2003-settings');
    expect(why.text).toContain(CONTOSO.templates.workstationsSms2003);
    expect(why.text).toContain('(KB890830)');
    cites(why.text, 'template-sms2003-settings');
    expect(sectionOf('template-sms2003-settings')).toBe('Using Deployment Templates That Specify SMS 2003 Settings');
  });

  it('the SMS 2003 Settings page not shown for KB890830: only Microsoft Update and custom updates', () => {
    const why = explainRefusal(whySms2003SettingsNotShown([kb890830]) ?? '');
    expect(why.rule?.id).toBe('deployable-to-sms2003');
    cites(why.text, 'deployable-to-sms2003');
  });

  it('an expired LEGACY update cannot be deployed until synchronization (Just upgraded)', () => {
    const legacy = justUpgraded.softwareUpdates.find((u) => u.legacy && u.sourceCatalog === 'Microsoft Update');
    const why = explainRefusal(whyUpdateCannotBeDeployed(legacy ?? justUpgraded.softwareUpdates[0]!) ?? '');
    expect(why.rule?.id).toBe('expired-until-synchronized');
    expect(why.text).toContain(legacy?.title ?? '');
    cites(why.text, 'expired-until-synchronized');
  });

  it("another scan tool's update cannot be deployed", () => {
    const other = justUpgraded.softwareUpdates.find((u) => u.sourceCatalog === 'Security Update Inventory Tool');
    const why = explainRefusal(whyUpdateCannotBeDeployed(other ?? justUpgraded.softwareUpdates[0]!) ?? '');
    expect(why.rule?.id).toBe('other-scan-tool-updates');
    cites(why.text, 'other-scan-tool-updates');
  });

  it('a LEGACY update the wizard warns about', () => {
    const legacy = synchronized.softwareUpdates.find((u) => u.legacy && !u.expired);
    const why = explainRefusal(legacyWarning([legacy ?? synchronized.softwareUpdates[0]!]) ?? '');
    expect(why.rule?.id).toBe('legacy-not-deployed');
    cites(why.text, 'legacy-not-deployed');
  });
});

describe('an update explains where it stands, each reason citing its section', () => {
  it.each([
    ['Just upgraded', justUpgraded],
    ['Synchronized', synchronized],
    ['Configured', configured],
  ])('%s: every reason of every update cites a section of the planning topic', (_, state) => {
    const citations = PLANNING_SECTIONS.map(citeSection);
    for (const update of state.softwareUpdates) {
      for (const reason of explainSoftwareUpdate(update, state)) {
        expect(
          citations.some((citation) => reason.includes(citation)),
          reason,
        ).toBe(true);
      }
    }
  });

  it('Configured: a hidden LEGACY update cites "LEGACY Appended to Migrated Software Updates Metadata"', () => {
    const hidden = configured.softwareUpdates.find((u) => u.hidden);
    expect(hidden).toBeDefined();
    const [first] = explainSoftwareUpdate(hidden!, configured);
    expect(first).toMatch(/^Hidden: /);
    expect(first).toContain(citeSection('LEGACY Appended to Migrated Software Updates Metadata'));
  });

  it('Just upgraded: an expired Microsoft Update catalog update cites "Synchronizing the Microsoft Updates Catalog"', () => {
    const expired = justUpgraded.softwareUpdates.find((u) => u.expired && u.sourceCatalog === 'Microsoft Update');
    expect(explainSoftwareUpdate(expired!, justUpgraded).join(' ')).toContain(
      citeSection('Synchronizing the Microsoft Updates Catalog'),
    );
  });
});

describe('an object that was not migrated (the Migration Report)', () => {
  const rowOf = (kind: string, name: string) => {
    const row = justUpgraded.migrationReport.find((r) => r.objectKind === kind && r.name === name);
    if (!row) throw new Error(`no ${kind} ${name}`);
    return row;
  };

  it('the advertisement LON Critical Updates 2008-04, created at the child site LON', () => {
    const row = rowOf('Advertisement', CONTOSO.distributions.lonCriticalUpdates200804);
    expect(row.outcome).toBe('Not migrated');
    const why = explainMigrationRow(row);
    expect(why.rule?.id).toBe('distribution-migrated-where-advertised');
    expect(why.text).toMatch(/^Advertisement LON Critical Updates 2008-04: not migrated/);
    cites(why.text, 'distribution-migrated-where-advertised');
  });

  it('the package Office Security Updates 2008-Q1, whose source is not valid', () => {
    const why = explainMigrationRow(rowOf('Package', CONTOSO.distributions.officeSecurityUpdates2008Q1));
    expect(why.rule?.id).toBe('package-source-valid');
    cites(why.text, 'package-source-valid');
  });

  it('the Security Update Inventory Tool, whose information is not migrated', () => {
    const why = explainMigrationRow(rowOf('Scan tool', CONTOSO.scanTools.suit));
    expect(why.text).toMatch(/information not migrated/);
    expect(why.rule?.id).toBe('scan-tool-information-not-migrated');
  });

  it('the Inventory Tool for Microsoft Updates, upgraded by Setup', () => {
    expect(explainMigrationRow(rowOf('Scan tool', CONTOSO.scanTools.itmu)).rule?.id).toBe('itmu-upgraded-by-setup');
  });

  it('every row of the report names a rule and cites its section', () => {
    for (const row of justUpgraded.migrationReport) {
      const why = explainMigrationRow(row);
      expect(why.rule).not.toBeNull();
      cites(why.text, why.rule!.id);
    }
  });
});
