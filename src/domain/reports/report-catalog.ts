import type { ParameterDef } from './report-parameters';
import type { Deprecation, ReportOrigin } from './report-result';

/**
 * What the Reports node lists (Computer Management > Reporting > Reports): each report's name, category, description,
 * origin and parameters, and for the SMS 2003 reports the upgrade migrated, why they are deprecated and which
 * Configuration Manager 2007 report to use instead. The queries themselves live beside this file, one module per
 * category; this one imports none of them, so the list can be read anywhere.
 */
export interface ReportMeta {
  id: string;
  name: string;
  category: string;
  description: string;
  origin: ReportOrigin;
  deprecation: Deprecation | null;
  parameters: ParameterDef[];
}

/** The planning topic's six categories of the Configuration Manager 2007 software updates reports. */
export const COMPLIANCE_CATEGORY = 'Software Updates - A. Compliance';
export const MANAGEMENT_CATEGORY = 'Software Updates - B. Deployment Management';
export const STATES_CATEGORY = 'Software Updates - C. Deployment States';
export const SCAN_CATEGORY = 'Software Updates - D. Scan';
export const TROUBLESHOOTING_CATEGORY = 'Software Updates - E. Troubleshooting';
export const DISTRIBUTION_CATEGORY = 'Software Updates - F. Distribution Status';

/** The categories of the SMS 2003 software update reports, and of the reports Contoso customized on CEN. */
export const SMS2003_COMPLIANCE_CATEGORY = 'Software Update - Compliance';
export const SMS2003_DISTRIBUTION_CATEGORY = 'Software Update - Distribution Status';
export const SMS2003_SCAN_CATEGORY = 'Software Update - Scan Tool Status';
export const CONTOSO_CATEGORY = 'Contoso - Custom Reports';

/**
 * "During a site upgrade, the SMS 2003 reports are migrated, but they are deprecated and might fail to run or retrieve
 * the expected data" (the planning topic): what the console says before running one.
 */
function deprecation(
  behaviour: Deprecation['behaviour'],
  replacementId: string,
  replacementName: string,
  customized = false,
): Deprecation {
  const what = customized
    ? 'This customized report was made on the SMS 2003 site and migrated with the upgrade. Customize a similar ' +
      `Configuration Manager report or create a new one instead: start from ${replacementName}.`
    : `This SMS 2003 report was migrated with the upgrade and is deprecated. Use ${replacementName} instead.`;
  return {
    behaviour,
    replacementId,
    replacementName,
    warning: `${what} Deprecated reports read the SMS 2003 software updates views: they might fail to run or retrieve the expected data.`,
  };
}

export const REPORT_CATALOG: readonly ReportMeta[] = [
  {
    id: 'compliance-1',
    name: 'Compliance 1 - Overall compliance',
    category: COMPLIANCE_CATEGORY,
    description:
      'The overall compliance of the computers of a collection with the software updates of an update list: how many ' +
      'are compliant, non-compliant or of unknown state, and each update’s counts.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'updateList', caption: 'Update List ID', kind: 'updateList', required: true },
      { name: 'collection', caption: 'Collection ID', kind: 'collection', required: true },
    ],
  },
  {
    id: 'compliance-2',
    name: 'Compliance 2 - Specific software update',
    category: COMPLIANCE_CATEGORY,
    description:
      'The compliance of a collection with one software update (every product and language version of its article): ' +
      'how many computers have it installed, require it, do not require it, or have not reported.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'articleId', caption: 'Article ID', kind: 'articleId', required: true },
      { name: 'collection', caption: 'Collection ID', kind: 'collection', required: true },
    ],
  },
  {
    id: 'compliance-3',
    name: 'Compliance 3 - Computers in a specific compliance state for an update list',
    category: COMPLIANCE_CATEGORY,
    description:
      'The computers of a collection that are compliant, non-compliant or of unknown state with an update list, with ' +
      'how many of its updates each one requires.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'updateList', caption: 'Update List ID', kind: 'updateList', required: true },
      { name: 'collection', caption: 'Collection ID', kind: 'collection', required: true },
      { name: 'complianceState', caption: 'Compliance State', kind: 'complianceState', required: true },
    ],
  },
  {
    id: 'compliance-4',
    name: 'Compliance 4 - Specific computer',
    category: COMPLIANCE_CATEGORY,
    description:
      'The state of each software update on one computer, narrowed to an update list or to a vendor and year.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'computer', caption: 'Computer Name', kind: 'computer', required: true },
      { name: 'updateList', caption: 'Update List ID', kind: 'updateList', required: false },
      { name: 'vendor', caption: 'Vendor', kind: 'vendor', required: false },
      { name: 'year', caption: 'Year', kind: 'year', required: false },
    ],
  },
  {
    id: 'compliance-5',
    name: 'Compliance 5 - Updates by vendor/month/year',
    category: COMPLIANCE_CATEGORY,
    description:
      'The compliance of a collection with the software updates a vendor released in a year, by month, optionally ' +
      'narrowed to an update classification and a product.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'collection', caption: 'Collection ID', kind: 'collection', required: true },
      { name: 'vendor', caption: 'Vendor', kind: 'vendor', required: true },
      { name: 'year', caption: 'Year', kind: 'year', required: true },
      { name: 'classification', caption: 'Update Classification', kind: 'classification', required: false },
      { name: 'product', caption: 'Product', kind: 'product', required: false },
    ],
  },
  {
    id: 'management-1',
    name: 'Management 1 - Deployments of an update list',
    category: MANAGEMENT_CATEGORY,
    description:
      'The deployments that hold software updates of an update list, with how many of its updates each holds.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'updateList', caption: 'Update List ID', kind: 'updateList', required: true }],
  },
  {
    id: 'management-2',
    name: 'Management 2 - Updates required but not deployed',
    category: MANAGEMENT_CATEGORY,
    description:
      'The software updates that computers of a collection require but that no deployment or migrated SMS 2003 ' +
      'advertisement holds (expired updates are left out: they cannot be deployed).',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'collection', caption: 'Collection ID', kind: 'collection', required: true },
      { name: 'vendor', caption: 'Vendor', kind: 'vendor', required: false },
      { name: 'classification', caption: 'Update Classification', kind: 'classification', required: false },
    ],
  },
  {
    id: 'management-3',
    name: 'Management 3 - Updates in a deployment',
    category: MANAGEMENT_CATEGORY,
    description: 'The software updates a deployment holds, with their compliance in the collection it targets.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'deployment', caption: 'Deployment ID', kind: 'deployment', required: true }],
  },
  {
    id: 'management-4',
    name: 'Management 4 - Deployments that contain a specific software update',
    category: MANAGEMENT_CATEGORY,
    description:
      'The deployments, and the SMS 2003 advertisements the upgrade migrated, that hold a software update of an article.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'articleId', caption: 'Article ID', kind: 'articleId', required: true }],
  },
  {
    id: 'states-1',
    name: 'States 1 - Enforcement states for a deployment',
    category: STATES_CATEGORY,
    description: 'How many computers targeted by a deployment are compliant, waiting to install, or have not reported.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'deployment', caption: 'Deployment ID', kind: 'deployment', required: true }],
  },
  {
    id: 'states-2',
    name: 'States 2 - Computers in a specific state for a deployment',
    category: STATES_CATEGORY,
    description: 'The computers targeted by a deployment that are in one enforcement state.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'deployment', caption: 'Deployment ID', kind: 'deployment', required: true },
      { name: 'deploymentState', caption: 'Enforcement State', kind: 'deploymentState', required: true },
    ],
  },
  {
    id: 'states-3',
    name: 'States 3 - States for a deployment and computer',
    category: STATES_CATEGORY,
    description: 'The state of each software update of a deployment on one computer.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'deployment', caption: 'Deployment ID', kind: 'deployment', required: true },
      { name: 'computer', caption: 'Computer Name', kind: 'computer', required: true },
    ],
  },
  {
    id: 'scan-1',
    name: 'Scan 1 - Last scan states by collection',
    category: SCAN_CATEGORY,
    description:
      'How the computers of a collection last scanned for software updates: against the software update point ' +
      '(Configuration Manager clients) or with the Inventory Tool for Microsoft Updates (SMS 2003 clients).',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'collection', caption: 'Collection ID', kind: 'collection', required: true }],
  },
  {
    id: 'scan-2',
    name: 'Scan 2 - Last scan states by site',
    category: SCAN_CATEGORY,
    description: 'The last scan states of the computers you may read, by the site they are assigned to.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [],
  },
  {
    id: 'scan-3',
    name: 'Scan 3 - Computers in a specific scan state',
    category: SCAN_CATEGORY,
    description: 'The computers of a collection in one last scan state, with the catalog revision each scanned with.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [
      { name: 'collection', caption: 'Collection ID', kind: 'collection', required: true },
      { name: 'scanState', caption: 'Scan State', kind: 'scanState', required: true },
    ],
  },
  {
    id: 'troubleshooting-1',
    name: 'Troubleshooting 1 - Scan errors',
    category: TROUBLESHOOTING_CATEGORY,
    description:
      'The computers of a collection whose last scan cannot be trusted, grouped by the problem, with what to do.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'collection', caption: 'Collection ID', kind: 'collection', required: true }],
  },
  {
    id: 'troubleshooting-2',
    name: 'Troubleshooting 2 - Synchronization errors',
    category: TROUBLESHOOTING_CATEGORY,
    description:
      'The warnings and errors of the software update point synchronization, the Inventory Tool for Microsoft Updates ' +
      'catalog synchronization and the custom updates catalog, newest first.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [],
  },
  {
    id: 'troubleshooting-3',
    name: 'Troubleshooting 3 - Deployment errors',
    category: TROUBLESHOOTING_CATEGORY,
    description:
      'What keeps a deployment from reaching its computers: expired or undownloaded software updates, SMS 2003 clients ' +
      'it does not deploy to, its content on the distribution points, and the errors reported about it.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'deployment', caption: 'Deployment ID', kind: 'deployment', required: true }],
  },
  {
    id: 'distribution-1',
    name: 'Distribution Status 1 - Deployment packages',
    category: DISTRIBUTION_CATEGORY,
    description: 'Each deployment package, its content version and where its distribution points stand.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [],
  },
  {
    id: 'distribution-2',
    name: 'Distribution Status 2 - Distribution points of a deployment package',
    category: DISTRIBUTION_CATEGORY,
    description: 'Where the content of one deployment package stands on each of its distribution points.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'deploymentPackage', caption: 'Package ID', kind: 'deploymentPackage', required: true }],
  },
  {
    id: 'distribution-3',
    name: 'Distribution Status 3 - Content of a deployment',
    category: DISTRIBUTION_CATEGORY,
    description: 'Whether each software update of a deployment is downloaded, and into which deployment package.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [{ name: 'deployment', caption: 'Deployment ID', kind: 'deployment', required: true }],
  },
  {
    id: 'distribution-4',
    name: 'Distribution Status 4 - Migrated SMS 2003 software update packages',
    category: DISTRIBUTION_CATEGORY,
    description:
      'The packages of the SMS 2003 software update distributions: their source path, whether it validates, and what ' +
      'the upgrade did with them.',
    origin: 'Configuration Manager 2007',
    deprecation: null,
    parameters: [],
  },
  {
    id: 'sms2003-compliance-by-bulletin',
    name: 'Compliance summary by bulletin ID',
    category: SMS2003_COMPLIANCE_CATEGORY,
    description:
      'SMS 2003: the number of computers that require, and have installed, each bulletin’s software updates.',
    origin: 'Migrated from SMS 2003',
    deprecation: deprecation('stale', 'compliance-5', 'Compliance 5 - Updates by vendor/month/year'),
    parameters: [],
  },
  {
    id: 'sms2003-computers-missing-update',
    name: 'Computers missing a specific software update',
    category: SMS2003_COMPLIANCE_CATEGORY,
    description: 'SMS 2003: the computers whose inventory says they require a software update, by article ID.',
    origin: 'Migrated from SMS 2003',
    deprecation: deprecation('partial', 'compliance-2', 'Compliance 2 - Specific software update'),
    parameters: [{ name: 'articleId', caption: 'Article ID', kind: 'articleId', required: true }],
  },
  {
    id: 'sms2003-distribution-status',
    name: 'Software update distribution status for a specific advertisement',
    category: SMS2003_DISTRIBUTION_CATEGORY,
    description: 'SMS 2003: how the computers targeted by a software update advertisement ran its program.',
    origin: 'Migrated from SMS 2003',
    deprecation: deprecation('fails', 'states-1', 'States 1 - Enforcement states for a deployment'),
    parameters: [
      { name: 'sms2003Advertisement', caption: 'Advertisement ID', kind: 'sms2003Advertisement', required: true },
    ],
  },
  {
    id: 'sms2003-scan-tool-status',
    name: 'Scan tool status by computer',
    category: SMS2003_SCAN_CATEGORY,
    description:
      'SMS 2003: the Inventory Tool for Microsoft Updates catalog each computer of a collection last scanned with.',
    origin: 'Migrated from SMS 2003',
    deprecation: deprecation('stale', 'scan-1', 'Scan 1 - Last scan states by collection'),
    parameters: [{ name: 'collection', caption: 'Collection ID', kind: 'collection', required: true }],
  },
  {
    id: 'contoso-monthly-patch-compliance',
    name: 'Contoso - Monthly patch compliance for management',
    category: CONTOSO_CATEGORY,
    description:
      'Customized on CEN by CONTOSO\\auditor for the monthly management review: required and installed software ' +
      'updates by the month they were released.',
    origin: 'Customized SMS 2003 report',
    deprecation: deprecation('partial', 'compliance-5', 'Compliance 5 - Updates by vendor/month/year', true),
    parameters: [{ name: 'year', caption: 'Year', kind: 'year', required: true }],
  },
  {
    id: 'contoso-lon-missing-critical',
    name: 'Contoso - LON workstations missing critical updates',
    category: CONTOSO_CATEGORY,
    description: 'Customized on CEN by CONTOSO\\lonadmin’s team: the London workstations that miss critical updates.',
    origin: 'Customized SMS 2003 report',
    deprecation: deprecation('fails', 'compliance-1', 'Compliance 1 - Overall compliance', true),
    parameters: [],
  },
];
