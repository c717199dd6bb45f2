import type { Compliance } from '../model/software-update';
import type { Client } from '../model/site-objects';
import { createRandom, type Random } from '../random';
import type {
  Sms2003Collection,
  Sms2003Distribution,
  Sms2003Grant,
  Sms2003ScanToolPackage,
  Sms2003Site,
  Sms2003Update,
} from '../sms2003/sms2003-site';
import { CONTOSO } from './contoso-names';
import { MICROSOFT_UPDATE_CATALOG, supersedenceWithin, type CatalogEntry } from './microsoft-update-catalog';
import { MIN_CLIENTS, MIN_DISTRIBUTIONS, type Scale } from './scale';
import { LANGUAGES } from './languages';

const OS_XP = 'Microsoft Windows XP Professional';
const OS_2003 = 'Microsoft(R) Windows(R) Server 2003, Enterprise Edition';

/**
 * Generates the Contoso SMS 2003 site before the upgrade, deterministically from a seed and a scale.
 * The named objects of shared/scenario-contoso.md are always present; the scale only adds to them.
 */
export function generateContosoSms2003Site(seed: number, scale: Scale): Sms2003Site {
  const random = createRandom(seed);
  const { clients, collections } = generateClientsAndCollections(random, Math.max(MIN_CLIENTS, scale.clients));
  const updates = generateUpdates(random, scale.softwareUpdates, clients);
  const distributions = generateDistributions(random, updates, collections, scale.distributions);
  const { central, london } = CONTOSO.sites;
  return {
    scenario: 'contoso',
    seed,
    clock: CONTOSO.beforeUpgradeClock,
    sites: [
      {
        id: central.code,
        code: central.code,
        name: central.name,
        serverName: central.serverName,
        version: 'SMS 2003 SP3',
        parentCode: null,
        itmuInstalled: true,
      },
      {
        id: london.code,
        code: london.code,
        name: london.name,
        serverName: london.serverName,
        version: 'SMS 2003 SP3',
        parentCode: central.code,
        itmuInstalled: false,
      },
    ],
    administrators: [
      { account: CONTOSO.administrators.smsadmin, story: 'Ran the upgrade of CEN to Configuration Manager 2007.' },
      {
        account: CONTOSO.administrators.patchadmin,
        story: 'Had full rights to all SMS 2003 software update objects.',
      },
      {
        account: CONTOSO.administrators.lonadmin,
        story: 'London administrator, given rights on the London package and collection to advertise it from LON.',
      },
      { account: CONTOSO.administrators.auditor, story: 'Read the SMS 2003 software update objects for reports.' },
    ],
    clients,
    collections,
    scanTools: [
      {
        name: CONTOSO.scanTools.itmu,
        version: '2.0',
        installedAtSite: central.code,
        catalog: 'Microsoft Update catalog (Wsusscn2.cab)',
        catalogDate: CONTOSO.lastWorkingItmuCatalog,
        lastSyncStatus:
          'Catalog synchronization failed: UpdateWUSCatalog.exe could not process the June 10, 2008 catalog ' +
          '(Microsoft Office 2003 Service Pack 1 metadata). See Knowledge Base article 954474.',
        compatibleWithConfigMgr: true,
      },
      {
        name: CONTOSO.scanTools.itcu,
        version: '1.0',
        installedAtSite: central.code,
        catalog: CONTOSO.customCatalog,
        catalogDate: '2008-03-20',
        lastSyncStatus: 'The custom catalog was published with the Custom Updates Publishing Tool.',
        compatibleWithConfigMgr: true,
      },
      {
        name: CONTOSO.scanTools.suit,
        version: '2.0',
        installedAtSite: central.code,
        catalog: 'Mssecure.xml',
        catalogDate: '2006-08-08',
        lastSyncStatus: 'Catalog synchronization succeeded.',
        compatibleWithConfigMgr: false,
      },
      {
        name: CONTOSO.scanTools.officeInventory,
        version: '2.0',
        installedAtSite: central.code,
        catalog: 'Invcm.xml',
        catalogDate: '2005-09-27',
        lastSyncStatus: 'Catalog synchronization succeeded.',
        compatibleWithConfigMgr: false,
      },
    ],
    updates,
    distributions,
    scanToolPackages: scanToolPackages(),
    rights: rightsBeforeUpgrade(distributions, collections),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Clients and collections

function generateClientsAndCollections(random: Random, clientCount: number) {
  const cenCount = Math.round(clientCount * 0.8);
  const lonCount = clientCount - cenCount;
  const cenServers = Math.round((cenCount * 250) / 1200);
  const cenPilot = Math.round((cenCount * 150) / 1200);
  const clients: Client[] = [];
  const catalogRevision = () => (random.chance(0.9) ? 31 : 30);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  // The site server is a client too, and the ITMU synchronization host.
  clients.push(client('CEN-SMS01', 'CEN', OS_2003, catalogRevision()));
  for (let i = 1; i < cenServers; i++) clients.push(client(`CEN-SRV${pad(i, 4)}`, 'CEN', OS_2003, catalogRevision()));
  for (let i = 1; i <= cenCount - cenServers; i++)
    clients.push(client(`CEN-WS${pad(i, 5)}`, 'CEN', OS_XP, catalogRevision()));
  for (let i = 1; i <= lonCount; i++) clients.push(client(`LON-WS${pad(i, 5)}`, 'LON', OS_XP, catalogRevision()));

  const ids = (filter: (c: Client) => boolean) => clients.filter(filter).map((c) => c.id);
  const cenWorkstations = clients.filter((c) => c.siteCode === 'CEN' && c.operatingSystem === OS_XP);
  const names = CONTOSO.collections;
  const collections: Sms2003Collection[] = [
    collection(
      'SMS00001',
      names.allSystems,
      'All Systems',
      'Every discovered system.',
      ids(() => true),
    ),
    collection(
      'SMS000GS',
      names.allWindowsXp,
      'All systems running Windows XP.',
      'Operating system name contains "Windows XP".',
      ids((c) => c.operatingSystem === OS_XP),
    ),
    collection(
      'SMS000ES',
      names.allWindowsServer2003,
      'All systems running Windows Server 2003.',
      'Operating system name contains "Server 2003".',
      ids((c) => c.operatingSystem === OS_2003),
    ),
    collection(
      'CEN00010',
      names.microsoftUpdatesToolSync,
      'The synchronization host of the Inventory Tool for Microsoft Updates.',
      'Direct membership: CEN-SMS01.',
      ['CEN-SMS01'],
    ),
    collection(
      'CEN00011',
      names.cenPilotWorkstations,
      'Central workstations that receive updates first.',
      `Direct membership: the first ${cenPilot} CEN workstations.`,
      cenWorkstations.slice(0, cenPilot).map((c) => c.id),
    ),
    collection(
      'CEN00012',
      names.lonWorkstations,
      'Workstations of the London site.',
      'Site code is LON.',
      ids((c) => c.siteCode === 'LON'),
    ),
  ];
  return { clients, collections };
}

function client(name: string, siteCode: string, operatingSystem: string, catalogRevision: number): Client {
  return { id: name, name, siteCode, clientType: 'SMS 2003', operatingSystem, catalogRevision };
}

function collection(id: string, name: string, comment: string, membershipRule: string, memberIds: string[]) {
  return { id, name, comment: comment === name ? '' : comment, membershipRule, memberIds };
}

// ---------------------------------------------------------------------------------------------------------------
// Software updates

interface Population {
  total: number;
  xp: number;
  servers: number;
}

function generateUpdates(random: Random, requestedCount: number, clients: Client[]): Sms2003Update[] {
  const population: Population = {
    total: clients.length,
    xp: clients.filter((c) => c.operatingSystem === OS_XP).length,
    servers: clients.filter((c) => c.operatingSystem === OS_2003).length,
  };
  // What the SMS 2003 site knows of the Microsoft Update catalog: the ITMU catalog stopped at May 2008 (KB 954474).
  const knownMicrosoft = MICROSOFT_UPDATE_CATALOG.filter(
    (entry) => entry.inItmuCatalog && entry.dateReleased <= CONTOSO.lastWorkingItmuCatalog,
  );
  const supersededBy = supersedenceWithin(knownMicrosoft);
  // What every language version of an entry shares, worked out once per entry rather than once per language.
  const shared = new Map(knownMicrosoft.map((entry) => [entry, sharedByLanguages(entry, population)]));
  const microsoft = (entry: CatalogEntry, language: string) =>
    microsoftUpdate(random, entry, language, supersededBy, shared.get(entry) as SharedByLanguages);
  const base: Sms2003Update[] = [
    ...knownMicrosoft.map((entry) => microsoft(entry, 'English')),
    ...customUpdates(random, population),
    ...olderScanToolUpdates(random, population),
  ];
  const updates = [...base];
  // Scale: first the other language versions of the Microsoft updates, then older non-security updates.
  for (const language of LANGUAGES.slice(1)) {
    for (const entry of knownMicrosoft) {
      if (updates.length >= requestedCount) return updates;
      updates.push(microsoft(entry, language));
    }
  }
  const filler = new FillerWriter(random, MICROSOFT_UPDATE_CATALOG, population);
  while (updates.length < requestedCount) updates.push(filler.next());
  return updates;
}

function compliance(random: Random, applicable: number, total: number, ageDays: number): Compliance {
  const unknown = Math.min(applicable, Math.round(total * random.next() * 0.03));
  const scanned = applicable - unknown;
  // Older updates are more widely installed.
  const installedShare = Math.min(0.97, 0.35 + ageDays / 700 + random.next() * 0.1);
  const installed = Math.round(scanned * installedShare);
  const required = scanned - installed;
  return { total, required, installed, notRequired: total - applicable, unknown };
}

function applicableClients(product: string, population: Population): number {
  if (product === 'Windows XP' || product.startsWith('Office') || product === '.NET Framework') return population.xp;
  if (product === 'Windows Server 2003') return population.servers;
  return 0;
}

const DAY_MS = 86_400_000;
const CLOCK_START_MS = Date.parse(CONTOSO.clockStart);
/** Days before the scenario's clock, per date: a few thousand distinct dates, parsed once each. */
const AGE_IN_DAYS = new Map<string, number>();
function ageInDays(date: string): number {
  let age = AGE_IN_DAYS.get(date);
  if (age === undefined) {
    age = Math.max(0, Math.round((CLOCK_START_MS - Date.parse(date)) / DAY_MS));
    AGE_IN_DAYS.set(date, age);
  }
  return age;
}

/** What every language version of a catalog entry has in common. */
interface SharedByLanguages {
  population: Population;
  applicable: number;
  applicability: string;
  sourcePath: string;
  maxRunTimeMinutes: number;
  ageInDays: number;
}

function sharedByLanguages(entry: CatalogEntry, population: Population): SharedByLanguages {
  return {
    population,
    applicable: applicableClients(entry.product, population),
    applicability: `Applies to computers running ${entry.product} on which KB${entry.articleId} is not installed.`,
    sourcePath: `\\\\CEN-SMS01\\PkgSrc$\\MicrosoftUpdates\\${entry.bulletinId || 'KB' + entry.articleId}\\${entry.fileName}`,
    maxRunTimeMinutes: entry.product.startsWith('Office') ? 10 : 5,
    ageInDays: ageInDays(entry.dateReleased),
  };
}

function microsoftUpdate(
  random: Random,
  entry: CatalogEntry,
  language: string,
  supersededBy: Map<string, string>,
  shared: SharedByLanguages,
): Sms2003Update {
  const languageSuffix = language === 'English' ? '' : `/${language}`;
  const supersedingKey = supersededBy.get(entry.key);
  return {
    key: `${entry.key}${languageSuffix}`,
    title: entry.title,
    description: entry.description,
    bulletinId: entry.bulletinId,
    articleId: entry.articleId,
    infoUrl: entry.infoUrl,
    applicability: shared.applicability,
    sourcePath: shared.sourcePath,
    vendor: 'Microsoft',
    product: entry.product,
    classification: entry.classification,
    severity: entry.severity,
    language,
    dateReleased: entry.dateReleased,
    dateRevised: entry.dateReleased,
    sizeKb: random.int(300, 18_000),
    maxRunTimeMinutes: shared.maxRunTimeMinutes,
    scanTool: 'Microsoft Update',
    supersededByKey: supersedingKey !== undefined ? `${supersedingKey}${languageSuffix}` : null,
    deployableToSms2003: entry.inItmuCatalog,
    compliance: compliance(
      random,
      language === 'English' ? shared.applicable : 0,
      shared.population.total,
      shared.ageInDays,
    ),
  };
}

function customUpdates(random: Random, population: Population): Sms2003Update[] {
  const custom = (
    key: string,
    fields: Pick<
      Sms2003Update,
      'title' | 'description' | 'articleId' | 'vendor' | 'product' | 'classification' | 'severity' | 'dateReleased'
    > & { infoUrl: string; file: string },
  ): Sms2003Update => ({
    key: `custom/${key}`,
    title: fields.title,
    description: fields.description,
    bulletinId: '',
    articleId: fields.articleId,
    infoUrl: fields.infoUrl,
    applicability: `Applies to computers on which ${fields.product} is installed and ${fields.title} is not.`,
    sourcePath: `\\\\CEN-SMS01\\PkgSrc$\\CustomUpdates\\${fields.file}`,
    vendor: fields.vendor,
    product: fields.product,
    classification: fields.classification,
    severity: fields.severity,
    language: 'English',
    dateReleased: fields.dateReleased,
    dateRevised: fields.dateReleased,
    sizeKb: random.int(900, 25_000),
    maxRunTimeMinutes: 10,
    scanTool: 'Custom Updates',
    supersededByKey: null,
    // Published with the Custom Updates Publishing Tool: deployable to SMS 2003 clients.
    deployableToSms2003: true,
    compliance: compliance(random, Math.round(population.xp * 0.6), population.total, ageInDays(fields.dateReleased)),
  });
  return [
    custom('contoso-payroll-4.2-hotfix-3', {
      title: 'Contoso Payroll Client 4.2 Hotfix 3',
      description:
        'Fixes the rounding of overtime hours in the Contoso Payroll client. Developed in-house by Contoso IT.',
      articleId: 'CTS-2008-014',
      vendor: 'Contoso',
      product: 'Contoso Payroll',
      classification: 'Critical Updates',
      severity: 'Important',
      dateReleased: '2008-03-18',
      infoUrl: 'http://intranet.contoso.com/it/updates/CTS-2008-014',
      file: 'ContosoPayroll42-Hotfix3.msp',
    }),
    custom('adobe-reader-8.1.2', {
      title: 'Adobe Reader 8.1.2 Security Update',
      description: 'Updates Adobe Reader 8 to version 8.1.2, which resolves security vulnerabilities.',
      articleId: 'APSB08-13',
      vendor: 'Adobe Systems',
      product: 'Adobe Reader 8',
      classification: 'Security Updates',
      severity: 'Critical',
      dateReleased: '2008-02-07',
      infoUrl: 'http://www.adobe.com/support/security/bulletins/apsb08-13.html',
      file: 'AdbeRdrUpd812_all_incr.msp',
    }),
    custom('java-6-update-5', {
      title: 'Java Runtime Environment 6 Update 5',
      description: 'Updates the Java Runtime Environment 6 to Update 5, which includes security fixes.',
      articleId: 'JRE-6U5',
      vendor: 'Sun Microsystems',
      product: 'Java Runtime Environment 6',
      classification: 'Security Updates',
      severity: 'Important',
      dateReleased: '2008-03-05',
      infoUrl: 'http://java.sun.com/javase/6/webnotes/ReleaseNotes.html',
      file: 'jre-6u5-windows-i586-p.exe',
    }),
  ];
}

/** Updates of the two older scan tools; they stay expired after the upgrade and are never deployable again. */
function olderScanToolUpdates(random: Random, population: Population): Sms2003Update[] {
  const older = (
    scanTool: 'Security Update Inventory Tool' | 'Office Inventory Tool',
    key: string,
    fields: Pick<Sms2003Update, 'title' | 'bulletinId' | 'articleId' | 'product' | 'severity' | 'dateReleased'>,
  ): Sms2003Update => ({
    key: `${scanTool === 'Office Inventory Tool' ? 'oit' : 'suit'}/${key}`,
    title: fields.title,
    description: `Detected by the ${scanTool}.`,
    bulletinId: fields.bulletinId,
    articleId: fields.articleId,
    infoUrl: fields.bulletinId
      ? `http://www.microsoft.com/technet/security/bulletin/${fields.bulletinId.toLowerCase()}.mspx`
      : `http://support.microsoft.com/kb/${fields.articleId}`,
    applicability: `Detected by the ${scanTool} catalog on computers running ${fields.product}.`,
    sourcePath: `\\\\CEN-SMS01\\PkgSrc$\\${scanTool === 'Office Inventory Tool' ? 'OfficeInventory' : 'SUIT'}\\${fields.articleId}`,
    vendor: 'Microsoft',
    product: fields.product,
    classification: scanTool === 'Office Inventory Tool' ? 'Service Packs' : 'Security Updates',
    severity: fields.severity,
    language: 'English',
    dateReleased: fields.dateReleased,
    dateRevised: fields.dateReleased,
    sizeKb: random.int(500, 90_000),
    maxRunTimeMinutes: scanTool === 'Office Inventory Tool' ? 30 : 5,
    scanTool,
    supersededByKey: null,
    deployableToSms2003: false,
    compliance: compliance(random, applicableClients(fields.product, population), population.total, 900),
  });
  return [
    older('Security Update Inventory Tool', 'MS06-040', {
      title: 'MS06-040: Vulnerability in Server Service Could Allow Remote Code Execution (921883)',
      bulletinId: 'MS06-040',
      articleId: '921883',
      product: 'Windows XP',
      severity: 'Critical',
      dateReleased: '2006-08-08',
    }),
    older('Security Update Inventory Tool', 'MS06-042', {
      title: 'MS06-042: Cumulative Security Update for Internet Explorer (918899)',
      bulletinId: 'MS06-042',
      articleId: '918899',
      product: 'Windows XP',
      severity: 'Critical',
      dateReleased: '2006-08-08',
    }),
    older('Security Update Inventory Tool', 'MS06-014', {
      title:
        'MS06-014: Vulnerability in the Microsoft Data Access Components (MDAC) Function Could Allow Code Execution (911562)',
      bulletinId: 'MS06-014',
      articleId: '911562',
      product: 'Windows Server 2003',
      severity: 'Critical',
      dateReleased: '2006-04-11',
    }),
    older('Office Inventory Tool', 'office-2003-sp2', {
      title: 'Office 2003 Service Pack 2',
      bulletinId: '',
      articleId: '887616',
      product: 'Office 2003',
      severity: 'None',
      dateReleased: '2005-09-27',
    }),
    older('Office Inventory Tool', 'office-xp-sp3', {
      title: 'Office XP Service Pack 3',
      bulletinId: '',
      articleId: '832671',
      product: 'Office XP',
      severity: 'None',
      dateReleased: '2004-03-09',
    }),
  ];
}

const FILLER_PRODUCTS = ['Windows XP', 'Windows Server 2003', 'Windows 2000', 'Office 2003', 'Windows Vista'];

/**
 * The text of a filler update that follows from its product alone, written once per product. One description is
 * shared by every filler update of a product: at 50,000 updates a new copy each would hold megabytes of the same text
 * (strings built at run time are never shared by the engine on their own).
 */
interface FillerProduct {
  product: string;
  description: string;
  criticalTitle: string;
  title: string;
  applicability: string;
  applicable: number;
}

function fillerProduct(product: string, population: Population): FillerProduct {
  return {
    product,
    description: `Install this update to resolve an issue in ${product}. After you install this item, you may have to restart your computer.`,
    criticalTitle: `Critical Update for ${product} (KB`,
    title: `Update for ${product} (KB`,
    applicability: `Applies to computers running ${product} on which KB`,
    applicable: applicableClients(product, population),
  };
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/**
 * Filler for the large scales only: older non-security updates of the catalog. Their KB numbers are generated
 * (never one of the real bulletins'), so the default scale holds only real updates. Tens of thousands are written at
 * the largest scales, so what repeats (per product, per date) is worked out once, and each draws its random numbers
 * in the same order as ever: the same seed gives the same site.
 */
class FillerWriter {
  /** The KB numbers taken: those of the catalog, then each filler's. Numbers, so a draw makes no string to look up. */
  private readonly usedArticles = new Set<number>();
  private readonly products: FillerProduct[];
  /** "2007-03-05" per year, month and day: one string per date, shared by the updates of that day. */
  private readonly dates = new Map<number, string>();

  constructor(
    private readonly random: Random,
    catalog: readonly CatalogEntry[],
    private readonly population: Population,
  ) {
    for (const { articleId } of catalog) {
      // Only an article written as a plain number could be drawn (String(n) never has a sign or leading zero).
      const number = Number(articleId);
      if (String(number) === articleId) this.usedArticles.add(number);
    }
    this.products = FILLER_PRODUCTS.map((product) => fillerProduct(product, population));
  }

  next(): Sms2003Update {
    const { random } = this;
    let article: number;
    do article = random.int(870_000, 959_999);
    while (this.usedArticles.has(article));
    this.usedArticles.add(article);
    const articleId = String(article);
    const filler = random.pick(this.products);
    const critical = random.chance(0.3);
    const year = random.int(2005, 2008);
    const month = year === 2008 ? random.int(1, 5) : random.int(1, 12);
    const dateReleased = this.date(year, month, random.int(1, 28));
    return {
      key: `filler/KB${articleId}`,
      title: `${critical ? filler.criticalTitle : filler.title}${articleId})`,
      description: filler.description,
      bulletinId: '',
      articleId,
      infoUrl: `http://support.microsoft.com/kb/${articleId}`,
      applicability: `${filler.applicability}${articleId} is not installed.`,
      sourcePath: `\\\\CEN-SMS01\\PkgSrc$\\MicrosoftUpdates\\KB${articleId}\\KB${articleId}.exe`,
      vendor: 'Microsoft',
      product: filler.product,
      classification: critical ? 'Critical Updates' : 'Updates',
      severity: 'None',
      language: 'English',
      dateReleased,
      dateRevised: dateReleased,
      sizeKb: random.int(100, 9_000),
      maxRunTimeMinutes: 5,
      scanTool: 'Microsoft Update',
      supersededByKey: null,
      deployableToSms2003: true,
      compliance: compliance(random, filler.applicable, this.population.total, ageInDays(dateReleased)),
    };
  }

  private date(year: number, month: number, day: number): string {
    const key = (year * 100 + month) * 100 + day;
    let date = this.dates.get(key);
    if (date === undefined) {
      date = `${year}-${TWO_DIGITS[month] as string}-${TWO_DIGITS[day] as string}`;
      this.dates.set(key, date);
    }
    return date;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Distributions, scan tool packages, rights

const PROGRAM = 'Software Updates Installation';

function generateDistributions(
  random: Random,
  updates: Sms2003Update[],
  collections: Sms2003Collection[],
  requested: number,
): Sms2003Distribution[] {
  const english = updates.filter((u) => u.language === 'English' && u.scanTool === 'Microsoft Update');
  const keysWhere = (filter: (u: Sms2003Update) => boolean) => english.filter(filter).map((u) => u.key);
  const collectionId = (name: string) => {
    const found = collections.find((c) => c.name === name);
    if (!found) throw new Error(`No collection ${name}`);
    return found.id;
  };
  const names = CONTOSO.distributions;
  const distribution = (
    index: number,
    name: string,
    fields: Partial<Sms2003Distribution> & Pick<Sms2003Distribution, 'collectionId' | 'updateKeys' | 'availableAfter'>,
  ): Sms2003Distribution => ({
    name,
    packageId: `CEN${String(index).padStart(5, '0')}`,
    packageCreatedAt: 'CEN',
    programName: PROGRAM,
    programCreatedAt: 'CEN',
    advertisementId: `CEN2${String(index).padStart(4, '0')}`,
    advertisementCreatedAt: 'CEN',
    sourcePath: `\\\\CEN-SMS01\\PkgSrc$\\${name.replace(/[^A-Za-z0-9-]/g, '')}`,
    sourceValid: true,
    mandatory: true,
    ...fields,
  });
  const isWindowsClientOrServer = (u: Sms2003Update) =>
    u.product === 'Windows XP' || u.product === 'Windows Server 2003';
  const distributions: Sms2003Distribution[] = [
    distribution(1, names.securityUpdates200801, {
      collectionId: collectionId(CONTOSO.collections.allWindowsXp),
      updateKeys: keysWhere(
        (u) => (u.bulletinId === 'MS08-001' || u.bulletinId === 'MS08-002') && isWindowsClientOrServer(u),
      ),
      availableAfter: '2008-01-10T18:00:00Z',
    }),
    distribution(2, names.officeSecurityUpdates2008Q1, {
      collectionId: collectionId(CONTOSO.collections.allWindowsXp),
      updateKeys: keysWhere(
        (u) => u.product.startsWith('Office') && u.dateReleased >= '2008-01-01' && u.dateReleased < '2008-04-01',
      ),
      availableAfter: '2008-03-13T18:00:00Z',
      sourcePath: CONTOSO.invalidPackageSource,
      // The share was removed when the file server was rebuilt: source validation fails after the upgrade.
      sourceValid: false,
    }),
    distribution(3, names.lonCriticalUpdates200804, {
      collectionId: collectionId(CONTOSO.collections.lonWorkstations),
      updateKeys: keysWhere(
        (u) => u.dateReleased >= '2008-04-01' && u.dateReleased < '2008-05-01' && u.product === 'Windows XP',
      ),
      availableAfter: '2008-04-10T18:00:00Z',
      // The package and program were created at CEN; London advertised it from its own site.
      advertisementId: 'LON20001',
      advertisementCreatedAt: 'LON',
    }),
    distribution(4, names.serverUpdates2007H2, {
      collectionId: collectionId(CONTOSO.collections.allWindowsServer2003),
      updateKeys: keysWhere(
        (u) => u.product === 'Windows Server 2003' && u.dateReleased >= '2007-07-01' && u.dateReleased < '2008-01-01',
      ),
      availableAfter: '2008-01-03T18:00:00Z',
    }),
  ];
  // Scale: more monthly CEN distributions, each with a slice of the updates of one month.
  const targets = [
    CONTOSO.collections.allWindowsXp,
    CONTOSO.collections.allWindowsServer2003,
    CONTOSO.collections.cenPilotWorkstations,
  ].map(collectionId);
  const microsoftByMonth = new Map<string, Sms2003Update[]>();
  // The month of each release date, cut once per date rather than once per update.
  const monthOf = new Map<string, string>();
  for (const update of updates) {
    if (update.scanTool !== 'Microsoft Update') continue;
    let month = monthOf.get(update.dateReleased);
    if (month === undefined) monthOf.set(update.dateReleased, (month = update.dateReleased.slice(0, 7)));
    const list = microsoftByMonth.get(month);
    if (list) list.push(update);
    else microsoftByMonth.set(month, [update]);
  }
  for (let index = distributions.length + 1; index <= Math.max(MIN_DISTRIBUTIONS, requested); index++) {
    const year = random.int(2005, 2008);
    const month = year === 2008 ? random.int(1, 5) : random.int(1, 12);
    const prefix = `${year}-${String(month).padStart(2, '0')}`;
    const monthKeys = microsoftByMonth.get(prefix) ?? [];
    const start = monthKeys.length > 12 ? random.int(0, monthKeys.length - 12) : 0;
    distributions.push(
      distribution(index + 20, `Monthly Updates ${prefix} - Wave ${index}`, {
        collectionId: random.pick(targets),
        updateKeys: monthKeys.slice(start, start + 12).map((u) => u.key),
        availableAfter: `${prefix}-15T18:00:00Z`,
      }),
    );
  }
  return distributions;
}

function scanToolPackages(): Sms2003ScanToolPackage[] {
  const pkg = (packageId: string, name: string, programName: string, scanTool: string, folder: string) => ({
    packageId,
    name,
    programName,
    sourcePath: `\\\\CEN-SMS01\\PackageSrc\\${folder}`,
    createdAt: 'CEN',
    scanTool,
  });
  return [
    pkg('CEN00005', 'Microsoft Updates Tool', 'Microsoft Updates Tool', CONTOSO.scanTools.itmu, 'MicrosoftUpdatesTool'),
    pkg('CEN00006', 'Windows Update Agent', 'Windows Update Agent Installation', CONTOSO.scanTools.itmu, 'WUA'),
    pkg('CEN00007', 'Custom Updates Tool', 'Custom Updates Tool', CONTOSO.scanTools.itcu, 'CustomUpdatesTool'),
    pkg('CEN00008', 'Security Update Inventory Tool', 'Security Update Inventory Tool', CONTOSO.scanTools.suit, 'SUIT'),
    pkg(
      'CEN00009',
      'Office Inventory Tool',
      'Office Inventory Tool',
      CONTOSO.scanTools.officeInventory,
      'OfficeInventory',
    ),
  ];
}

function rightsBeforeUpgrade(distributions: Sms2003Distribution[], collections: Sms2003Collection[]): Sms2003Grant[] {
  const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
  const allDistributions = distributions.map((d) => d.name);
  const lonWorkstations = collections.find((c) => c.name === CONTOSO.collections.lonWorkstations);
  const both: Array<'package' | 'advertisement'> = ['package', 'advertisement'];
  return [
    { account: smsadmin, on: { kind: 'software-update', keys: null }, rights: 'all' },
    { account: smsadmin, on: { kind: 'distribution', names: null, parts: both }, rights: 'all' },
    { account: smsadmin, on: { kind: 'collection', ids: null }, rights: 'all' },
    { account: smsadmin, on: { kind: 'site', code: 'CEN' }, rights: 'all' },
    // "users who had full rights to all SMS 2003 software updates objects" (instance rights, on each).
    { account: patchadmin, on: { kind: 'software-update', keys: null }, rights: 'all' },
    { account: patchadmin, on: { kind: 'distribution', names: allDistributions, parts: both }, rights: 'all' },
    { account: patchadmin, on: { kind: 'collection', ids: null }, rights: ['Read'] },
    { account: patchadmin, on: { kind: 'site', code: 'CEN' }, rights: ['Read'] },
    {
      account: lonadmin,
      on: { kind: 'distribution', names: [CONTOSO.distributions.lonCriticalUpdates200804], parts: ['package'] },
      rights: ['Read', 'Modify', 'Distribute'],
    },
    {
      account: lonadmin,
      on: { kind: 'collection', ids: lonWorkstations ? [lonWorkstations.id] : [] },
      rights: ['Read'],
    },
    { account: lonadmin, on: { kind: 'site', code: 'CEN' }, rights: ['Read'] },
    { account: auditor, on: { kind: 'software-update', keys: null }, rights: ['Read'] },
    { account: auditor, on: { kind: 'distribution', names: allDistributions, parts: both }, rights: ['Read'] },
    { account: auditor, on: { kind: 'collection', ids: null }, rights: ['Read'] },
    { account: auditor, on: { kind: 'site', code: 'CEN' }, rights: ['Read'] },
  ];
}
