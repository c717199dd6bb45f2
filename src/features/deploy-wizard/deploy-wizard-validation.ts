import type { EligibilityResponse } from '@/domain/contract/deployment-contract';
import {
  deploymentPackageChoiceSchema,
  downloadLocationSchema,
  MAX_DEPLOYMENT_NAME,
  MAX_DESCRIPTION,
  MAX_TEMPLATE_NAME,
} from '@/domain/deployments/deployment-operations';
import { durationProblem } from '@/domain/deployments/deployment-rules';
import { MAX_DEPLOYMENT_PACKAGE_DESCRIPTION, MAX_DEPLOYMENT_PACKAGE_NAME } from '@/domain/model/site-objects';
import { availableTimeOf, chosenLanguages, deadlineText, type DeployWizardForm } from './deploy-wizard-form';
import type { PageId } from './deploy-wizard-pages';
import { parseSiteTimeText } from './site-time-text';

/** The fields a page can find wrong; each names the control its message sits next to. */
export type FieldKey =
  | 'acknowledgeLegacy'
  | 'name'
  | 'description'
  | 'collectionId'
  | 'duration'
  | 'existingPackageId'
  | 'newPackageName'
  | 'newPackageDescription'
  | 'newPackageSource'
  | 'networkPath'
  | 'languages'
  | 'availableDate'
  | 'availableTime'
  | 'deadlineDate'
  | 'deadlineTime'
  | 'templateName'
  | 'templateDescription';

export type FieldErrors = Partial<Record<FieldKey, string>>;

/** What the pages' checks need besides the form: the eligibility answer and the site clock. */
export interface ValidationContext {
  eligibility: Pick<EligibilityResponse, 'updates' | 'legacyWarning' | 'cannotCreatePackage'>;
  siteNow: string | null;
}

const sentence = (message: string) => {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

/** A text that must be given, up to a length (the domain's limits, so the server would accept it). */
function textProblem(value: string, what: string, max: number, required: boolean): string | undefined {
  const text = value.trim();
  if (required && text === '') return `Enter ${what}.`;
  if (text.length > max) return `${sentence(what.replace(/^(a|an|the) /, 'the '))} must be at most ${max} characters.`;
  return undefined;
}

/** The first problem the domain's schema finds with a field of a Deployment Package or Download Location choice. */
function schemaProblem(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  return result.success ? undefined : sentence(result.error?.issues[0]?.message ?? 'this is not valid');
}

/**
 * What is wrong on a page, field by field, before Next moves on: the domain's limits and schemas (durationProblem,
 * the UNC path schema, the name lengths), so the wizard says at once what the server would refuse. The server checks
 * everything again and has the last word (a name already taken, a package that no longer exists, ...).
 */
export function pageProblems(page: PageId, form: DeployWizardForm, context: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  switch (page) {
    case 'template-selection':
      if (context.eligibility.legacyWarning && !form.acknowledgeLegacy) {
        errors.acknowledgeLegacy =
          'Tick the box to confirm that you deploy LEGACY software updates anyway, or choose Cancel.';
      }
      break;
    case 'general':
      errors.name = textProblem(form.name, 'a name for the deployment', MAX_DEPLOYMENT_NAME, true);
      errors.description = textProblem(form.description, 'the description', MAX_DESCRIPTION, false);
      break;
    case 'collection':
      if (!form.settings.collectionId) errors.collectionId = 'Choose the collection to deploy the software updates to.';
      break;
    case 'display-time': {
      const problem = durationProblem(Number(form.durationText.trim() || NaN), form.settings.durationUnits);
      if (problem) errors.duration = sentence(problem);
      break;
    }
    case 'deployment-package':
      if (form.packageChoice === 'existing') {
        if (!form.existingPackageId) errors.existingPackageId = 'Select a deployment package, or create a new one.';
      } else if (context.eligibility.cannotCreatePackage) {
        errors.newPackageName = `You cannot create a deployment package: ${context.eligibility.cannotCreatePackage}. Select an existing one.`;
      } else {
        errors.newPackageName = textProblem(
          form.newPackageName,
          'a name for the deployment package',
          MAX_DEPLOYMENT_PACKAGE_NAME,
          true,
        );
        errors.newPackageDescription = textProblem(
          form.newPackageDescription,
          'the package description',
          MAX_DEPLOYMENT_PACKAGE_DESCRIPTION,
          false,
        );
        errors.newPackageSource = schemaProblem(
          deploymentPackageChoiceSchema.safeParse({
            kind: 'new',
            name: form.newPackageName,
            description: form.newPackageDescription,
            sourcePath: form.newPackageSource.trim(),
          }),
        );
      }
      break;
    case 'download-location':
      if (form.downloadFrom === 'network') {
        errors.networkPath = schemaProblem(
          downloadLocationSchema.safeParse({ kind: 'network', path: form.networkPath.trim() }),
        );
      }
      break;
    case 'language-selection':
      if (chosenLanguages(form, context.eligibility.updates).length === 0) {
        errors.languages = 'Select at least one language to download.';
      }
      break;
    case 'deployment-schedule':
      Object.assign(errors, scheduleProblems(form, context.siteNow));
      break;
    case 'summary':
      if (form.saveAsTemplate) {
        errors.templateName = textProblem(form.templateName, 'a name for the template', MAX_TEMPLATE_NAME, true);
        errors.templateDescription = textProblem(
          form.templateDescription,
          'the template description',
          MAX_DESCRIPTION,
          false,
        );
      }
      break;
    default:
      break;
  }
  for (const key of Object.keys(errors) as FieldKey[]) if (!errors[key]) delete errors[key];
  return errors;
}

function scheduleProblems(form: DeployWizardForm, siteNow: string | null): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.availableAsap) {
    const parsed = parseSiteTimeText(form.available);
    if (!parsed.ok) errors[parsed.field === 'date' ? 'availableDate' : 'availableTime'] = parsed.message;
  }
  if (!form.deadlineSet) return errors;
  const deadline = parseSiteTimeText(deadlineText(form, siteNow));
  if (!deadline.ok) {
    errors[deadline.field === 'date' ? 'deadlineDate' : 'deadlineTime'] = deadline.message;
    return errors;
  }
  const available = availableTimeOf(form, siteNow);
  // The server refuses this too (deadline-before-available); said here next to the deadline, before Summary.
  if (available && Date.parse(deadline.iso) <= Date.parse(available)) {
    errors.deadlineDate = 'The deadline must be after the time the software updates become available.';
  }
  return errors;
}

/**
 * The page a refusal of the server concerns, so Previous on Confirmation goes back to where it can be fixed: the
 * rule of a 409, the field of a 400, or the right of a 403.
 */
export function pageOfRefusal(
  refusal: { status?: number; rule?: string; field?: string; message: string },
  pages: readonly PageId[],
): PageId {
  const byRule: Record<string, PageId> = {
    'update-not-deployable': 'template-selection',
    'legacy-not-acknowledged': 'template-selection',
    'template-not-offered': 'template-selection',
    'unknown-deployment-template': 'template-selection',
    'deployment-name-invalid': 'general',
    'deployment-name-taken': 'general',
    'description-invalid': 'general',
    'collection-required': 'collection',
    'unknown-collection': 'collection',
    'duration-invalid': 'display-time',
    'not-deployable-to-sms2003': 'sms2003-settings',
    'deadline-before-available': 'deployment-schedule',
    'deployment-package-required': 'deployment-package',
    'unknown-deployment-package': 'deployment-package',
    'package-name-invalid': 'deployment-package',
    'package-name-taken': 'deployment-package',
    'package-description-invalid': 'deployment-package',
    'language-required': 'language-selection',
    'unknown-language': 'language-selection',
    'template-name-invalid': 'summary',
    'template-name-taken': 'summary',
  };
  const byField: Array<[RegExp, PageId]> = [
    [/^(name|description)$/, 'general'],
    [/^settings\.collectionId/, 'collection'],
    [/^settings\.duration/, 'display-time'],
    [/^deploymentPackage/, 'deployment-package'],
    [/^downloadFrom/, 'download-location'],
    [/^languages/, 'language-selection'],
    [/^(availableTime|deadline)/, 'deployment-schedule'],
    [/^saveAsTemplate/, 'summary'],
  ];
  let page: PageId | undefined = refusal.rule ? byRule[refusal.rule] : undefined;
  if (!page && refusal.field) page = byField.find(([pattern]) => pattern.test(refusal.field ?? ''))?.[1];
  if (!page && refusal.status === 403) {
    if (/Deployment Packages?|package /.test(refusal.message)) page = 'deployment-package';
    else if (/collection /i.test(refusal.message)) page = 'collection';
  }
  return page && pages.includes(page) ? page : 'summary';
}
