import type { SoftwareUpdate } from './model/software-update';
import type {
  Advertisement,
  AfterUpgradeFacts,
  Job,
  SiteSystem,
  SoftwareUpdatePoint,
  StatusMessage,
} from './model/after-upgrade-objects';
import type {
  Administrator,
  Client,
  Collection,
  Deployment,
  DeploymentPackage,
  DeploymentTemplate,
  Package,
  SearchFolder,
  Site,
  Sms2003Advertisement,
  UpdateList,
} from './model/site-objects';
import type { Grant } from './rights/rights';
import type { MigrationReportRow, SetupLogLine } from './model/upgrade-records';
import type { Scale } from './scenario/scale';
import type { StageId } from './scenario/contoso-names';
import type { ScanTool } from './sms2003/sms2003-site';
import type { HomepageSummary } from './homepage-summary/homepage-summary';

export type { MigrationObjectKind, MigrationOutcome, MigrationReportRow, SetupLogLine } from './model/upgrade-records';
export { MIGRATION_OBJECT_KINDS, MIGRATION_OUTCOMES } from './model/upgrade-records';

/**
 * The site as the console sees it. Before the upgrade (phase "sms2003") it is the SMS 2003 site shown read-only in the
 * same shapes; after it, the Configuration Manager 2007 site database. Plain data: it serializes as it is.
 */
export interface SiteState {
  phase: 'sms2003' | 'configmgr';
  scenario: 'contoso';
  seed: number;
  scale: Scale;
  stage: StageId;
  clock: string;
  upgradedBy: string;
  sites: Site[];
  administrators: Administrator[];
  clients: Client[];
  collections: Collection[];
  collectionMembers: Record<string, string[]>;
  scanTools: ScanTool[];
  softwareUpdates: SoftwareUpdate[];
  updateLists: UpdateList[];
  deploymentTemplates: DeploymentTemplate[];
  deployments: Deployment[];
  sms2003Advertisements: Sms2003Advertisement[];
  deploymentPackages: DeploymentPackage[];
  searchFolders: SearchFolder[];
  /** The number of the last search folder ID given (SF000007 is 7), so a deleted folder's ID is never given again. */
  lastSearchFolderNumber?: number;
  /** The number of the last deployment template ID given (DT000003 is 3), so a deleted template's ID is never reused. */
  lastDeploymentTemplateNumber?: number;
  /** The number of the last update list ID given (UL000002 is 2), so a deleted list's ID is never given again. */
  lastUpdateListNumber?: number;
  /** The Software Updates home page's summarization: its schedule and the counts it last saw (none before it runs). */
  homepageSummary?: HomepageSummary;
  packages: Package[];
  /** Software Distribution > Advertisements: the scan tools' advertisements (not software update distributions). */
  advertisements: Advertisement[];
  /** Site Settings > Site Systems of the central site. */
  siteSystems: SiteSystem[];
  softwareUpdatePoint: SoftwareUpdatePoint | null;
  jobs: Job[];
  /** What the site's components reported, oldest first (running jobs add theirs as the clock passes them). */
  statusMessages: StatusMessage[];
  facts: AfterUpgradeFacts;
  grants: Grant[];
  /** %systemdrive%\ConfigMgrSetup.log of the upgrade; empty before it. */
  setupLog: SetupLogLine[];
  migrationReport: MigrationReportRow[];
}
