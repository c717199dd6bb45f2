import type { DeploymentTemplateRequest } from '@/domain/contract/deployment-contract';
import { MAX_DESCRIPTION, MAX_TEMPLATE_NAME } from '@/domain/deployments/deployment-operation-schemas';
import { DEFAULT_DEPLOYMENT_SETTINGS, durationProblem } from '@/domain/deployments/deployment-rules';
import {
  DURATION_LIMITS,
  type DeploymentSettings,
  type DeploymentTemplate,
  type DurationUnit,
} from '@/domain/model/site-objects';

/**
 * What the Deployment Template Wizard and a template's Properties dialog edit: the name, the description and the
 * settings, with the duration kept as typed (it is checked, not coerced) and whether a collection is specified.
 */
export interface TemplateForm {
  name: string;
  description: string;
  settings: DeploymentSettings;
  /** The Duration box as typed. */
  durationText: string;
  /** Collection page: "Specify a collection for the deployments" rather than "Do not specify a collection". */
  specifyCollection: boolean;
}

/** The settings pages a template stores, in the wizard's order; also the tabs of its Properties dialog. */
export const TEMPLATE_SETTINGS_PAGES = [
  { id: 'general', title: 'General' },
  { id: 'collection', title: 'Collection' },
  { id: 'display-time', title: 'Display/Time Settings' },
  { id: 'restart', title: 'Restart Settings' },
  { id: 'event-generation', title: 'Event Generation' },
  { id: 'download', title: 'Download Settings' },
  { id: 'sms2003', title: 'SMS 2003 Settings' },
] as const;
export type TemplatePageId = (typeof TEMPLATE_SETTINGS_PAGES)[number]['id'];

/** The fields a page can find wrong, each shown next to its control. */
export type TemplateField = 'name' | 'description' | 'collection' | 'duration';
export type TemplateErrors = Partial<Record<TemplateField, string>>;

const PAGE_OF_FIELD: Record<TemplateField, TemplatePageId> = {
  name: 'general',
  description: 'general',
  collection: 'collection',
  duration: 'display-time',
};

export function pageOfField(field: TemplateField): TemplatePageId {
  return PAGE_OF_FIELD[field];
}

/** A new template's form: the product's defaults. */
export function newTemplateForm(): TemplateForm {
  return {
    name: '',
    description: '',
    settings: { ...DEFAULT_DEPLOYMENT_SETTINGS },
    durationText: String(DEFAULT_DEPLOYMENT_SETTINGS.duration),
    specifyCollection: false,
  };
}

/** The form of a saved template, as its Properties dialog opens. */
export function formFromTemplate(template: DeploymentTemplate): TemplateForm {
  const settings: DeploymentSettings = {
    collectionId: template.collectionId,
    includeSubCollections: template.includeSubCollections,
    showNotifications: template.showNotifications,
    useUtc: template.useUtc,
    duration: template.duration,
    durationUnits: template.durationUnits,
    suppressRestartServers: template.suppressRestartServers,
    suppressRestartWorkstations: template.suppressRestartWorkstations,
    allowRestartOutsideMaintenanceWindows: template.allowRestartOutsideMaintenanceWindows,
    disableOperationsManagerAlerts: template.disableOperationsManagerAlerts,
    generateOperationsManagerAlertOnFailure: template.generateOperationsManagerAlertOnFailure,
    slowBoundary: template.slowBoundary,
    unprotectedDistributionPoint: template.unprotectedDistributionPoint,
    deployToSms2003Clients: template.deployToSms2003Clients,
    collectInventoryImmediately: template.collectInventoryImmediately,
    sms2003LocalDistributionPoint: template.sms2003LocalDistributionPoint,
  };
  return {
    name: template.name,
    description: template.description,
    settings,
    durationText: String(template.duration),
    specifyCollection: template.collectionId !== null,
  };
}

/** "the duration must be ..." as a sentence: capital first letter, full stop. */
import { asSentence } from '@/ui/sentence';

export { asSentence };

// eslint-disable-next-line no-control-regex -- the server refuses names with control characters; so does the form
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The duration as a number, when the text is one ("" and "1.5x" are not). */
function typedDuration(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** What is wrong on one page of the form (nothing for pages that cannot be wrong). */
export function pageProblems(page: TemplatePageId, form: TemplateForm): TemplateErrors {
  const errors: TemplateErrors = {};
  if (page === 'general') {
    const name = form.name.trim();
    if (name === '') errors.name = 'Enter a name for the deployment template.';
    else if (name.length > MAX_TEMPLATE_NAME) {
      errors.name = `The name must be at most ${MAX_TEMPLATE_NAME} characters (it has ${name.length}).`;
    } else if (CONTROL_CHARACTERS.test(name)) {
      errors.name = 'The name cannot hold control characters such as tabs or line breaks.';
    }
    const description = form.description.trim();
    if (description.length > MAX_DESCRIPTION) {
      errors.description = `The description must be at most ${MAX_DESCRIPTION} characters (it has ${description.length}).`;
    }
  }
  if (page === 'collection' && form.specifyCollection && !form.settings.collectionId) {
    errors.collection = 'Choose the collection, or choose "Do not specify a collection".';
  }
  if (page === 'display-time') {
    const problem = durationProblem(typedDuration(form.durationText), form.settings.durationUnits);
    if (problem) errors.duration = asSentence(problem);
  }
  return errors;
}

/** Every page's problems, and the first page that has one (where the dialog goes to show them). */
export function formProblems(form: TemplateForm): { errors: TemplateErrors; firstPage: TemplatePageId | null } {
  const errors: TemplateErrors = {};
  let firstPage: TemplatePageId | null = null;
  for (const page of TEMPLATE_SETTINGS_PAGES) {
    const found = pageProblems(page.id, form);
    if (Object.keys(found).length > 0 && firstPage === null) firstPage = page.id;
    Object.assign(errors, found);
  }
  return { errors, firstPage };
}

/** The request POST /api/deployment-templates and PATCH /api/deployment-templates/:id take. */
export function requestFromForm(form: TemplateForm): DeploymentTemplateRequest {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    settings: {
      ...form.settings,
      collectionId: form.specifyCollection ? form.settings.collectionId : null,
      duration: typedDuration(form.durationText),
    },
  };
}

/** "From 1 to 4 weeks": the range the unit allows. */
export function durationRangeText(units: DurationUnit): string {
  return `From 1 to ${DURATION_LIMITS[units]} ${units.toLowerCase()}.`;
}

/** "2 weeks", "1 hour". */
export function durationText(duration: number, units: DurationUnit): string {
  const unit = units.toLowerCase();
  return `${duration} ${duration === 1 ? unit.slice(0, -1) : unit}`;
}

/**
 * Where a refusal of the server belongs: the field of the rule that refused (a taken name goes back to the General
 * page, next to Name), or null to show it on the page where it happened.
 */
export function fieldOfRefusal(rule: string | undefined, field: string | undefined): TemplateField | null {
  if (rule === 'template-name-taken' || rule === 'template-name-invalid' || field === 'name') return 'name';
  if (rule === 'description-invalid' || field === 'description') return 'description';
  if (rule === 'duration-invalid' || field === 'settings.duration') return 'duration';
  if (rule === 'unknown-collection' || field === 'settings.collectionId') return 'collection';
  return null;
}
