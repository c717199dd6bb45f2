/**
 * The fixed names of the Contoso scenario (shared/scenario-contoso.md). Documentation, walkthroughs and tests refer to
 * these objects by name: change none of them.
 */
export const CONTOSO = {
  /** Setup starts on the morning of December 18, 2008, and the upgraded site is up at 9:00. */
  beforeUpgradeClock: '2008-12-18T06:30:00Z',
  clockStart: '2008-12-18T09:00:00Z',
  sites: {
    central: { code: 'CEN', name: 'Contoso Central Site', serverName: 'CEN-SMS01' },
    london: { code: 'LON', name: 'London Primary Site', serverName: 'LON-SMS01' },
  },
  administrators: {
    smsadmin: 'CONTOSO\\smsadmin',
    patchadmin: 'CONTOSO\\patchadmin',
    lonadmin: 'CONTOSO\\lonadmin',
    auditor: 'CONTOSO\\auditor',
  },
  collections: {
    allSystems: 'All Systems',
    allWindowsXp: 'All Windows XP Systems',
    allWindowsServer2003: 'All Windows Server 2003 Systems',
    microsoftUpdatesToolSync: 'Microsoft Updates Tool Sync',
    cenPilotWorkstations: 'CEN Pilot Workstations',
    lonWorkstations: 'LON Workstations',
  },
  distributions: {
    securityUpdates200801: 'Security Updates 2008-01',
    officeSecurityUpdates2008Q1: 'Office Security Updates 2008-Q1',
    lonCriticalUpdates200804: 'LON Critical Updates 2008-04',
    serverUpdates2007H2: 'Server Updates 2007-H2',
  },
  invalidPackageSource: '\\\\CEN-SMS01\\PkgSrc$\\OfficeQ1',
  scanTools: {
    itmu: 'Inventory Tool for Microsoft Updates',
    itcu: 'Inventory Tool for Custom Updates',
    suit: 'Security Update Inventory Tool',
    officeInventory: 'Office Inventory Tool',
  },
  customCatalog: 'Contoso Line-of-Business Updates',
  /** The last ITMU catalog that synchronized: the June 10, 2008 release broke synchronization (KB 954474). */
  lastWorkingItmuCatalog: '2008-05-13',
  brokenItmuCatalogRelease: '2008-06-10',
  templates: {
    workstationsSms2003: 'Workstations - SMS 2003 Clients',
    serversStandard: 'Servers - Standard',
  },
  deployments: { criticalUpdatesDecember2008: 'Critical Updates - December 2008' },
  notDeployableToSms2003: [
    'Windows Malicious Software Removal Tool - December 2008 (KB890830)',
    'Update for Windows Vista (KB955020)',
  ],
} as const;

/** The stages a demo can start at. Only those the console can build are offered in its Stage combobox. */
export const STAGES = [
  { id: 'before-upgrade', name: 'Before upgrade' },
  { id: 'just-upgraded', name: 'Just upgraded' },
  { id: 'synchronized', name: 'Synchronized' },
  { id: 'configured', name: 'Configured' },
] as const;
export type StageId = (typeof STAGES)[number]['id'];
export const DEFAULT_STAGE: StageId = 'just-upgraded';
