/**
 * The planning topic every rule of this console comes from: "Planning for Software Updates Site Upgrade" (Configuration
 * Manager 2007 documentation, August 2008), by its section headings, exactly as the topic spells them.
 */
export const PLANNING_TOPIC = 'Planning for Software Updates Site Upgrade';

export const PLANNING_SECTIONS = [
  'Upgraded Software Updates Metadata',
  'Scanning for Software Update Compliance After a Site Upgrade',
  'Inventory Tool for Microsoft Updates',
  'Inventory Tool for Custom Updates',
  'Other Inventory Scan Tools',
  'Synchronizing Software Updates After a Site Upgrade',
  'Synchronizing the Microsoft Updates Catalog',
  'Synchronizing the Software Update Point',
  'LEGACY Appended to Migrated Software Updates Metadata',
  'Republishing the Custom Updates Catalog',
  'Deploying Software Updates to Client Computers',
  'Using Deployment Templates That Specify SMS 2003 Settings',
  'Using the Software Updates Reports',
] as const;
export type PlanningSection = (typeof PLANNING_SECTIONS)[number];

/** "(Planning for Software Updates Site Upgrade, "LEGACY Appended to Migrated Software Updates Metadata")". */
export function citeSection(section: PlanningSection): string {
  return `(${PLANNING_TOPIC}, "${section}")`;
}
