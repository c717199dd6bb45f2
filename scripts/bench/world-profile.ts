/**
 * A cold start's domain work at a scale, for `node --cpu-prof`: the backend's buildAuditedWorld, its view, the
 * RightsIndex and the search text of the big lists, `runs` times.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/run-ts.mjs scripts/bench/world-profile.ts [updates] [stage] [runs]
 */
import { buildAuditedWorld } from '../../src/domain/audit/audit-log';
import { currentView } from '../../src/domain/operations/operations';
import { prepareSearchText } from '../../src/domain/query/list-query';
import { RESOURCES } from '../../src/domain/query/resources';
import { RightsIndex } from '../../src/domain/rights/rights';
import { DEFAULT_SEED } from '../../src/domain/scenario/contoso-stage';
import type { StageId } from '../../src/domain/scenario/contoso-names';
import { scaleForSoftwareUpdates } from '../../src/domain/scenario/scale';

export async function main(args: string[]) {
  const scale = scaleForSoftwareUpdates(Number(args[0] ?? 50_000));
  const stage = (args[1] ?? 'just-upgraded') as StageId;
  for (let run = 0; run < Number(args[2] ?? 3); run++) {
    const { world } = buildAuditedWorld(stage, DEFAULT_SEED, scale);
    const state = currentView(world, scale);
    new RightsIndex(state.grants);
    for (const name of ['software-updates', 'clients'] as const) {
      prepareSearchText(RESOURCES[name], RESOURCES[name].items(state), 'all', 0, () => true);
    }
  }
}
