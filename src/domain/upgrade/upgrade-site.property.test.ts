/**
 * Properties of the upgrade over generated SMS 2003 sites: random seeds, small scales, and random changes to what the
 * rules read (where each distribution's program and advertisement were created, package source validity, where the
 * Inventory Tool for Microsoft Updates is installed, titles that already end with " (LEGACY)").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation, type SiteWorld } from '../operations/operations';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { generateContosoSms2003Site } from '../scenario/generate-sms2003-site';
import { scaleForSoftwareUpdates, type Scale } from '../scenario/scale';
import type { MigrationReportRow, SiteState } from '../site-state';
import type { Sms2003Site } from '../sms2003/sms2003-site';
import { LEGACY_SUFFIX } from './legacy-title';
import { SETUP_DURATION_MINUTES } from './setup-log';
import { isDistributionMigrated, upgradeSite, type SetupChoices } from './upgrade-site';

const SITE = CONTOSO.sites.central.code;
const { smsadmin, patchadmin } = CONTOSO.administrators;
/** Each run builds and upgrades a site of at least 1,500 clients (a few ms each): enough runs, still fast. */
const NUM_RUNS = 30;

interface Mutation {
  distributions: Array<{ index: number; programAt: string; advertisementAt: string; flipSource: boolean }>;
  itmu: { CEN: boolean; LON: boolean };
  legacyTitles: number[];
}

interface Generated {
  sms2003: Sms2003Site;
  scale: Scale;
  choices: SetupChoices;
}

const siteArbitrary: fc.Arbitrary<Generated> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    softwareUpdates: fc.integer({ min: 0, max: 400 }),
    mutation: fc.record<Mutation>({
      distributions: fc.array(
        fc.record({
          index: fc.nat(),
          programAt: fc.constantFrom('CEN', 'LON'),
          advertisementAt: fc.constantFrom('CEN', 'LON'),
          flipSource: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
      itmu: fc.record({ CEN: fc.boolean(), LON: fc.boolean() }),
      legacyTitles: fc.array(fc.nat(), { maxLength: 6 }),
    }),
    runBy: fc.constantFrom(smsadmin, patchadmin),
    local: fc.boolean(),
  })
  .map(({ seed, softwareUpdates, mutation, runBy, local }) => {
    const scale = scaleForSoftwareUpdates(softwareUpdates);
    const sms2003 = mutate(generateContosoSms2003Site(seed, scale), mutation);
    const choices: SetupChoices = {
      runBy,
      catalogSource: local ? 'local' : 'internet',
      localCatalogPath: local ? '\\\\CEN-SMS01\\Catalog\\wsusscn2.cab' : undefined,
      startedAt: sms2003.clock,
      siteCode: SITE,
    };
    return { sms2003, scale, choices };
  });

function mutate(site: Sms2003Site, mutation: Mutation): Sms2003Site {
  for (const change of mutation.distributions) {
    const distribution = site.distributions[change.index % site.distributions.length];
    if (!distribution) continue;
    distribution.programCreatedAt = change.programAt;
    distribution.advertisementCreatedAt = change.advertisementAt;
    if (change.flipSource) distribution.sourceValid = !distribution.sourceValid;
  }
  for (const s of site.sites) s.itmuInstalled = s.code === 'CEN' ? mutation.itmu.CEN : mutation.itmu.LON;
  for (const index of mutation.legacyTitles) {
    const update = site.updates[index % site.updates.length];
    if (update && !update.title.endsWith(LEGACY_SUFFIX)) update.title = `${update.title}${LEGACY_SUFFIX}`;
  }
  return site;
}

function reportIndex(state: SiteState) {
  const byKindAndId = new Map<string, MigrationReportRow[]>();
  for (const row of state.migrationReport) {
    const key = `${row.objectKind}\u0000${row.sms2003Id}`;
    byKindAndId.set(key, [...(byKindAndId.get(key) ?? []), row]);
  }
  return (kind: MigrationReportRow['objectKind'], sms2003Id: string) =>
    byKindAndId.get(`${kind}\u0000${sms2003Id}`) ?? [];
}

describe('the upgrade of generated SMS 2003 sites', () => {
  it('loses no object: every SMS 2003 object is in the migration report, and what is not migrated says why', () => {
    fc.assert(
      fc.property(siteArbitrary, ({ sms2003, scale, choices }) => {
        const state = upgradeSite(sms2003, choices, scale);
        const rows = reportIndex(state);
        // Problems are collected, not asserted one by one: a site has thousands of objects.
        const problems: string[] = [];
        const once = (kind: MigrationReportRow['objectKind'], id: string, outcome?: string) => {
          const found = rows(kind, id);
          if (found.length !== 1) problems.push(`${kind} ${id}: ${found.length} rows`);
          else if (outcome !== undefined && found[0]?.outcome !== outcome) {
            problems.push(`${kind} ${id}: ${found[0]?.outcome ?? ''}, not ${outcome}`);
          }
        };
        for (const update of sms2003.updates) once('Software update', update.key, 'Migrated');
        for (const distribution of sms2003.distributions) {
          const migrated = isDistributionMigrated(distribution, SITE);
          once(
            'Package',
            distribution.packageId,
            distribution.sourceValid ? 'Migrated' : 'Migrated, content invalidated',
          );
          const outcome = migrated ? 'Migrated' : 'Not migrated';
          once('Program', `${distribution.packageId}:${distribution.programName}`, outcome);
          once('Advertisement', distribution.advertisementId, outcome);
          expect(state.sms2003Advertisements.some((a) => a.id === distribution.advertisementId)).toBe(migrated);
          expect(state.packages.some((p) => p.id === distribution.packageId)).toBe(true);
        }
        for (const scanToolPackage of sms2003.scanToolPackages) once('Package', scanToolPackage.packageId, 'Migrated');
        for (const tool of sms2003.scanTools) once('Scan tool', `${tool.name} ${tool.version}`);
        for (const collection of sms2003.collections) once('Collection', collection.id, 'Migrated');
        for (const client of sms2003.clients) once('Client', client.id, 'Migrated');
        expect(problems).toEqual([]);
        expect(state.migrationReport.filter((row) => row.objectKind === 'Security right')).toHaveLength(
          sms2003.rights.length,
        );
        const expected =
          sms2003.updates.length +
          3 * sms2003.distributions.length +
          sms2003.scanToolPackages.length +
          sms2003.scanTools.length +
          sms2003.collections.length +
          sms2003.clients.length +
          sms2003.rights.length;
        expect(state.migrationReport).toHaveLength(expected);
        expect(new Set(state.migrationReport.map((row) => row.id)).size).toBe(expected);
        const notMigrated = state.migrationReport.filter(
          (row) => row.outcome === 'Not migrated' || row.outcome === 'Information not migrated',
        );
        expect(notMigrated.filter((row) => row.reason.trim() === '')).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('expires every migrated update and titles it with " (LEGACY)" exactly once', () => {
    fc.assert(
      fc.property(siteArbitrary, ({ sms2003, scale, choices }) => {
        const state = upgradeSite(sms2003, choices, scale);
        expect(state.softwareUpdates).toHaveLength(sms2003.updates.length);
        const problems: string[] = [];
        sms2003.updates.forEach((before, index) => {
          const after = state.softwareUpdates[index];
          const title = after?.title ?? '';
          const original = before.title.endsWith(LEGACY_SUFFIX)
            ? before.title.slice(0, -LEGACY_SUFFIX.length)
            : before.title;
          if (!after?.expired || !after.legacy) problems.push(`${before.key}: not expired and LEGACY`);
          if (!title.endsWith(LEGACY_SUFFIX) || title.slice(0, -LEGACY_SUFFIX.length).endsWith(LEGACY_SUFFIX)) {
            problems.push(`${before.key}: "${title}" does not end with " (LEGACY)" exactly once`);
          }
          if (title !== `${original}${LEGACY_SUFFIX}`) problems.push(`${before.key}: "${title}" is not its title`);
          if (JSON.stringify(after?.compliance) !== JSON.stringify(before.compliance)) {
            problems.push(`${before.key}: compliance changed`);
          }
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('writes ConfigMgrSetup.log on the site clock: from Setup’s start to 150 minutes later, one line per distribution', () => {
    fc.assert(
      fc.property(siteArbitrary, ({ sms2003, scale, choices }) => {
        const state = upgradeSite(sms2003, choices, scale);
        const times = state.setupLog.map((line) => Date.parse(line.time));
        expect(times[0]).toBe(Date.parse(sms2003.clock));
        expect(times.at(-1)).toBe(Date.parse(sms2003.clock) + SETUP_DURATION_MINUTES * 60_000);
        expect(Date.parse(state.clock)).toBe(times.at(-1));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const decisions = state.setupLog.filter((line) => line.component === 'Software update distributions');
        expect(decisions.map((line) => line.message.split(':')[0])).toEqual(sms2003.distributions.map((d) => d.name));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses to upgrade an already upgraded site (rule site-already-upgraded), changing nothing', () => {
    fc.assert(
      fc.property(siteArbitrary, ({ sms2003, scale, choices }) => {
        const runSetup = {
          type: 'run-setup' as const,
          runBy: choices.runBy,
          catalogSource: choices.catalogSource,
          localCatalogPath: choices.localCatalogPath,
        };
        const world: SiteWorld = applyOperation({ sms2003, configMgr: null }, runSetup, scale);
        expect(world.configMgr?.phase).toBe('configmgr');
        const before = JSON.stringify(world);
        const refused = expect.objectContaining({ rule: 'site-already-upgraded' });
        expect(() => applyOperation(world, runSetup, scale)).toThrow(RuleViolation);
        expect(() => applyOperation(world, runSetup, scale)).toThrow(refused);
        expect(JSON.stringify(world)).toBe(before);
        // The pure function refuses too, given the sites as the upgrade left them.
        const upgradedSites = { ...sms2003, sites: world.configMgr?.sites ?? [] };
        expect(() => upgradeSite(upgradedSites, choices, scale)).toThrow(RuleViolation);
        expect(() => upgradeSite(upgradedSites, choices, scale)).toThrow(refused);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
