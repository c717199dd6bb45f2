/**
 * Custom updates authored and published with System Center Updates Publisher (custom-update-publishing.ts). The
 * planning topic: "Custom catalogs that have been published to the site server using the Custom Updates Publishing Tool
 * must be republished to WSUS using System Center Updates Publisher after the site server has been upgraded", and
 * "Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003 clients."
 */
import { describe, expect, it } from 'vitest';
import type { SoftwareUpdate } from '../model/software-update';
import { advanceWorld, applyOperation, operationSchema, type SiteWorld } from '../operations/operations';
import { RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import { addMinutes } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';
import { whyNot } from './after-upgrade-actions';
import {
  customUpdateFieldProblems,
  customUpdateInformationSchema,
  MAX_CUSTOM_UPDATE_DESCRIPTION,
  MAX_CUSTOM_UPDATE_TITLE,
  type CustomUpdateInformation,
} from './custom-update-publishing';

const { smsadmin, patchadmin } = CONTOSO.administrators;
const scale = DEFAULT_SCALE;
const HOSTILE_TITLE = '<script>window.__hacked=1</script><img src=x onerror="window.__hacked=1"> Contoso Fix';

const justUpgraded = buildWorld('just-upgraded', DEFAULT_SEED, scale);
const synchronized = buildWorld('synchronized', DEFAULT_SEED, scale);

const information = (overrides: Partial<CustomUpdateInformation> = {}): CustomUpdateInformation => ({
  title: HOSTILE_TITLE,
  description: 'Fixes the <b>export</b> of timesheets.\nBuilt by Contoso IT.',
  classification: 'Critical Updates',
  vendor: 'Contoso',
  product: 'Contoso Timesheets',
  bulletinId: 'CTS-2008-020',
  articleId: 'CTS-2008-020',
  severity: 'Important',
  infoUrl: 'http://intranet.contoso.com/it/updates/CTS-2008-020',
  ...overrides,
});

/** The operation as the log keeps it: parsed with the log's own schema (which trims the text fields). */
const publish = (overrides: Partial<CustomUpdateInformation> = {}, at?: string) =>
  operationSchema.parse({ ...information(overrides), type: 'publish-custom-update', by: smsadmin, at });

function site(world: SiteWorld): SiteState {
  if (!world.configMgr) throw new Error('The site has not been upgraded');
  return world.configMgr;
}
const apply = (world: SiteWorld, ...operations: Parameters<typeof applyOperation>[1][]) =>
  operations.reduce((current, operation) => applyOperation(current, operation, scale), world);
const synchronize = (at?: string) => operationSchema.parse({ type: 'synchronize-software-updates', by: smsadmin, at });
const untilSyncEnds = (world: SiteWorld) => {
  const job = site(world)
    .jobs.filter((candidate) => candidate.kind === 'software-update-point-sync')
    .at(-1);
  if (!job) throw new Error('No synchronization');
  return advanceWorld(world, job.endsAt);
};
const custom = (world: SiteWorld, title: string) =>
  site(world).softwareUpdates.filter((update) => update.title === title && !update.existedBeforeUpgrade);

function refused(world: SiteWorld, operation: ReturnType<typeof publish>, rule: string) {
  const before = JSON.stringify(world);
  let caught: unknown;
  try {
    apply(world, operation);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RuleViolation);
  expect((caught as RuleViolation).rule).toBe(rule);
  expect(JSON.stringify(world)).toBe(before);
  return (caught as RuleViolation).message;
}

describe('the Information page: what each field may hold', () => {
  it.each<[string, Partial<CustomUpdateInformation>, string, RegExp]>([
    ['an empty title', { title: '   ' }, 'title', /title cannot be empty/],
    ['a title too long', { title: 'x'.repeat(MAX_CUSTOM_UPDATE_TITLE + 1) }, 'title', /at most 200/],
    ['a tab in the title', { title: 'Contoso\tFix' }, 'title', /control characters/],
    ['a line break in the title', { title: 'Contoso\nFix' }, 'title', /control characters/],
    ['an empty description', { description: '' }, 'description', /cannot be empty/],
    [
      'a description too long',
      { description: 'x'.repeat(MAX_CUSTOM_UPDATE_DESCRIPTION + 1) },
      'description',
      /at most 1500/,
    ],
    ['an escape in the description', { description: 'a\u001bb' }, 'description', /control characters/],
    ['a classification WSUS does not have', { classification: 'Drivers' as never }, 'classification', /one of/],
    ['a severity not in the list', { severity: 'Urgent' as never }, 'severity', /one of/],
    ['an empty vendor', { vendor: '' }, 'vendor', /cannot be empty/],
    ['a vendor of symbols only', { vendor: '<>' }, 'vendor', /letter or digit/],
    ['a product of symbols only', { product: '***' }, 'product', /letter or digit/],
    ['a bulletin ID too long', { bulletinId: 'x'.repeat(51) }, 'bulletinId', /at most 50/],
    ['a javascript: URL', { infoUrl: 'javascript:alert(1)' }, 'infoUrl', /http/],
    ['an ftp URL', { infoUrl: 'ftp://contoso.com/fix' }, 'infoUrl', /http/],
    ['a URL with a space', { infoUrl: 'http://contoso.com/a b' }, 'infoUrl', /http/],
    ['not a URL', { infoUrl: 'intranet' }, 'infoUrl', /http/],
  ])('refuses %s, naming the field', (_, overrides, field, message) => {
    const problems = customUpdateFieldProblems(information(overrides));
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field as keyof CustomUpdateInformation]).toMatch(message);
  });

  it('takes HTML in the title and description as text, an empty bulletin ID, article ID and URL, and https', () => {
    expect(customUpdateFieldProblems(information())).toEqual({});
    expect(customUpdateFieldProblems(information({ bulletinId: '', articleId: '', infoUrl: '' }))).toEqual({});
    expect(customUpdateFieldProblems(information({ infoUrl: 'https://contoso.com/fix?id=1' }))).toEqual({});
    expect(customUpdateInformationSchema.parse(information()).title).toBe(HOSTILE_TITLE);
  });

  it('trims what it keeps', () => {
    expect(customUpdateInformationSchema.parse(information({ title: '  Contoso Fix  ' })).title).toBe('Contoso Fix');
  });
});

describe('publishing needs the software update point: Updates Publisher publishes to its WSUS server', () => {
  it('is refused before the software update point exists (Just upgraded), and the site is left as it was', () => {
    expect(refused(justUpgraded, publish(), 'no-software-update-point')).toMatch(/create the software update point/);
  });

  it('greys the action out with the same words, and needs Modify on site CEN', () => {
    const operation = { ...information(), type: 'publish-custom-update' as const, by: smsadmin };
    const state = site(justUpgraded);
    const rights = new RightsIndex(state.grants);
    expect(whyNot(state, rights, smsadmin, operation, state.clock)).toMatch(/create the software update point/);
    const ready = site(synchronized);
    const readyRights = new RightsIndex(ready.grants);
    expect(whyNot(ready, readyRights, smsadmin, operation, ready.clock)).toBeNull();
    expect(whyNot(ready, readyRights, patchadmin, { ...operation, by: patchadmin }, ready.clock)).toBe(
      `${patchadmin} has no Modify right on site CEN`,
    );
  });
});

describe('a published custom update reaches the site database at the next synchronization', () => {
  const published = apply(synchronized, publish());
  const publishedAt = site(synchronized).clock;

  it('is kept in the site facts with who published it and when, and reported in the status messages', () => {
    expect(site(published).facts.publishedCustomUpdates).toEqual([
      expect.objectContaining({
        id: 'SCUP000001',
        title: HOSTILE_TITLE,
        vendor: 'Contoso',
        product: 'Contoso Timesheets',
        publishedAt,
        publishedBy: smsadmin,
      }),
    ]);
    expect(site(published).statusMessages.at(-1)?.description).toContain(
      `published the custom update ${HOSTILE_TITLE}`,
    );
    // Not in the site database until the software update point synchronizes.
    expect(custom(published, HOSTILE_TITLE)).toEqual([]);
  });

  it('arrives active (not LEGACY, not expired), Deployable to SMS 2003, as a Custom Updates update', () => {
    const after = untilSyncEnds(apply(published, synchronize()));
    const [update] = custom(after, HOSTILE_TITLE) as [SoftwareUpdate];
    expect(custom(after, HOSTILE_TITLE)).toHaveLength(1);
    expect(update).toMatchObject({
      title: HOSTILE_TITLE,
      description: information().description,
      sourceCatalog: 'Custom Updates',
      vendor: 'Contoso',
      product: 'Contoso Timesheets',
      classification: 'Critical Updates',
      severity: 'Important',
      bulletinId: 'CTS-2008-020',
      articleId: 'CTS-2008-020',
      infoUrl: 'http://intranet.contoso.com/it/updates/CTS-2008-020',
      existedBeforeUpgrade: false,
      legacy: false,
      expired: false,
      superseded: false,
      hidden: false,
      deployableToSms2003: true,
      dateReleased: publishedAt.slice(0, 10),
      uniqueId: site(published).facts.publishedCustomUpdates[0]?.uniqueId,
    });
    const { total, required, installed, notRequired, unknown } = update.compliance;
    expect(required + installed + notRequired + unknown).toBe(total);
    // Only Configuration Manager clients scan against the software update point; SMS 2003 clients are Unknown.
    expect(unknown).toBe(site(after).clients.filter((c) => c.clientType !== 'Configuration Manager 2007').length);
    expect(required + installed).toBeGreaterThan(0);

    // A second synchronization finds it already there.
    const again = untilSyncEnds(apply(after, synchronize()));
    expect(custom(again, HOSTILE_TITLE)).toHaveLength(1);
  });

  it('published while a synchronization runs, it waits for the next one', () => {
    const running = apply(synchronized, synchronize());
    const during = apply(running, publish({}, addMinutes(site(running).clock, 2)));
    const ended = untilSyncEnds(during);
    expect(custom(ended, HOSTILE_TITLE)).toEqual([]);
    const next = untilSyncEnds(apply(ended, synchronize()));
    expect(custom(next, HOSTILE_TITLE)).toHaveLength(1);
  });

  it('survives the log: replaying the JSON of the operations gives the same site', () => {
    const log = [publish(), synchronize()].map((operation) =>
      operationSchema.parse(JSON.parse(JSON.stringify(operation))),
    );
    expect(JSON.stringify(apply(synchronized, ...log))).toBe(JSON.stringify(apply(published, synchronize())));
  });
});

describe('the folders of Update Repository stay one per name', () => {
  const published = apply(synchronized, publish());

  it('refuses the same title, vendor and product twice (case-blind title)', () => {
    expect(
      refused(published, publish({ title: HOSTILE_TITLE.toUpperCase() }), 'custom-update-already-published'),
    ).toContain('SCUP000001');
  });

  it('refuses a vendor spelt differently from one the site knows under the same folder name', () => {
    expect(
      refused(published, publish({ vendor: 'CONTOSO', title: 'Another fix' }), 'custom-update-vendor-spelling'),
    ).toMatch(/spell the vendor exactly Contoso/);
    // Adobe Systems is a vendor of the migrated custom catalog.
    expect(refused(synchronized, publish({ vendor: 'adobe systems' }), 'custom-update-vendor-spelling')).toMatch(
      /Adobe Systems/,
    );
  });

  it('refuses a product spelt differently from one of the same vendor', () => {
    expect(
      refused(
        published,
        publish({ product: 'Contoso timesheets!', title: 'Another fix' }),
        'custom-update-product-spelling',
      ),
    ).toMatch(/spell the product exactly Contoso Timesheets/);
  });

  it('keeps at most 500 published custom updates', () => {
    const first = site(published).facts.publishedCustomUpdates[0];
    if (!first) throw new Error('Nothing was published');
    const full: SiteWorld = {
      ...published,
      configMgr: {
        ...site(published),
        facts: {
          ...site(published).facts,
          publishedCustomUpdates: Array.from({ length: 500 }, (_, n) => ({ ...first, title: `Fix ${n}` })),
        },
      },
    };
    expect(refused(full, publish({ title: 'One more' }), 'too-many-published-custom-updates')).toMatch(/500/);
  });

  it('takes another title for the same vendor and product', () => {
    const second = apply(published, publish({ title: 'Contoso Timesheets 2.1 Hotfix 1' }));
    expect(site(second).facts.publishedCustomUpdates.map((update) => update.id)).toEqual(['SCUP000001', 'SCUP000002']);
  });
});
