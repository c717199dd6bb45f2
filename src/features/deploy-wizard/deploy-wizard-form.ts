import type { CreateDeploymentRequest, EligibilityResponse } from '@/domain/contract/deployment-contract';
import { defaultDeadline, DEFAULT_DEPLOYMENT_SETTINGS } from '@/domain/deployments/deployment-rules';
import type { DeploymentSettings, DeploymentTemplate } from '@/domain/model/site-objects';
import type { PageId } from './deploy-wizard-pages';
import { parseSiteTimeText, siteTimeText, toMinute, type SiteTimeText } from './site-time-text';

/** What the wizard holds while it is open: every page's fields, kept when the user goes back. */
export interface DeployWizardForm {
  /** Template Selection: "I understand that LEGACY software updates should not be deployed, ..." */
  acknowledgeLegacy: boolean;
  /** The template whose settings pre-filled the pages; null: "Create a new deployment" (the defaults). */
  templateId: string | null;
  /** General. */
  name: string;
  description: string;
  /** Collection, Display/Time, Restart, Event Generation, Download and SMS 2003 Settings. */
  settings: DeploymentSettings;
  /** Display/Time Settings: the duration as typed (checked with the domain's durationProblem). */
  durationText: string;
  /** Deployment Package: select an existing one, or create a new one. */
  packageChoice: 'existing' | 'new';
  existingPackageId: string;
  newPackageName: string;
  newPackageDescription: string;
  newPackageSource: string;
  /** Download Location. */
  downloadFrom: 'internet' | 'network';
  networkPath: string;
  /** Language Selection: null until the user changes it (the updates' English, or all of their languages). */
  languages: string[] | null;
  /** Deployment Schedule, on the site clock. */
  availableAsap: boolean;
  available: SiteTimeText;
  deadlineSet: boolean;
  /** The deadline as typed; null while it follows the available time and the duration (defaultDeadline). */
  deadline: SiteTimeText | null;
  /** Summary: "Save these settings as a template". */
  saveAsTemplate: boolean;
  templateName: string;
  templateDescription: string;
}

export function initialForm(): DeployWizardForm {
  return {
    acknowledgeLegacy: false,
    templateId: null,
    name: '',
    description: '',
    settings: DEFAULT_DEPLOYMENT_SETTINGS,
    durationText: String(DEFAULT_DEPLOYMENT_SETTINGS.duration),
    packageChoice: 'new',
    existingPackageId: '',
    newPackageName: '',
    newPackageDescription: '',
    newPackageSource: '',
    downloadFrom: 'internet',
    networkPath: '',
    languages: null,
    availableAsap: true,
    available: { date: '', time: '' },
    deadlineSet: true,
    deadline: null,
    saveAsTemplate: false,
    templateName: '',
    templateDescription: '',
  };
}

/** The settings a template stores (its name, description and authorship are not settings). */
export function settingsOfTemplate(template: DeploymentTemplate): DeploymentSettings {
  const { id: _id, name: _name, description: _description, createdBy: _by, createdAt: _at, ...settings } = template;
  return settings;
}

/** Selecting a template pre-fills the settings pages from it; "Create a new deployment" from the product's defaults. */
export function withTemplate(form: DeployWizardForm, template: DeploymentTemplate | null): DeployWizardForm {
  const settings = template ? settingsOfTemplate(template) : DEFAULT_DEPLOYMENT_SETTINGS;
  return {
    ...form,
    templateId: template?.id ?? null,
    settings,
    durationText: String(settings.duration),
    deadline: null,
  };
}

/** The settings as they will be sent: the duration as typed. */
export function settingsToSend(form: DeployWizardForm): DeploymentSettings {
  return { ...form.settings, duration: Number(form.durationText.trim()) };
}

/** The languages of the updates, in their order, English first when present. */
export function languagesOfUpdates(updates: EligibilityResponse['updates']): string[] {
  const languages = [...new Set(updates.map((update) => update.language))];
  return languages.sort((a, b) => (a === 'English' ? -1 : b === 'English' ? 1 : 0));
}

/** The languages ticked: what the user chose, else English (ticked by default), else every language of the updates. */
export function chosenLanguages(form: DeployWizardForm, updates: EligibilityResponse['updates']): string[] {
  if (form.languages) return form.languages;
  const offered = languagesOfUpdates(updates);
  return offered.includes('English') ? ['English'] : offered;
}

/** The time the updates become available: "As soon as possible" is the site clock now. */
export function availableTimeOf(form: DeployWizardForm, siteNow: string | null): string | null {
  if (form.availableAsap) return siteNow ? toMinute(siteNow) : null;
  const parsed = parseSiteTimeText(form.available);
  return parsed.ok ? parsed.iso : null;
}

/**
 * The deadline's boxes: as typed, or pre-set from the Display/Time Settings duration after the available time (the
 * domain's defaultDeadline), following the site clock while the updates are available as soon as possible.
 */
export function deadlineText(form: DeployWizardForm, siteNow: string | null): SiteTimeText {
  if (form.deadline) return form.deadline;
  const available = availableTimeOf(form, siteNow);
  const settings = settingsToSend(form);
  if (!available || !Number.isInteger(settings.duration) || settings.duration < 1) return { date: '', time: '' };
  return siteTimeText(defaultDeadline(available, settings));
}

/** The Deployment Package the request names, when the page applies. */
function packageToSend(form: DeployWizardForm): CreateDeploymentRequest['deploymentPackage'] {
  if (form.packageChoice === 'existing') return { kind: 'existing', id: form.existingPackageId };
  return {
    kind: 'new',
    name: form.newPackageName,
    description: form.newPackageDescription,
    sourcePath: form.newPackageSource.trim(),
  };
}

/**
 * POST /api/deployments, from the pages that apply. The server checks all of it again (the domain's checkDeployment):
 * the wizard's own checks only spare a round trip.
 */
export function deploymentRequestOf(
  form: DeployWizardForm,
  updates: EligibilityResponse['updates'],
  pages: readonly PageId[],
  siteNow: string | null,
): CreateDeploymentRequest {
  const withPackage = pages.includes('deployment-package');
  const deadline = form.deadlineSet ? parseSiteTimeText(deadlineText(form, siteNow)) : null;
  const available = form.availableAsap ? null : parseSiteTimeText(form.available);
  return {
    name: form.name,
    description: form.description,
    updateIds: updates.map((update) => update.id),
    templateId: form.templateId,
    settings: settingsToSend(form),
    availableTime: available?.ok ? available.iso : null,
    deadline: deadline?.ok ? deadline.iso : null,
    deploymentPackage: withPackage ? packageToSend(form) : null,
    downloadFrom:
      withPackage && form.downloadFrom === 'network'
        ? { kind: 'network', path: form.networkPath.trim() }
        : { kind: 'internet' },
    languages: withPackage ? chosenLanguages(form, updates) : [],
    acknowledgeLegacy: form.acknowledgeLegacy,
    saveAsTemplate: form.saveAsTemplate ? { name: form.templateName, description: form.templateDescription } : null,
  };
}

/** "1 week", "2 weeks": a duration in a sentence. */
export function durationInWords(duration: number | string, units: DeploymentSettings['durationUnits']): string {
  const unit = units.toLowerCase();
  return `${duration} ${Number(duration) === 1 ? unit.replace(/s$/, '') : unit}`;
}
