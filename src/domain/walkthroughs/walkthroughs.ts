import { KB954474 } from '../after-upgrade/catalog-rules';
import { ITMU_SYNC_ADVERTISEMENT_ID } from '../after-upgrade/site-after-setup';
import { NODE_IDS } from '../console-tree/console-tree';
import { CONTOSO } from '../scenario/contoso-names';
import type { Walkthrough } from './walkthrough-model';

const { smsadmin, patchadmin } = CONTOSO.administrators;
const SITE = `${CONTOSO.sites.central.code} - ${CONTOSO.sites.central.name}`;
const SMS2003_DB = `Systems Management Server > Site Database (${SITE})`;
const SITE_MANAGEMENT = 'Site Database > Site Management';
const SOFTWARE_UPDATES = 'Site Database > Computer Management > Software Updates';

const place = {
  sms2003SiteAdvertisements: `${SMS2003_DB} > Advertisements`,
  sms2003Packages: `${SMS2003_DB} > Packages`,
  sms2003SoftwareUpdates: `${SMS2003_DB} > Software Updates`,
  setupLog: `${SITE_MANAGEMENT} > ConfigMgrSetup.log`,
  migrationReport: `${SITE_MANAGEMENT} > Migration Report`,
  siteSystems: `${SITE_MANAGEMENT} > ${SITE} > Site Settings > Site Systems`,
  securityRights: `${SITE_MANAGEMENT} > ${SITE} > Security Rights`,
  updateRepository: `${SOFTWARE_UPDATES} > Update Repository`,
  hiddenSoftwareUpdates: `${SOFTWARE_UPDATES} > Update Repository > Hidden Software Updates`,
  deploymentTemplates: `${SOFTWARE_UPDATES} > Deployment Templates`,
  sms2003Advertisements: `${SOFTWARE_UPDATES} > Deployment Management > SMS 2003 Advertisements`,
  packages: 'Site Database > Computer Management > Software Distribution > Packages',
  advertisements: 'Site Database > Computer Management > Software Distribution > Advertisements',
  statusMessages: 'Site Database > System Status > Status Messages',
  auditLog: 'Site Database > System Status > Audit Log',
};

const MS08_067 = 'MS08-067';
const KB890830 = CONTOSO.notDeployableToSms2003[0];
const WORKSTATIONS = CONTOSO.templates.workstationsSms2003;

/**
 * The training walkthroughs (issue 11), written as a trainer would say them. Each starts the site at the stage it
 * needs; each step cites the section of the planning topic it is about, points at a node (and an action or dialog
 * there), and is completed by the site itself or by opening its node.
 */
export const WALKTHROUGHS: readonly Walkthrough[] = [
  {
    id: 'tour-the-upgrade',
    title: 'Touring what the upgrade migrated',
    summary:
      'Walk through the site right after Setup: what came over from SMS 2003, in what state, and what did not come over, and why.',
    stage: 'just-upgraded',
    playedAs: smsadmin,
    steps: [
      {
        id: 'update-repository',
        title: 'See the migrated updates',
        instruction:
          'Open Update Repository. Every software update SMS 2003 knew is here with its metadata and compliance counts, but each is expired (grey icon) and its title ends in (LEGACY): nothing can be deployed until the updates are synchronized again.',
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.updateRepository, place: place.updateRepository },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'sms2003-advertisements',
        title: 'See the migrated distributions',
        instruction: `Open Deployment Management > SMS 2003 Advertisements. The distributions whose advertisement was created at ${CONTOSO.sites.central.code} were migrated and keep working for SMS 2003 clients: ${CONTOSO.distributions.securityUpdates200801}, ${CONTOSO.distributions.officeSecurityUpdates2008Q1} and ${CONTOSO.distributions.serverUpdates2007H2}.`,
        planningSection: 'Deploying Software Updates to Client Computers',
        as: smsadmin,
        target: { nodeId: NODE_IDS.sms2003Advertisements, place: place.sms2003Advertisements },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'packages',
        title: 'Find the distribution that was not migrated',
        instruction: `Open Software Distribution > Packages and read the Upgrade column. ${CONTOSO.distributions.lonCriticalUpdates200804} was not migrated: its advertisement was created at the child site ${CONTOSO.sites.london.code}, so only SMS 2003 clients still get it. ${CONTOSO.distributions.officeSecurityUpdates2008Q1} failed package source validation: its source ${CONTOSO.invalidPackageSource} no longer exists.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.packages, place: place.packages },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'migration-report',
        title: 'Read the Migration Report',
        instruction: `Open Site Management > Migration Report and look for "Not migrated". Besides the ${CONTOSO.sites.london.code} distribution, the ${CONTOSO.scanTools.suit} and the ${CONTOSO.scanTools.officeInventory} were not migrated: other inventory scan tools are not compatible with Configuration Manager 2007.`,
        planningSection: 'Other Inventory Scan Tools',
        as: smsadmin,
        target: { nodeId: NODE_IDS.migrationReport, place: place.migrationReport },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'security-rights',
        title: 'Check who may do what',
        instruction: `Open Site Management > ${CONTOSO.sites.central.code} > Security Rights. ${patchadmin} kept full rights on the software update objects that existed before the upgrade, but has no right at all on the new object types such as Deployment Templates; ${smsadmin}, who ran the upgrade, has them all.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.securityRights, place: place.securityRights },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'setup-log',
        title: 'Read ConfigMgrSetup.log',
        instruction:
          'Open Site Management > ConfigMgrSetup.log: Setup wrote one line for every migration decision, on the site clock. This is the %systemdrive%\\ConfigMgrSetup.log the planning topic sends you to.',
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.setupLog, place: place.setupLog },
        done: { kind: 'node-viewed' },
      },
    ],
  },
  {
    id: 'run-the-upgrade',
    title: 'Running the upgrade',
    summary: `Start from the SMS 2003 site, check what Setup will find, run Configuration Manager 2007 Setup on ${CONTOSO.sites.central.code}, then read what it did.`,
    stage: 'before-upgrade',
    playedAs: smsadmin,
    steps: [
      {
        id: 'sms2003-advertisements',
        title: 'Look at the SMS 2003 advertisements',
        instruction: `In the SMS 2003 console, open Advertisements. ${CONTOSO.distributions.lonCriticalUpdates200804} was advertised from the child site ${CONTOSO.sites.london.code}: Setup will not migrate its program, because only distributions advertised at the site being upgraded are migrated.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.sms2003SiteAdvertisements, place: place.sms2003SiteAdvertisements },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'sms2003-packages',
        title: 'Check the package sources',
        instruction: `Open Packages. Before upgrading, verify that every package has a valid package source: ${CONTOSO.distributions.officeSecurityUpdates2008Q1} points to ${CONTOSO.invalidPackageSource}, which no longer exists, so its content will be invalidated.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.sms2003Packages, place: place.sms2003Packages },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'run-setup',
        title: 'Run Setup',
        instruction: `Select Software Updates and choose Upgrade Site... in the Actions pane. Read the Pre-upgrade Checks (the invalid package source, the Inventory Tool for Microsoft Updates, the distribution advertised from ${CONTOSO.sites.london.code}), keep the Updates Catalog from the Internet, and Begin Install. Only an administrator with Administer on site ${CONTOSO.sites.central.code} may run it.`,
        planningSection: 'Inventory Tool for Microsoft Updates',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.sms2003SoftwareUpdates,
          place: place.sms2003SoftwareUpdates,
          action: 'Upgrade Site...',
          dialog: 'Configuration Manager 2007 Setup Wizard - Upgrade Site',
        },
        done: { kind: 'site-upgraded' },
      },
      {
        id: 'setup-log',
        title: 'Read ConfigMgrSetup.log',
        instruction:
          'Open Site Management > ConfigMgrSetup.log (the wizard\'s "View ConfigMgrSetup.log" goes there too): every update was migrated, expired and titled (LEGACY), and Setup started the Microsoft Updates Tool Sync to synchronize the catalog.',
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.setupLog, place: place.setupLog },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'migration-report',
        title: 'Read the Migration Report',
        instruction: `Open Site Management > Migration Report: each SMS 2003 object, what it became and why. Look for ${CONTOSO.distributions.lonCriticalUpdates200804}: its program and advertisement were not migrated.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.migrationReport, place: place.migrationReport },
        done: { kind: 'node-viewed' },
      },
    ],
  },
  {
    id: 'bring-updates-back',
    title: 'Bringing updates back',
    summary:
      'Put the expired updates back into an active state: the software update point and its synchronization, then the Microsoft Updates Tool Sync, its KB 954474 failure and its fix.',
    stage: 'just-upgraded',
    playedAs: smsadmin,
    steps: [
      {
        id: 'software-update-point',
        title: 'Create the software update point',
        instruction: `Open Site Settings > Site Systems and choose New Roles...: add the software update point on ${CONTOSO.sites.central.serverName} (the products, classifications and languages proposed are fine), then OK.`,
        planningSection: 'Synchronizing the Software Update Point',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.siteSystems,
          place: place.siteSystems,
          action: 'New Roles...',
          dialog: 'Software Update Point Component Properties',
        },
        done: { kind: 'software-update-point-exists' },
      },
      {
        id: 'synchronize',
        title: 'Synchronize with WSUS',
        instruction:
          'Open Update Repository and choose Run Synchronization. The synchronization is a job on the site clock: let it run, or use the Clock menu > Fast-forward to end of running jobs. New updates arrive without (LEGACY), each with its Deployable to SMS 2003 value.',
        planningSection: 'Synchronizing the Software Update Point',
        as: smsadmin,
        target: { nodeId: NODE_IDS.updateRepository, place: place.updateRepository, action: 'Run Synchronization' },
        done: { kind: 'software-update-point-synchronized' },
      },
      {
        id: 'itmu-failure',
        title: 'Find why the Microsoft Updates Tool Sync failed',
        instruction: `Setup started the Microsoft Updates Tool Sync; at 10:15 AM it fails (fast-forward the clock if it has not yet). Open System Status > Status Messages: the error points to Knowledge Base article ${KB954474}. The June 10, 2008 catalog holds Office 2003 SP1 metadata that UpdateWUSCatalog.exe cannot handle.`,
        planningSection: 'Inventory Tool for Microsoft Updates',
        as: smsadmin,
        target: { nodeId: NODE_IDS.statusMessages, place: place.statusMessages },
        done: { kind: 'all', of: [{ kind: 'itmu-sync-failed' }, { kind: 'node-viewed' }] },
      },
      {
        id: 'install-kb954474',
        title: `Install KB ${KB954474} on the site server`,
        instruction: `Open Software Distribution > Advertisements and choose Install Update KB${KB954474} on Site Server...: the fixed UpdateWUSCatalog.exe goes on ${CONTOSO.sites.central.serverName}.`,
        planningSection: 'Inventory Tool for Microsoft Updates',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.advertisements,
          place: place.advertisements,
          action: `Install Update KB${KB954474} on Site Server...`,
          dialog: `Install Update KB${KB954474} on Site Server`,
        },
        done: { kind: 'site-server-update-installed', articleId: KB954474 },
      },
      {
        id: 'run-itmu-sync',
        title: 'Run the Microsoft Updates Tool Sync again',
        instruction: `The catalog synchronization must then be run by hand: select the ${CONTOSO.collections.microsoftUpdatesToolSync} advertisement, choose Run Advertisement... and Run. It takes more than an hour on the site clock: fast-forward to the end of the running jobs. The migrated Microsoft Update catalog updates become active again.`,
        planningSection: 'Synchronizing the Microsoft Updates Catalog',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.advertisements,
          place: place.advertisements,
          action: 'Run Advertisement...',
          dialog: 'Run Advertisement',
          selectedId: ITMU_SYNC_ADVERTISEMENT_ID,
        },
        done: { kind: 'itmu-sync-succeeded' },
      },
      {
        id: 'see-updates-back',
        title: 'See the updates back',
        instruction: `Open Update Repository and look for ${MS08_067}: its new updates are now Deployable to SMS 2003, since the ITMU catalog holds them. Updates of the other scan tools stay expired and will leave the site database.`,
        planningSection: 'Synchronizing Software Updates After a Site Upgrade',
        as: smsadmin,
        target: { nodeId: NODE_IDS.updateRepository, place: place.updateRepository },
        done: { kind: 'node-viewed' },
      },
    ],
  },
  {
    id: 'clean-up-legacy-updates',
    title: 'Cleaning up LEGACY updates',
    summary:
      'Hide the migrated (LEGACY) updates with the clean-up script, see which ones a migrated deployment keeps visible, and let them go.',
    stage: 'synchronized',
    playedAs: smsadmin,
    steps: [
      {
        id: 'run-script',
        title: 'Run the LEGACY clean-up script',
        instruction:
          'Open Update Repository and choose Run LEGACY Clean-up Script.... Read what it will do: how many LEGACY updates it hides, and the migrated deployments that keep theirs visible. Run Script. LEGACY updates should not be deployed; they were migrated only for the migrated distributions and for reporting.',
        planningSection: 'LEGACY Appended to Migrated Software Updates Metadata',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.updateRepository,
          place: place.updateRepository,
          action: 'Run LEGACY Clean-up Script...',
          dialog: 'LEGACY Clean-up Script',
        },
        done: { kind: 'legacy-script-run' },
      },
      {
        id: 'hidden-updates',
        title: 'See what was hidden',
        instruction:
          'Open Update Repository > Hidden Software Updates: the updates the script hid. Update Repository now lists only the synchronized updates and the LEGACY updates a migrated deployment still holds.',
        planningSection: 'LEGACY Appended to Migrated Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.hiddenSoftwareUpdates, place: place.hiddenSoftwareUpdates },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'release-migrated-deployment',
        title: 'Let a migrated deployment go',
        instruction: `Migrated updates in a migrated deployment are not hidden until the deployment is deleted or the updates are removed from it. Open Deployment Management > SMS 2003 Advertisements, select ${CONTOSO.distributions.securityUpdates200801}, and Delete it (or Remove Software Updates... from it): its LEGACY updates join the hidden ones.`,
        planningSection: 'LEGACY Appended to Migrated Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.sms2003Advertisements, place: place.sms2003Advertisements, action: 'Delete' },
        done: { kind: 'migrated-deployment-released', distribution: CONTOSO.distributions.securityUpdates200801 },
      },
    ],
  },
  {
    id: 'deploy-to-sms-2003-clients',
    title: 'Deploying to SMS 2003 clients with a template',
    summary: `Make a deployment template that deploys to SMS 2003 clients, deploy ${MS08_067} with it, then watch it disappear from the Deploy Software Updates Wizard when an update not deployable to SMS 2003 is added.`,
    stage: 'synchronized',
    playedAs: smsadmin,
    steps: [
      {
        id: 'create-template',
        title: 'Create a template for SMS 2003 clients',
        instruction: `Open Deployment Templates and choose New Deployment Template.... Name it ${WORKSTATIONS}, specify the collection ${CONTOSO.collections.allWindowsXp}, and on SMS 2003 Settings tick Deploy software updates to SMS 2003 clients.`,
        planningSection: 'Using Deployment Templates That Specify SMS 2003 Settings',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.deploymentTemplates,
          place: place.deploymentTemplates,
          action: 'New Deployment Template...',
          dialog: 'Deployment Template Wizard',
        },
        done: { kind: 'sms2003-template-exists' },
      },
      {
        id: 'deploy-with-template',
        title: `Deploy ${MS08_067} with it`,
        instruction: `Open Update Repository, look for ${MS08_067}, select every update found (Ctrl+A) and choose Deploy Software Updates.... Every one is Deployable to SMS 2003, so Template Selection offers ${WORKSTATIONS}: use it, name the deployment, create a deployment package for the content and finish the wizard.`,
        planningSection: 'Deploying Software Updates to Client Computers',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.updateRepository,
          place: place.updateRepository,
          action: 'Deploy Software Updates...',
          dialog: 'Deploy Software Updates Wizard',
        },
        done: { kind: 'deployment-with-sms2003-template' },
      },
      {
        id: 'template-disappears',
        title: 'See the template disappear',
        instruction: `Now look for KB890830 and deploy ${KB890830}: it is not Deployable to SMS 2003, so Template Selection does not offer ${WORKSTATIONS} and says which update keeps it out. Create a new deployment instead, to ${CONTOSO.collections.allWindowsServer2003}.`,
        planningSection: 'Using Deployment Templates That Specify SMS 2003 Settings',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.updateRepository,
          place: place.updateRepository,
          action: 'Deploy Software Updates...',
          dialog: 'Deploy Software Updates Wizard',
        },
        done: { kind: 'deployment-with-update-not-deployable-to-sms2003' },
      },
    ],
  },
  {
    id: 'delegate-after-the-upgrade',
    title: 'Delegating after the upgrade',
    summary: `${patchadmin} kept their rights on the migrated objects but has none on deployment templates: grant them, and see the audit log keep track.`,
    stage: 'configured',
    playedAs: smsadmin,
    steps: [
      {
        id: 'see-rights',
        title: 'See what patchadmin may do',
        instruction: `Connect as ${patchadmin} and open Deployment Templates: the node is refused, a new object type on which they have no right. Connect back as ${smsadmin} and open Site Management > ${CONTOSO.sites.central.code} > Security Rights to see their rights.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: { nodeId: NODE_IDS.securityRights, place: place.securityRights },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'grant',
        title: 'Grant Read and Create on Deployment Templates',
        instruction: `In Security Rights choose Grant Rights...: user name ${patchadmin}, class Deployment Templates, rights Read and Create, then OK.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.securityRights,
          place: place.securityRights,
          action: 'Grant Rights...',
          dialog: 'Grant Rights',
        },
        done: {
          kind: 'class-rights-granted',
          account: patchadmin,
          objectType: 'DeploymentTemplate',
          rights: ['Read', 'Create'],
        },
      },
      {
        id: 'patchadmin-creates-template',
        title: 'Create a template as patchadmin',
        instruction: `Connect as ${patchadmin}: Deployment Templates opens now. Choose New Deployment Template..., name it and finish the wizard; as its creator, ${patchadmin} gets every right on it.`,
        planningSection: 'Upgraded Software Updates Metadata',
        as: patchadmin,
        target: {
          nodeId: NODE_IDS.deploymentTemplates,
          place: place.deploymentTemplates,
          action: 'New Deployment Template...',
          dialog: 'Deployment Template Wizard',
        },
        done: { kind: 'template-created-by', account: patchadmin },
      },
      {
        id: 'audit-log',
        title: 'Read the audit log',
        instruction: `Connect back as ${smsadmin} and open System Status > Audit Log: the grant and ${patchadmin}'s template are there, with who did them and the right they used.`,
        planningSection: null,
        as: smsadmin,
        target: { nodeId: NODE_IDS.auditLog, place: place.auditLog },
        done: { kind: 'node-viewed' },
      },
    ],
  },
  {
    id: 'republish-custom-updates',
    title: 'Republishing custom updates',
    summary: `Bring the ${CONTOSO.customCatalog} updates back for Configuration Manager clients: republish the catalog to WSUS with System Center Updates Publisher, then synchronize.`,
    stage: 'just-upgraded',
    playedAs: smsadmin,
    steps: [
      {
        id: 'see-custom-updates',
        title: 'See the custom updates expired',
        instruction:
          'Open Update Repository and look for Contoso Payroll: the custom update was migrated, expired and titled (LEGACY). SMS 2003 clients keep scanning for it with the Inventory Tool for Custom Updates.',
        planningSection: 'Inventory Tool for Custom Updates',
        as: smsadmin,
        target: { nodeId: NODE_IDS.updateRepository, place: place.updateRepository },
        done: { kind: 'node-viewed' },
      },
      {
        id: 'software-update-point',
        title: 'Create the software update point',
        instruction: `Updates Publisher publishes to the WSUS server of the software update point: open Site Settings > Site Systems and choose New Roles... to add it on ${CONTOSO.sites.central.serverName}.`,
        planningSection: 'Synchronizing the Software Update Point',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.siteSystems,
          place: place.siteSystems,
          action: 'New Roles...',
          dialog: 'Software Update Point Component Properties',
        },
        done: { kind: 'software-update-point-exists' },
      },
      {
        id: 'republish',
        title: 'Republish the custom catalog',
        instruction:
          'Open Update Repository and choose Republish Custom Updates Catalog...: the custom catalog goes to WSUS. Until it is republished, the custom updates are not synchronized and stay expired.',
        planningSection: 'Republishing the Custom Updates Catalog',
        as: smsadmin,
        target: {
          nodeId: NODE_IDS.updateRepository,
          place: place.updateRepository,
          action: 'Republish Custom Updates Catalog...',
        },
        done: { kind: 'custom-catalog-republished' },
      },
      {
        id: 'synchronize',
        title: 'Synchronize',
        instruction:
          'Choose Run Synchronization and fast-forward to the end of the running jobs: the custom updates are active again, and Configuration Manager clients can scan for them.',
        planningSection: 'Republishing the Custom Updates Catalog',
        as: smsadmin,
        target: { nodeId: NODE_IDS.updateRepository, place: place.updateRepository, action: 'Run Synchronization' },
        done: { kind: 'custom-updates-active' },
      },
    ],
  },
];

export function walkthroughById(id: string): Walkthrough | undefined {
  return WALKTHROUGHS.find((walkthrough) => walkthrough.id === id);
}
