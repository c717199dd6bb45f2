/**
 * Fingerprints of the Contoso site as the backend builds it (buildAuditedWorld, then the console's view, its
 * RightsIndex and the "Look for" text of every object), per scale and stage. Performance work must leave every
 * fingerprint unchanged: run it before and after a change and compare.
 *
 *   node scripts/bench/run-ts.mjs scripts/bench/world-fingerprint.ts [scales...]   (default 1000 10000 50000)
 */
import { createHash, type Hash } from 'node:crypto';
import { buildAuditedWorld, mergeAuditLog } from '../../src/domain/audit/audit-log';
import { currentView } from '../../src/domain/operations/operations';
import { searchText } from '../../src/domain/query/list-query';
import { RESOURCE_NAMES, RESOURCES } from '../../src/domain/query/resources';
import { OBJECT_TYPES, RIGHTS, RightsIndex } from '../../src/domain/rights/rights';
import { BUILDABLE_STAGES, DEFAULT_SEED } from '../../src/domain/scenario/contoso-stage';
import { scaleForSoftwareUpdates } from '../../src/domain/scenario/scale';
import type { SiteState } from '../../src/domain/site-state';

/** Hashes a value as JSON, array by array element, so a 50,000-update site never becomes one giant string. */
function hashJson(hash: Hash, value: unknown): void {
  if (Array.isArray(value)) {
    hash.update('[');
    for (const element of value) {
      hashJson(hash, element);
      hash.update(',');
    }
    hash.update(']');
  } else if (value !== null && typeof value === 'object' && !(value instanceof Map) && !(value instanceof Set)) {
    // Key order is kept (not sorted): the API's responses are JSON in this order, so it must not change either.
    hash.update('{');
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined) continue;
      hash.update(JSON.stringify(key) + ':');
      hashJson(hash, field);
      hash.update(',');
    }
    hash.update('}');
  } else if (value instanceof Map || value instanceof Set) {
    throw new Error('a Map or Set in the state: it would not survive JSON');
  } else {
    hash.update(JSON.stringify(value) ?? 'undefined');
  }
}

function sha(fill: (hash: Hash) => void): string {
  const hash = createHash('sha256');
  fill(hash);
  return hash.digest('hex').slice(0, 16);
}

/** What the RightsIndex answers, for every account, object type, right and object the grants or the site name. */
function rightsAnswers(hash: Hash, state: SiteState, index: RightsIndex) {
  const accounts = [...new Set(state.grants.map((grant) => grant.account)), 'CONTOSO\\nobody'];
  for (const account of accounts) {
    for (const type of OBJECT_TYPES) {
      hash.update(
        `${account}|${type}|${index.hasAnyRightOnType(account, type)}|${index.hasAnyInstanceRead(account, type)}|`,
      );
      hash.update(RIGHTS.map((right) => index.hasClassRight(account, type, right)).join(','));
      const ids = new Set<string>(['no-such-object']);
      for (const grant of state.grants) if (grant.objectType === type) grant.instanceIds?.forEach((id) => ids.add(id));
      if (type === 'SoftwareUpdate') state.softwareUpdates.forEach((update) => ids.add(update.id));
      for (const id of ids) {
        hash.update(`${id}:${index.rightsOn(account, type, id).join(',')};`);
        hash.update(index.hasRight(account, type, id, 'Read') ? 'r' : '-');
      }
    }
  }
}

export async function main(args: string[]) {
  const scales = (args.length > 0 ? args : ['1000', '10000', '50000']).map(Number);
  console.log('scale  stage           world            view             audit            rights           search');
  for (const count of scales) {
    const scale = scaleForSoftwareUpdates(count);
    for (const stage of BUILDABLE_STAGES) {
      const { world, changes } = buildAuditedWorld(stage, DEFAULT_SEED, scale);
      const state = currentView(world, scale);
      const auditLog = mergeAuditLog(changes, []);
      const index = new RightsIndex(state.grants);
      const search = sha((hash) => {
        for (const name of RESOURCE_NAMES) {
          const resource = RESOURCES[name];
          hash.update(`#${name}\n`);
          for (const item of resource.items(state, { auditLog })) {
            hash.update(searchText(resource, item, 'all'));
            hash.update('\n');
          }
        }
      });
      console.log(
        [
          String(count).padEnd(6),
          stage.padEnd(15),
          sha((hash) => hashJson(hash, world)),
          sha((hash) => hashJson(hash, state)),
          sha((hash) => hashJson(hash, auditLog)),
          sha((hash) => rightsAnswers(hash, state, index)),
          search,
        ].join(' '),
      );
    }
  }
}
