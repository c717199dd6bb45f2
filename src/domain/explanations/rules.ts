import type { ObjectType } from '../rights/rights';
import { citeSection, type PlanningSection } from './planning-topic';

/**
 * The rules of the upgrade that the console enforces, each with the section of the planning topic it comes from. This
 * is the one place that maps a rule to its section: every "Why?" (a hidden or expired update, a template not offered,
 * a greyed action, a refused node, an object that was not migrated) cites the section through it.
 */
export const RULES = {
  'rights-new-object-types': {
    name: 'administrators other than the one who ran the upgrade have no rights on new object types such as deployment templates',
    section: 'Upgraded Software Updates Metadata',
  },
  'rights-migrated-objects': {
    name: 'security rights are migrated with the SMS 2003 objects: other administrators keep access only to the objects they had rights on',
    section: 'Upgraded Software Updates Metadata',
  },
  'expired-until-synchronized': {
    name: 'migrated software updates stay expired, and cannot be deployed, until synchronization puts them back into an active state',
    section: 'Synchronizing Software Updates After a Site Upgrade',
  },
  'itmu-catalog-resets-updates': {
    name: 'the Microsoft Updates Tool Sync advertisement resets the Microsoft Update catalog updates to active',
    section: 'Synchronizing the Microsoft Updates Catalog',
  },
  'other-scan-tool-updates': {
    name: 'updates of other inventory scan tools cannot be synchronized or deployed, and are eventually removed',
    section: 'Synchronizing the Software Update Point',
  },
  'software-update-point-first': {
    name: 'the software update point must be created, configured and synchronized after the upgrade',
    section: 'Synchronizing the Software Update Point',
  },
  'custom-catalog-republished': {
    name: 'custom updates stay expired until the custom catalog is republished with System Center Updates Publisher',
    section: 'Republishing the Custom Updates Catalog',
  },
  'legacy-not-deployed': {
    name: 'software updates with (LEGACY) in the title should not be deployed to clients',
    section: 'LEGACY Appended to Migrated Software Updates Metadata',
  },
  'legacy-hidden-by-script': {
    name: 'the LEGACY clean-up script hides LEGACY updates',
    section: 'LEGACY Appended to Migrated Software Updates Metadata',
  },
  'legacy-kept-by-migrated-deployment': {
    name: 'LEGACY updates in a migrated deployment stay visible until it is deleted or they are removed from it',
    section: 'LEGACY Appended to Migrated Software Updates Metadata',
  },
  'deployable-to-sms2003': {
    name: 'only Microsoft Update and published custom updates can be deployed to SMS 2003 clients',
    section: 'Deploying Software Updates to Client Computers',
  },
  'template-sms2003-settings': {
    name: 'a template with SMS 2003 settings is offered only when every software update is Deployable to SMS 2003',
    section: 'Using Deployment Templates That Specify SMS 2003 Settings',
  },
  'kb954474-before-itmu-sync': {
    name: 'the ITMU catalog synchronization fails until the update of Knowledge Base article 954474 is installed on the site server',
    section: 'Inventory Tool for Microsoft Updates',
  },
  'itmu-sms2003-clients-only': {
    name: 'only SMS 2003 clients should be in the target collection of the Microsoft Updates Tool advertisement',
    section: 'Inventory Tool for Microsoft Updates',
  },
  'remove-itmu-when-clients-upgraded': {
    name: 'the Inventory Tool for Microsoft Updates is removed once every client is upgraded to Configuration Manager 2007',
    section: 'Inventory Tool for Microsoft Updates',
  },
  'itmu-upgraded-by-setup': {
    name: 'Setup upgrades the Inventory Tool for Microsoft Updates installed at the site and on no site higher in the hierarchy',
    section: 'Inventory Tool for Microsoft Updates',
  },
  'scan-tool-information-not-migrated': {
    name: 'other inventory scan tools are not compatible with Configuration Manager 2007, and information about them is not migrated',
    section: 'Upgraded Software Updates Metadata',
  },
  'distribution-migrated-where-advertised': {
    name: 'a software update distribution is migrated only when its program and advertisement were created at the upgraded site',
    section: 'Upgraded Software Updates Metadata',
  },
  'package-source-valid': {
    name: 'every package needs a valid package source, or the package source validation check fails and the content is invalidated',
    section: 'Upgraded Software Updates Metadata',
  },
  'metadata-and-compliance-migrated': {
    name: 'software updates metadata, compliance, client status, collections and packages are migrated; updates are expired and titled (LEGACY)',
    section: 'Upgraded Software Updates Metadata',
  },
  'site-upgraded-first': {
    name: 'the site server highest in the hierarchy is upgraded to Configuration Manager 2007 first, before its clients and child sites',
    section: 'Upgraded Software Updates Metadata',
  },
} as const satisfies Record<string, { name: string; section: PlanningSection }>;

export type RuleId = keyof typeof RULES;

export interface ExplainedRule {
  id: RuleId;
  name: string;
  section: PlanningSection;
}

export function ruleOf(id: RuleId): ExplainedRule {
  return { id, ...RULES[id] };
}

/** The rule's section, cited: "(Planning for Software Updates Site Upgrade, "...")". */
export function citeRule(id: RuleId): string {
  return citeSection(RULES[id].section);
}

/**
 * The object types the upgrade creates: "other administrators ... will not have any rights to new object types such
 * as deployment templates" (the planning topic's note on security rights).
 */
export const NEW_OBJECT_TYPES: readonly ObjectType[] = [
  'UpdateList',
  'DeploymentTemplate',
  'Deployment',
  'DeploymentPackage',
  'SearchFolder',
];
