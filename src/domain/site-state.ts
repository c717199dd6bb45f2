import type { SoftwareUpdate } from './model/software-update';
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
import type { Scale } from './scenario/scale';
import type { StageId } from './scenario/contoso-names';
import type { ScanTool } from './sms2003/sms2003-site';

/** One line of %systemdrive%\ConfigMgrSetup.log: one migration decision, timestamped on the site clock. */
export interface SetupLogLine {
  time: string;
  component: string;
  message: string;
}

/** An SMS 2003 object the upgrade did not migrate, with the reason in plain words. */
export interface NotMigratedObject {
  kind: 'Program' | 'Advertisement' | 'Scan tool';
  name: string;
  reason: string;
}

/** The ConfigMgr 2007 site database as the console sees it. Plain data: it serializes as it is. */
export interface SiteState {
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
  packages: Package[];
  grants: Grant[];
  setupLog: SetupLogLine[];
  notMigrated: NotMigratedObject[];
}
