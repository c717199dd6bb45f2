import type { MigrationReportRow } from '../model/upgrade-records';
import { OBJECT_TYPE_NAMES, OBJECT_TYPES, RIGHTS, type ObjectType, type Right } from '../rights/rights';
import { citeRule, NEW_OBJECT_TYPES, ruleOf, type ExplainedRule, type RuleId } from './rules';

/**
 * "Why?": what stops an action, refuses a node, keeps a template out or became of a migrated object, in one or two
 * sentences that name the object, the rule and the section of the planning topic the rule comes from.
 */
export interface Explanation {
  /** The rule at work, or null when what stops the action is not a rule of the upgrade (nothing selected, ...). */
  rule: ExplainedRule | null;
  text: string;
}

/** Said when what stops an action is the action's own condition (a selection, a running job), not an upgrade rule. */
export const NO_UPGRADE_RULE = 'No rule of the upgrade is involved: this is what the action itself needs.';

/** "The rule: <rule> (Planning for Software Updates Site Upgrade, "<section>")." */
export function ruleSentence(id: RuleId): string {
  return `The rule: ${ruleOf(id).name} ${citeRule(id)}.`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function explained(id: RuleId, what: string): Explanation {
  return { rule: ruleOf(id), text: `${sentence(what)} ${ruleSentence(id)}` };
}

/** The object type a rights message names, by the product's plural ("Deployment Templates") or singular + id. */
function objectTypeNamed(object: string): ObjectType | null {
  for (const type of OBJECT_TYPES) {
    const names = OBJECT_TYPE_NAMES[type];
    if (object === names.plural || object.startsWith(`${names.singular} `)) return type;
  }
  return null;
}

const MISSING_RIGHT = new RegExp(`^(.+?) has no (${RIGHTS.join('|')}) right on (.+?)\\.?$`);

/** "CONTOSO\patchadmin has no Read right on Deployment Templates": the account, the right and the object type. */
export function parseMissingRight(
  reason: string,
): { account: string; right: Right; objectType: ObjectType; object: string } | null {
  const match = MISSING_RIGHT.exec(reason.trim());
  if (!match) return null;
  const [, account = '', right = '', object = ''] = match;
  const objectType = objectTypeNamed(object);
  return objectType ? { account, right: right as Right, objectType, object } : null;
}

/**
 * What the domain's refusals say, recognised by the words the rules use (each tested against the refusal the domain
 * gives for the scenario's objects), in the order that tells the rules apart.
 */
const REFUSAL_RULES: ReadonlyArray<{ rule: RuleId; when: RegExp }> = [
  { rule: 'template-sms2003-settings', when: /is offered only when every software update is Deployable to SMS 2003/ },
  {
    rule: 'other-scan-tool-updates',
    when: /catalogs from other inventory scan tools|only Microsoft Update and custom/,
  },
  { rule: 'expired-until-synchronized', when: /is expired: an expired update cannot be deployed/ },
  { rule: 'legacy-not-deployed', when: /\(LEGACY\) in the title should not be deployed/ },
  { rule: 'deployable-to-sms2003', when: /can be deployed to SMS 2003 clients|not Deployable to SMS 2003/ },
  { rule: 'kb954474-before-itmu-sync', when: /954474/ },
  { rule: 'itmu-sms2003-clients-only', when: /Only SMS 2003 clients should be in the target collection/ },
  {
    rule: 'remove-itmu-when-clients-upgraded',
    when: /Keep the Inventory Tool for Microsoft Updates|Inventory Tool for Microsoft Updates is not installed/,
  },
  { rule: 'software-update-point-first', when: /software update point/i },
  { rule: 'custom-catalog-republished', when: /custom catalog|Updates Publisher|catalog was already republished/ },
  {
    rule: 'site-upgraded-first',
    when: /needs Configuration Manager 2007: run Setup|still runs SMS 2003|Upgrade the hierarchy from the top/,
  },
  { rule: 'package-source-valid', when: /package source/i },
];

/**
 * Why an action is greyed out or a request was refused, from the reason the domain gave: the reason itself (which
 * names the object), then the rule and its section of the planning topic.
 */
export function explainRefusal(reason: string): Explanation {
  const missing = parseMissingRight(reason);
  if (missing) {
    const isNew = NEW_OBJECT_TYPES.includes(missing.objectType);
    return explained(
      isNew ? 'rights-new-object-types' : 'rights-migrated-objects',
      isNew
        ? `${sentence(reason)} ${OBJECT_TYPE_NAMES[missing.objectType].plural} are a new object type of Configuration Manager 2007: no right on them was migrated, so only the administrator who ran the upgrade, or one granted a right since, has it`
        : reason,
    );
  }
  const known = REFUSAL_RULES.find((candidate) => candidate.when.test(reason));
  if (known) return explained(known.rule, reason);
  return { rule: null, text: `${sentence(reason)} ${NO_UPGRADE_RULE}` };
}

/** Why the results pane refuses a node ("CONTOSO\patchadmin has no Read right on Deployment Templates"). */
export function explainRefusedNode(message: string): Explanation {
  return explainRefusal(message);
}

/** The rule that decided what became of an SMS 2003 object in the upgrade (a row of the Migration Report). */
export function migrationRuleOf(row: Pick<MigrationReportRow, 'objectKind' | 'name' | 'outcome'>): RuleId {
  switch (row.objectKind) {
    case 'Program':
    case 'Advertisement':
      return 'distribution-migrated-where-advertised';
    case 'Package':
      return row.outcome === 'Migrated, content invalidated'
        ? 'package-source-valid'
        : 'metadata-and-compliance-migrated';
    case 'Scan tool':
      return row.outcome === 'Upgraded' || row.name === 'Inventory Tool for Microsoft Updates'
        ? 'itmu-upgraded-by-setup'
        : 'scan-tool-information-not-migrated';
    case 'Security right':
      return 'rights-migrated-objects';
    case 'Software update':
    case 'Collection':
    case 'Client':
      return 'metadata-and-compliance-migrated';
  }
}

/** "Advertisement LON Critical Updates 2008-04: not migrated. The rule: ... (Planning ..., "...")." */
export function explainMigrationRow(
  row: Pick<MigrationReportRow, 'objectKind' | 'name' | 'outcome' | 'result'>,
): Explanation {
  const outcome = row.outcome.charAt(0).toLowerCase() + row.outcome.slice(1);
  const became = row.result && row.result !== 'None' ? ` (${row.result.replace(/^None: /, '')})` : '';
  return explained(migrationRuleOf(row), `${row.objectKind} ${row.name}: ${outcome}${became}`);
}
