import type { EligibilityResponse } from '@/domain/contract/deployment-contract';
import { needsDeploymentPackage } from '@/domain/deployments/deployment-operations';
import type { DeploymentSettings } from '@/domain/model/site-objects';
import type { WizardPage } from '@/ui/wizard';

/** The Deploy Software Updates Wizard's pages, in the product's order (the reference's section 4). */
export const PAGE_IDS = [
  'template-selection',
  'general',
  'collection',
  'display-time',
  'restart',
  'event-generation',
  'download-settings',
  'sms2003-settings',
  'deployment-package',
  'download-location',
  'language-selection',
  'deployment-schedule',
  'summary',
  'progress',
  'confirmation',
] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** The page names, exactly as the product shows them in the wizard's page list. */
export const PAGE_TITLES: Record<PageId, string> = {
  'template-selection': 'Template Selection',
  general: 'General',
  collection: 'Collection',
  'display-time': 'Display/Time Settings',
  restart: 'Restart Settings',
  'event-generation': 'Event Generation',
  'download-settings': 'Download Settings',
  'sms2003-settings': 'SMS 2003 Settings',
  'deployment-package': 'Deployment Package',
  'download-location': 'Download Location',
  'language-selection': 'Language Selection',
  'deployment-schedule': 'Deployment Schedule',
  summary: 'Summary',
  progress: 'Progress',
  confirmation: 'Confirmation',
};

/** The banner over each page: what the page is for. */
export const PAGE_BANNERS: Record<PageId, string> = {
  'template-selection': 'Use the settings of a deployment template, or make a new deployment.',
  general: 'Name the deployment and describe it.',
  collection: 'Choose the collection whose clients receive the software updates.',
  'display-time': 'Notifications on clients, client time, and the default duration that sets the deadline.',
  restart: 'When clients may restart after the software updates install.',
  'event-generation': 'Operations Manager alerts while the software updates install.',
  'download-settings': 'What clients do when the content is not on a nearby distribution point.',
  'sms2003-settings': 'Deploy the software updates to SMS 2003 clients too.',
  'deployment-package': 'The package the software updates are downloaded to, on its distribution points.',
  'download-location': 'Where the software updates are downloaded from.',
  'language-selection': 'The languages of the software updates to download.',
  'deployment-schedule': 'When the software updates become available, and when they must be installed.',
  summary: 'Review the choices, then choose Next to create the deployment.',
  progress: 'The deployment is being created.',
  confirmation: 'What the wizard made.',
};

/** What decides which pages apply: the server's eligibility answer for the updates, and the settings so far. */
export type PageContext = Pick<EligibilityResponse, 'updates' | 'sms2003SettingsWhyNot'>;

/**
 * The pages that apply, in order. "SMS 2003 Settings – only when every update is deployable to SMS 2003" (the server's
 * sms2003SettingsWhyNot is null); "Deployment Package – only when at least one update is not yet downloaded or when
 * deploying to SMS 2003 clients" (the domain's needsDeploymentPackage). Download Location and Language Selection go
 * with the Deployment Package page: they say what is downloaded into it, and nothing is downloaded without it.
 */
export function applicablePages(
  context: PageContext,
  settings: Pick<DeploymentSettings, 'deployToSms2003Clients'>,
): PageId[] {
  const showSms2003 = context.sms2003SettingsWhyNot === null;
  const showPackage = needsDeploymentPackage(context.updates, settings);
  return PAGE_IDS.filter((id) => {
    if (id === 'sms2003-settings') return showSms2003;
    if (id === 'deployment-package' || id === 'download-location' || id === 'language-selection') return showPackage;
    return true;
  });
}

export function wizardPagesOf(ids: readonly PageId[]): WizardPage[] {
  return ids.map((id) => ({ id, title: PAGE_TITLES[id] }));
}
