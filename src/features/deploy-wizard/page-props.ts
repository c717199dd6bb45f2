import type { DeploymentSettings } from '@/domain/model/site-objects';
import type { DeployWizardForm } from './deploy-wizard-form';
import type { FieldErrors } from './deploy-wizard-validation';

/** What every page of the wizard gets: the form, its problems on this page, and ways to change it. */
export interface PageProps {
  form: DeployWizardForm;
  errors: FieldErrors;
  change: (patch: Partial<DeployWizardForm>) => void;
  changeSettings: (patch: Partial<DeploymentSettings>) => void;
}
