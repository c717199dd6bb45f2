import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, SEVERITIES, type SoftwareUpdate } from '../model/software-update';
import { CONTOSO, DEFAULT_STAGE } from '../scenario/contoso-names';
import { buildContosoStage, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import {
  ANY_CRITERIA,
  DATE_RELEASED_PERIODS,
  describeCriteria,
  matchesSearchFolder,
  releasedSince,
  searchFolderCriteriaSchema,
  softwareUpdateFacets,
  type DateReleasedPeriod,
  type SearchFolderCriteria,
  type SearchFolderCriteriaInput,
} from './search-folder-criteria';

/** The Contoso site clock the morning of the upgrade: 12/18/2008 9:00 AM. */
const CLOCK = CONTOSO.clockStart;

const criteria = (input: SearchFolderCriteriaInput = {}): SearchFolderCriteria =>
  searchFolderCriteriaSchema.parse(input);

const update = (fields: Partial<SoftwareUpdate> = {}): SoftwareUpdate => ({
  id: '16777217',
  uniqueId: '00000000-0000-0000-0000-000000000001',
  title: 'Security Update for Windows XP (KB958644) (LEGACY)',
  description: '',
  bulletinId: 'MS08-067',
  articleId: '958644',
  infoUrl: '',
  applicability: '',
  sourcePath: '',
  vendor: 'Microsoft',
  product: 'Windows XP',
  classification: 'Security Updates',
  severity: 'Critical',
  language: 'English',
  dateReleased: '2008-10-23',
  dateRevised: '2008-10-23',
  sizeKb: 1000,
  maxRunTimeMinutes: 10,
  sourceCatalog: 'Microsoft Update',
  existedBeforeUpgrade: true,
  legacy: true,
  expired: true,
  superseded: false,
  supersededBy: null,
  hidden: false,
  deployableToSms2003: true,
  deployed: false,
  downloaded: false,
  compliance: { total: 10, required: 1, installed: 8, notRequired: 1, unknown: 0 },
  ...fields,
});

describe('Date Released is relative to the site clock (12/18/2008)', () => {
  // Search folders are dynamic ("Date Released (relative: last 1 day / 1 month / 1 year...)"): the same folder finds
  // other updates as the site clock moves on.
  it.each<[DateReleasedPeriod, string, string, boolean]>([
    ['any', CLOCK, '1999-01-01', true],
    ['any', CLOCK, '2009-06-01', true],
    ['last-day', CLOCK, '2008-12-18', true],
    ['last-day', CLOCK, '2008-12-17', true],
    ['last-day', CLOCK, '2008-12-16', false],
    ['last-week', CLOCK, '2008-12-11', true],
    ['last-week', CLOCK, '2008-12-10', false],
    ['last-month', CLOCK, '2008-11-18', true],
    ['last-month', CLOCK, '2008-11-17', false],
    ['last-3-months', CLOCK, '2008-09-18', true],
    ['last-3-months', CLOCK, '2008-09-17', false],
    ['last-6-months', CLOCK, '2008-06-18', true],
    ['last-6-months', CLOCK, '2008-06-17', false],
    ['last-year', CLOCK, '2007-12-18', true],
    ['last-year', CLOCK, '2007-12-17', false],
    ['last-year', CLOCK, '2008-10-23', true],
    // Not yet released on the site clock: in no "last ..." period.
    ['last-year', CLOCK, '2008-12-19', false],
    // The clock moves on: a year later, the same folder no longer finds MS08-067.
    ['last-year', '2009-12-18T09:00:00Z', '2008-10-23', false],
    // A month back from March 31 is the last day of February (2008 is a leap year, 2009 is not).
    ['last-month', '2008-03-31T09:00:00Z', '2008-02-29', true],
    ['last-month', '2008-03-31T09:00:00Z', '2008-02-28', false],
    ['last-month', '2009-03-31T09:00:00Z', '2009-02-28', true],
    ['last-3-months', '2008-05-31T09:00:00Z', '2008-02-29', true],
    // Across the turn of the year.
    ['last-week', '2009-01-03T09:00:00Z', '2008-12-27', true],
    ['last-week', '2009-01-03T09:00:00Z', '2008-12-26', false],
  ])('%s at %s: released %s is %s', (period, clock, released, expected) => {
    expect(matchesSearchFolder(update({ dateReleased: released }), criteria({ dateReleased: period }), clock)).toBe(
      expected,
    );
  });

  it.each<[DateReleasedPeriod, string | null]>([
    ['any', null],
    ['last-day', '2008-12-17'],
    ['last-week', '2008-12-11'],
    ['last-month', '2008-11-18'],
    ['last-3-months', '2008-09-18'],
    ['last-6-months', '2008-06-18'],
    ['last-year', '2007-12-18'],
  ])('%s reaches back to %s', (period, since) => {
    expect(releasedSince(period, CLOCK)).toBe(since);
  });

  it('never reaches forward: every period starts on or before the clock, longer periods earlier', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (date) => {
          const clock = date.toISOString();
          const starts = DATE_RELEASED_PERIODS.filter((period) => period !== 'any').map(
            (period) => releasedSince(period, clock) as string,
          );
          expect(starts.every((start) => start <= clock.slice(0, 10))).toBe(true);
          expect([...starts].sort().reverse()).toEqual(starts);
        },
      ),
    );
  });
});

describe('the other criteria narrow the folder; an empty one does not', () => {
  const xp = update();
  it.each<[string, SearchFolderCriteriaInput, Partial<SoftwareUpdate>, boolean]>([
    ['no criteria', {}, {}, true],
    ['Product is Windows XP', { products: ['Windows XP'] }, {}, true],
    ['Product is Windows Vista or Windows XP', { products: ['Windows Vista', 'Windows XP'] }, {}, true],
    ['Product is Windows Vista', { products: ['Windows Vista'] }, {}, false],
    ['Severity is Critical', { severities: ['Critical'] }, {}, true],
    ['Severity is Important', { severities: ['Important'] }, {}, false],
    ['Severity is Important or Critical', { severities: ['Important', 'Critical'] }, {}, true],
    ['Classification is Security Updates', { classifications: ['Security Updates'] }, {}, true],
    ['Classification is Critical Updates', { classifications: ['Critical Updates'] }, {}, false],
    ['Vendor is Microsoft', { vendors: ['Microsoft'] }, {}, true],
    ['Vendor is Adobe Systems', { vendors: ['Adobe Systems'] }, {}, false],
    ['Article ID contains 958644', { articleId: '958644' }, {}, true],
    ['Article ID contains 9586 (a part)', { articleId: '9586' }, {}, true],
    ['Article ID contains KB958644 (the KB prefix people type)', { articleId: 'KB958644' }, {}, true],
    ['Article ID contains kb958644 (case-blind)', { articleId: 'kb958644' }, {}, true],
    ['Article ID contains 954474', { articleId: '954474' }, {}, false],
    ['Article ID contains apsb08 in APSB08-13', { articleId: 'apsb08' }, { articleId: 'APSB08-13' }, true],
    ['Bulletin ID contains MS08-067', { bulletinId: 'MS08-067' }, {}, true],
    ['Bulletin ID contains ms08 (case-blind)', { bulletinId: 'ms08' }, {}, true],
    ['Bulletin ID contains MS07', { bulletinId: 'MS07' }, {}, false],
    ['Bulletin ID contains MS08 of an update with none', { bulletinId: 'MS08' }, { bulletinId: '' }, false],
    ['Expired is Yes', { expired: 'yes' }, {}, true],
    ['Expired is No', { expired: 'no' }, {}, false],
    ['Expired is No, not expired', { expired: 'no' }, { expired: false }, true],
    ['Superseded is Yes', { superseded: 'yes' }, {}, false],
    ['Superseded is No', { superseded: 'no' }, {}, true],
    ['LEGACY is Yes', { legacy: 'yes' }, {}, true],
    ['LEGACY is No', { legacy: 'no' }, {}, false],
    ['LEGACY is No, a synchronized update', { legacy: 'no' }, { legacy: false, expired: false }, true],
    ['Deployable to SMS 2003 is Yes', { deployableToSms2003: 'yes' }, {}, true],
    ['Deployable to SMS 2003 is No', { deployableToSms2003: 'no' }, {}, false],
    [
      'Critical security updates released in the last year',
      { dateReleased: 'last-year', severities: ['Critical'], classifications: ['Security Updates'] },
      {},
      true,
    ],
    [
      'Critical security updates released in the last year, an Important one',
      { dateReleased: 'last-year', severities: ['Critical'], classifications: ['Security Updates'] },
      { severity: 'Important' },
      false,
    ],
  ])('%s', (_label, input, fields, expected) => {
    expect(matchesSearchFolder({ ...xp, ...fields }, criteria(input), CLOCK)).toBe(expected);
  });

  it('criteria that name nothing match every update of the Contoso site', () => {
    const site = buildContosoStage(DEFAULT_STAGE, DEFAULT_SEED, DEFAULT_SCALE);
    expect(site.softwareUpdates.every((u) => matchesSearchFolder(u, ANY_CRITERIA, site.clock))).toBe(true);
  });

  it('Critical security updates of the last twelve months on the Contoso site: exactly those, and some', () => {
    const site = buildContosoStage(DEFAULT_STAGE, DEFAULT_SEED, DEFAULT_SCALE);
    const folder = criteria({
      dateReleased: 'last-year',
      severities: ['Critical'],
      classifications: ['Security Updates'],
    });
    const found = site.softwareUpdates.filter((u) => matchesSearchFolder(u, folder, site.clock));
    const expected = site.softwareUpdates.filter(
      (u) => u.severity === 'Critical' && u.classification === 'Security Updates' && u.dateReleased >= '2007-12-18',
    );
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(expected);
  });

  it('each criterion only narrows: adding one never finds an update the folder without it missed', () => {
    const site = buildContosoStage(DEFAULT_STAGE, DEFAULT_SEED, DEFAULT_SCALE);
    const criterion = fc.oneof(
      fc.record({ dateReleased: fc.constantFrom(...DATE_RELEASED_PERIODS) }),
      fc.record({ severities: fc.subarray([...SEVERITIES]) }),
      fc.record({ classifications: fc.subarray([...CLASSIFICATIONS]) }),
      fc.record({ products: fc.subarray(softwareUpdateFacets(site.softwareUpdates).products) }),
      fc.record({ bulletinId: fc.constantFrom('', 'MS08', 'ms07-0', '067') }),
      fc.record({ expired: fc.constantFrom('any' as const, 'yes' as const, 'no' as const) }),
    );
    fc.assert(
      fc.property(criterion, criterion, (first, second) => {
        const broad = criteria(first);
        const narrow = criteria({ ...second, ...first });
        for (const u of site.softwareUpdates) {
          if (matchesSearchFolder(u, narrow, site.clock)) expect(matchesSearchFolder(u, broad, site.clock)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the criteria schema', () => {
  it('fills in what is left out: every criterion "any"', () => {
    expect(criteria({})).toEqual({
      dateReleased: 'any',
      products: [],
      severities: [],
      classifications: [],
      vendors: [],
      articleId: '',
      bulletinId: '',
      expired: 'any',
      superseded: 'any',
      legacy: 'any',
      deployableToSms2003: 'any',
    });
  });

  it('keeps lists without repeats, in the product order or alphabetically, and trims text', () => {
    expect(
      criteria({
        severities: ['Critical', 'Low', 'Critical'],
        classifications: ['Updates', 'Critical Updates'],
        products: ['Windows XP', ' Office 2003 ', 'Windows XP'],
        articleId: ' KB958644 ',
      }),
    ).toMatchObject({
      severities: ['Low', 'Critical'],
      classifications: ['Critical Updates', 'Updates'],
      products: ['Office 2003', 'Windows XP'],
      articleId: 'KB958644',
    });
  });

  it.each<[string, unknown, string, string]>([
    ['an unknown period', { dateReleased: 'last-decade' }, 'dateReleased', 'dateReleased must be one of'],
    ['an unknown severity', { severities: ['Urgent'] }, 'severities.0', 'each severity must be one of'],
    ['an unknown classification', { classifications: ['Drivers'] }, 'classifications.0', 'each classification'],
    ['a product that is not text', { products: [7] }, 'products.0', 'each product must be text'],
    ['an empty product', { products: [' '] }, 'products.0', 'a product cannot be empty'],
    ['a list that is not a list', { vendors: 'Microsoft' }, 'vendors', 'vendors must be a list of vendors'],
    ['an article ID with a space inside', { articleId: 'KB 958644' }, 'articleId', 'only letters, digits'],
    ['a bulletin ID too long', { bulletinId: 'MS'.repeat(20) }, 'bulletinId', 'at most 32 characters'],
    ['a yes/no choice that is neither', { expired: 'maybe' }, 'expired', 'expired must be "any", "yes" or "no"'],
    ['a criterion the dialog does not have', { language: 'English' }, '', 'language'],
  ])('refuses %s, naming the field', (_label, input, path, says) => {
    const result = searchFolderCriteriaSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path.join('.')).toBe(path);
    expect(`${issue?.message ?? ''} ${JSON.stringify(issue)}`).toContain(says);
  });
});

describe('describeCriteria: the Criteria column in plain words', () => {
  it.each<[SearchFolderCriteriaInput, string]>([
    [{}, 'Every software update'],
    [
      { dateReleased: 'last-year', severities: ['Critical'], classifications: ['Security Updates'] },
      'Date Released in the last year (12 months); Severity is Critical; Update Classification is Security Updates',
    ],
    [{ dateReleased: 'last-day' }, 'Date Released in the last day'],
    [
      { products: ['Windows XP', 'Windows Vista', 'Office 2003'] },
      'Product is Office 2003, Windows Vista or Windows XP',
    ],
    [{ severities: ['Important', 'Critical'] }, 'Severity is Important or Critical'],
    [{ vendors: ['Microsoft'] }, 'Vendor is Microsoft'],
    [
      { articleId: 'KB958644', bulletinId: 'MS08-067' },
      'Article ID contains "KB958644"; Bulletin ID contains "MS08-067"',
    ],
    [
      { expired: 'no', superseded: 'yes', legacy: 'no', deployableToSms2003: 'yes' },
      'Expired is No; Superseded is Yes; LEGACY is No; Deployable to SMS 2003 is Yes',
    ],
  ])('%j reads "%s"', (input, text) => {
    expect(describeCriteria(criteria(input))).toBe(text);
  });
});

describe('softwareUpdateFacets: what the criteria dialog offers', () => {
  it('lists each value once, in the product order or alphabetically', () => {
    const facets = softwareUpdateFacets([
      update({ product: 'Windows XP', severity: 'Critical' }),
      update({ product: 'Office 2003', severity: 'Important', classification: 'Critical Updates' }),
      update({ product: 'Adobe Reader 8', vendor: 'Adobe Systems', severity: 'Critical' }),
    ]);
    expect(facets).toEqual({
      products: ['Adobe Reader 8', 'Office 2003', 'Windows XP'],
      vendors: ['Adobe Systems', 'Microsoft'],
      classifications: ['Critical Updates', 'Security Updates'],
      severities: ['Important', 'Critical'],
    });
  });
});
