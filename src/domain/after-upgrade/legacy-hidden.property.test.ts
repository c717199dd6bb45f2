/**
 * The LEGACY clean-up rule as a property. The planning topic: "You can run a script to hide these software updates in
 * the Configuration Manager console so only deployable software updates are displayed" and "Migrated software updates
 * that are in a software update deployment that was also migrated will not be hidden until the migrated deployment is
 * deleted or the updates are removed from the deployment."
 *
 * For any migrated SMS 2003 advertisements deleted, any of their updates removed, the script run or not at any point,
 * in any order: at the end an update is hidden exactly when the script has run, the update is LEGACY, and no remaining
 * migrated advertisement holds it. The expectation is computed here, independently of the domain's own rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceWorld, applyOperation, type Operation, type SiteWorld } from '../operations/operations';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { DEFAULT_SUP_SETTINGS } from './software-update-point';

const { smsadmin } = CONTOSO.administrators;
/** Each run replays at most a dozen operations on the default-scale site: well under a ms each. */
const NUM_RUNS = 100;

function site(world: SiteWorld): SiteState {
  if (!world.configMgr) throw new Error('The site has not been upgraded');
  return world.configMgr;
}

/** The Just upgraded site, built once: the domain is immutable, every run starts from it. */
const justUpgraded = buildWorld('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
/** The same site once the software update point has synchronized: non-LEGACY updates are there too. */
const synchronized = (() => {
  const started = [
    {
      type: 'configure-software-update-point',
      serverName: CONTOSO.sites.central.serverName,
      ...DEFAULT_SUP_SETTINGS,
      by: smsadmin,
    },
    { type: 'synchronize-software-updates', by: smsadmin },
  ].reduce((world, operation) => applyOperation(world, operation as Operation, DEFAULT_SCALE), justUpgraded);
  const job = site(started).jobs.find((candidate) => candidate.kind === 'software-update-point-sync');
  if (!job) throw new Error('No synchronization job');
  return advanceWorld(started, job.endsAt);
})();

const advertisements = site(justUpgraded).sms2003Advertisements;

/** One action of a run, before it is turned into an operation. */
type Step =
  | { kind: 'script' }
  | { kind: 'delete'; advertisementId: string }
  | { kind: 'remove'; advertisementId: string; updateIds: string[] };

interface Plan {
  base: 'just-upgraded' | 'synchronized';
  runScript: boolean;
  /** Per migrated advertisement: whether it is deleted, and per update which removal (0 or 1) takes it out, if any. */
  perAdvertisement: Array<{ deleted: boolean; removalOf: Array<0 | 1 | null> }>;
  /** Sort keys giving the order of the steps. */
  order: number[];
}

const MAX_STEPS = 1 + advertisements.length * 3;

const planArbitrary: fc.Arbitrary<Plan> = fc.record({
  base: fc.constantFrom('just-upgraded' as const, 'synchronized' as const),
  runScript: fc.boolean(),
  perAdvertisement: fc.tuple(
    ...advertisements.map((advertisement) =>
      fc.record({
        deleted: fc.boolean(),
        removalOf: fc.array(fc.constantFrom<0 | 1 | null>(0, 1, null), {
          minLength: advertisement.updateIds.length,
          maxLength: advertisement.updateIds.length,
        }),
      }),
    ),
  ),
  order: fc.array(fc.nat({ max: 1_000 }), { minLength: MAX_STEPS, maxLength: MAX_STEPS }),
});

/** The steps of a plan, in its order. A removal ordered after its advertisement's deletion is dropped. */
function stepsOf(plan: Plan): Step[] {
  const steps: Step[] = [];
  if (plan.runScript) steps.push({ kind: 'script' });
  advertisements.forEach((advertisement, index) => {
    const choice = plan.perAdvertisement[index];
    if (!choice) return;
    for (const group of [0, 1] as const) {
      const updateIds = advertisement.updateIds.filter((_id, i) => choice.removalOf[i] === group);
      if (updateIds.length > 0) steps.push({ kind: 'remove', advertisementId: advertisement.id, updateIds });
    }
    if (choice.deleted) steps.push({ kind: 'delete', advertisementId: advertisement.id });
  });
  const ordered = steps
    .map((step, index) => ({ step, key: plan.order[index] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ step }) => step);
  const deleted = new Set<string>();
  return ordered.filter((step) => {
    if (step.kind === 'delete') deleted.add(step.advertisementId);
    return !(step.kind === 'remove' && deleted.has(step.advertisementId));
  });
}

function operationOf(step: Step): Operation {
  switch (step.kind) {
    case 'script':
      return { type: 'run-legacy-cleanup-script', by: smsadmin };
    case 'delete':
      return { type: 'delete-sms2003-advertisement', advertisementId: step.advertisementId, by: smsadmin };
    case 'remove':
      return {
        type: 'remove-updates-from-sms2003-advertisement',
        advertisementId: step.advertisementId,
        updateIds: step.updateIds,
        by: smsadmin,
      };
  }
}

/** What the migrated advertisements hold after the steps, worked out without the domain. */
function expectedHoldings(steps: readonly Step[]): Map<string, Set<string>> {
  const holdings = new Map(advertisements.map((advertisement) => [advertisement.id, new Set(advertisement.updateIds)]));
  for (const step of steps) {
    if (step.kind === 'delete') holdings.delete(step.advertisementId);
    if (step.kind === 'remove') for (const id of step.updateIds) holdings.get(step.advertisementId)?.delete(id);
  }
  return holdings;
}

describe('the LEGACY clean-up script hides exactly the LEGACY updates no remaining migrated deployment holds', () => {
  it('holds for any deletions, removals and script run, in any order', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const steps = stepsOf(plan);
        const start = plan.base === 'synchronized' ? synchronized : justUpgraded;
        const end = site(steps.reduce((world, step) => applyOperation(world, operationOf(step), DEFAULT_SCALE), start));

        const holdings = expectedHoldings(steps);
        expect(
          Object.fromEntries(
            end.sms2003Advertisements.map((advertisement) => [advertisement.id, advertisement.updateIds]),
          ),
        ).toEqual(Object.fromEntries([...holdings].map(([id, held]) => [id, [...held]])));

        const held = new Set([...holdings.values()].flatMap((ids) => [...ids]));
        const scriptRan = steps.some((step) => step.kind === 'script');
        expect(end.softwareUpdates).toHaveLength(site(start).softwareUpdates.length);
        for (const update of end.softwareUpdates) {
          const expected = scriptRan && update.legacy && !held.has(update.id);
          if (update.hidden !== expected) {
            throw new Error(
              `${update.title} (${update.id}): hidden ${update.hidden}, expected ${expected} after ${JSON.stringify(steps)}`,
            );
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
