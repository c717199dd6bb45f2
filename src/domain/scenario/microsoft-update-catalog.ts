import type { Classification, Severity } from '../model/software-update';
import { slugify } from '../text';
import { BULLETINS, type Bulletin } from './bulletins';

/**
 * One update as the Microsoft Update catalog publishes it: a bulletin fans out into one update per product, titled
 * the way the catalog does ("Security Update for Windows XP (KB958644)").
 */
export interface CatalogEntry {
  /** Stable key, e.g. "MS08-067/windows-xp". */
  key: string;
  title: string;
  description: string;
  bulletinId: string;
  articleId: string;
  product: string;
  classification: Classification;
  severity: Severity;
  dateReleased: string;
  infoUrl: string;
  fileName: string;
  /** Updates of one family and product supersede each other in release order (cumulative IE updates, ...). */
  family: string | null;
  /** The ITMU (Wsusscn2.cab) catalog carries this update: only those can be deployed to SMS 2003 clients. */
  inItmuCatalog: boolean;
}

const W2K = 'Windows 2000';
const XP = 'Windows XP';
const XP64 = 'Windows XP x64 Edition';
const S2003 = 'Windows Server 2003';
const S2003X64 = 'Windows Server 2003, x64 Edition';
const VISTA = 'Windows Vista';

const FILE_PREFIX: Record<string, (kb: string) => string> = {
  [W2K]: (kb) => `Windows2000-KB${kb}-x86-ENU.EXE`,
  [XP]: (kb) => `WindowsXP-KB${kb}-x86-ENU.exe`,
  [XP64]: (kb) => `WindowsServer2003.WindowsXP-KB${kb}-x64-ENU.exe`,
  [S2003]: (kb) => `WindowsServer2003-KB${kb}-x86-ENU.exe`,
  [S2003X64]: (kb) => `WindowsServer2003.WindowsXP-KB${kb}-x64-ENU.exe`,
  [VISTA]: (kb) => `Windows6.0-KB${kb}-x86.msu`,
};

type Target = {
  product: string;
  title: (kb: string) => string;
  kb?: string;
  fileName?: (kb: string) => string;
  severity?: Severity;
};

const windows = (products: string[], overrides: Partial<Record<string, Severity>> = {}): Target[] =>
  products.map((product) => ({
    product,
    title: (kb) => `Security Update for ${product} (KB${kb})`,
    severity: overrides[product],
  }));

const IE_TARGETS: Array<[string, string]> = [
  ['6', W2K],
  ['6', XP],
  ['7', XP],
  ['6', S2003],
  ['7', S2003],
  ['7', VISTA],
];
const internetExplorer = (prefix: string, targets = IE_TARGETS): Target[] =>
  targets.map(([version, product]) => ({
    product,
    title: (kb) => `${prefix} for Internet Explorer ${version} for ${product} (KB${kb})`,
    fileName: (kb) => `IE${version}-${product.replace(/[^A-Za-z0-9]/g, '')}-KB${kb}-x86-ENU.exe`,
  }));

const OFFICE_PRODUCT: Record<string, string> = { '2002': 'Office XP', '2003': 'Office 2003', '2007': 'Office 2007' };
const office = (app: string, versions: Array<[string, string?]>): Target[] =>
  versions.map(([version, kb]) => ({
    product: OFFICE_PRODUCT[version] ?? `Office ${version}`,
    kb,
    title: (articleKb) =>
      version === '2007'
        ? `Security Update for the 2007 Microsoft Office System (${app}) (KB${articleKb})`
        : `Security Update for ${app} ${version} (KB${articleKb})`,
    fileName: (articleKb) => `office${version}-KB${articleKb}-FullFile-ENU.exe`,
  }));

const dotNet = (): Target[] => [
  {
    product: '.NET Framework',
    title: (kb) => `Security Update for Microsoft .NET Framework, Version 2.0 (KB${kb})`,
    fileName: (kb) => `NDP20-KB${kb}-x86.exe`,
  },
  {
    product: '.NET Framework',
    kb: '929729',
    title: (kb) => `Security Update for Microsoft .NET Framework, Version 1.1 Service Pack 1 (KB${kb})`,
    fileName: (kb) => `NDP1.1sp1-KB${kb}-X86.exe`,
  },
];

const msxml = (versions: Array<[string, string]>): Target[] =>
  versions.map(([version, kb]) => ({
    product: XP,
    kb,
    title: (articleKb) => `Security Update for Microsoft XML Core Services ${version} (KB${articleKb})`,
    fileName: (articleKb) => `msxml${version.replace(/\D/g, '')}-KB${articleKb}-enu.exe`,
  }));

/** How each bulletin fans out into catalog updates, and which family of cumulative updates it belongs to. */
const FAN_OUT: Record<string, { targets: Target[]; family?: string }> = {
  'MS07-002': { targets: office('Excel', [['2002'], ['2003']]), family: 'excel' },
  'MS07-003': { targets: office('Outlook', [['2002'], ['2003']]) },
  'MS07-006': { targets: windows([XP, XP64, S2003, S2003X64]) },
  'MS07-008': { targets: windows([W2K, XP, XP64, S2003, S2003X64]) },
  'MS07-014': { targets: office('Word', [['2002'], ['2003']]), family: 'word' },
  'MS07-016': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS07-017': { targets: windows([W2K, XP, XP64, S2003, S2003X64, VISTA]), family: 'gdi' },
  'MS07-022': { targets: windows([W2K, XP, S2003]) },
  'MS07-023': { targets: office('Excel', [['2002'], ['2003'], ['2007']]), family: 'excel' },
  'MS07-027': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS07-031': { targets: windows([W2K, XP, S2003, VISTA]) },
  'MS07-036': { targets: office('Excel', [['2002'], ['2003'], ['2007']]), family: 'excel' },
  'MS07-040': { targets: dotNet() },
  'MS07-042': { targets: windows([W2K, XP, S2003, VISTA]) },
  'MS07-045': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS07-050': { targets: windows([W2K, XP, S2003]) },
  'MS07-056': { targets: windows([XP, S2003, VISTA]) },
  'MS07-057': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS07-061': { targets: windows([XP, XP64, S2003, S2003X64]) },
  'MS07-064': { targets: windows([W2K, XP, S2003, VISTA]) },
  'MS07-069': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS08-001': { targets: windows([W2K, XP, XP64, S2003, S2003X64, VISTA]) },
  'MS08-002': { targets: windows([W2K, XP, S2003]) },
  'MS08-007': { targets: windows([XP, S2003, VISTA]) },
  'MS08-008': { targets: windows([W2K, XP, S2003, VISTA]).map((target) => ({ ...target, kb: '943055' })) },
  'MS08-010': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS08-014': { targets: office('Excel', [['2002'], ['2003', '943985'], ['2007']]), family: 'excel' },
  'MS08-021': { targets: windows([W2K, XP, XP64, S2003, S2003X64, VISTA]), family: 'gdi' },
  'MS08-024': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS08-025': { targets: windows([W2K, XP, S2003, VISTA]) },
  'MS08-026': { targets: office('Word', [['2002'], ['2003', '950241']]), family: 'word' },
  'MS08-028': { targets: windows([W2K, XP, S2003]) },
  'MS08-031': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS08-033': { targets: windows([W2K, XP, S2003, VISTA]) },
  'MS08-037': { targets: windows([W2K, XP, S2003]) },
  'MS08-043': {
    targets: office('Excel', [['2002', '951551'], ['2003', '951548'], ['2007']]),
    family: 'excel',
  },
  'MS08-052': { targets: windows([XP, S2003, VISTA]) },
  'MS08-067': {
    targets: windows([W2K, XP, XP64, S2003, S2003X64, VISTA], { [VISTA]: 'Important' }),
  },
  'MS08-068': { targets: windows([W2K, XP, S2003, VISTA]) },
  'MS08-069': {
    targets: msxml([
      ['3.0', '955069'],
      ['4.0 Service Pack 2', '954430'],
      ['6.0 Service Pack 1', '954459'],
    ]),
  },
  'MS08-071': { targets: windows([W2K, XP, S2003, VISTA]), family: 'gdi' },
  'MS08-073': { targets: internetExplorer('Cumulative Security Update'), family: 'ie' },
  'MS08-078': { targets: internetExplorer('Security Update') },
};

const STANDARD_DESCRIPTION =
  'A security issue has been identified that could allow an attacker to compromise a system running {product} and ' +
  'gain control over it. You can help protect your computer by installing this update from Microsoft. After you ' +
  'install this item, you may have to restart your computer.';

function entriesForBulletin(bulletin: Bulletin): CatalogEntry[] {
  const fanOut = FAN_OUT[bulletin.id];
  if (!fanOut) throw new Error(`No catalog fan-out for bulletin ${bulletin.id}`);
  return fanOut.targets.map((target) => {
    const kb = target.kb ?? bulletin.kb;
    const title = target.title(kb);
    const fileName = (target.fileName ?? FILE_PREFIX[target.product] ?? ((k: string) => `KB${k}.exe`))(kb);
    return {
      key: `${bulletin.id}/${slugify(title.replace(/\(KB\d+\)/, ''))}`,
      title,
      description: `${bulletin.title}. ${STANDARD_DESCRIPTION.replace('{product}', target.product)}`,
      bulletinId: bulletin.id,
      articleId: kb,
      product: target.product,
      classification: 'Security Updates',
      severity: target.severity ?? bulletin.maxSeverity,
      dateReleased: bulletin.released,
      infoUrl: `http://www.microsoft.com/technet/security/bulletin/${bulletin.id.toLowerCase()}.mspx`,
      fileName,
      family: fanOut.family ?? null,
      inItmuCatalog: true,
    };
  });
}

/**
 * Updates of the Microsoft Update catalog that are not in the ITMU catalog (so never deployable to SMS 2003 clients);
 * they reach the site only through the software update point.
 */
const NON_ITMU_ENTRIES: CatalogEntry[] = [
  {
    key: 'KB890830/2008-12',
    title: 'Windows Malicious Software Removal Tool - December 2008 (KB890830)',
    description:
      'After the download, this tool runs one time to check your computer for infection by specific, prevalent ' +
      'malicious software and helps remove any infection that is found.',
    bulletinId: '',
    articleId: '890830',
    product: XP,
    classification: 'Update Rollups',
    severity: 'None',
    dateReleased: '2008-12-09',
    infoUrl: 'http://support.microsoft.com/kb/890830',
    fileName: 'Windows-KB890830-V2.5.exe',
    family: null,
    inItmuCatalog: false,
  },
  {
    key: 'KB955020/windows-vista',
    title: 'Update for Windows Vista (KB955020)',
    description:
      'Install this update to resolve issues in Windows. After you install this item, you may have to restart your ' +
      'computer.',
    bulletinId: '',
    articleId: '955020',
    product: VISTA,
    classification: 'Updates',
    severity: 'None',
    dateReleased: '2008-11-11',
    infoUrl: 'http://support.microsoft.com/kb/955020',
    fileName: 'Windows6.0-KB955020-x86.msu',
    family: null,
    inItmuCatalog: false,
  },
];

/** The Microsoft Update catalog as of the scenario's clock (December 2008): every bulletin fanned out, plus the rest. */
export const MICROSOFT_UPDATE_CATALOG: readonly CatalogEntry[] = [
  ...BULLETINS.flatMap(entriesForBulletin),
  ...NON_ITMU_ENTRIES,
];

/**
 * For each entry, the key of the newer entry of the same family and product that supersedes it within `entries`.
 * Entries must be in release order.
 */
export function supersedenceWithin(entries: readonly CatalogEntry[]): Map<string, string> {
  const newestByFamilyProduct = new Map<string, CatalogEntry>();
  const supersededBy = new Map<string, string>();
  const ordered = [...entries].sort((a, b) => a.dateReleased.localeCompare(b.dateReleased));
  for (const entry of ordered) {
    if (!entry.family) continue;
    const slot = `${entry.family}|${entry.product}|${entry.title.replace(/\(KB\d+\)/, '')}`;
    const previous = newestByFamilyProduct.get(slot);
    if (previous) supersededBy.set(previous.key, entry.key);
    newestByFamilyProduct.set(slot, entry);
  }
  return supersededBy;
}
