import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { deploymentTemplateClassRightsQuery, useCreateDeploymentTemplate } from '@/api/deployments';
import { ApiRequestError } from '@/api/http';
import { listPageQuery } from '@/api/resources';
import type { Collection, DeploymentTemplate } from '@/domain/model/site-objects';
import { Wizard, type WizardPage } from '@/ui/wizard';
import {
  asSentence,
  fieldOfRefusal,
  newTemplateForm,
  pageOfField,
  pageProblems,
  requestFromForm,
  TEMPLATE_SETTINGS_PAGES,
  type TemplateErrors,
  type TemplateForm,
  type TemplatePageId,
} from './template-form';
import { TemplatePage, TemplateSummary } from './template-pages';

type WizardPageId = TemplatePageId | 'summary' | 'confirmation';

export const TEMPLATE_WIZARD_TITLE = 'Deployment Template Wizard';

const PAGES: WizardPage[] = [
  ...TEMPLATE_SETTINGS_PAGES,
  { id: 'summary', title: 'Summary' },
  { id: 'confirmation', title: 'Confirmation' },
];

const BANNERS: Record<WizardPageId, string> = {
  general: 'Specify the name and the description of the deployment template.',
  collection: 'Specify the collection that deployments made with this template target, if any.',
  'display-time': 'Specify how clients show the deployment and the default duration that sets its deadline.',
  restart: 'Specify how clients restart after the software updates install.',
  'event-generation': 'Specify the Operations Manager alerts for the installation of the software updates.',
  download: 'Specify what clients do when the software updates are not on a nearby or protected distribution point.',
  sms2003: 'Specify how the software updates are deployed to SMS 2003 clients.',
  summary: 'Review the settings, then choose Next to create the deployment template.',
  confirmation: 'The Deployment Template Wizard completed successfully.',
};

export interface DeploymentTemplateWizardProps {
  admin: string;
  onClose: () => void;
  /** Close after the template was made: select it in Deployment Templates. */
  onCreated: (templateId: string) => void;
}

/**
 * "New Deployment Template...": the Deployment Template Wizard. Each page checks its fields before Next (what is wrong
 * is said next to the field); Previous keeps what was entered; the server's refusal (a name already taken, a missing
 * right) is shown with its own words, next to the field it is about.
 */
export function DeploymentTemplateWizard({ admin, onClose, onCreated }: DeploymentTemplateWizardProps) {
  const [pageId, setPageId] = useState<WizardPageId>('general');
  const [form, setForm] = useState<TemplateForm>(newTemplateForm);
  const [errors, setErrors] = useState<TemplateErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [created, setCreated] = useState<DeploymentTemplate | null>(null);
  const classRights = useQuery(deploymentTemplateClassRightsQuery(admin));
  const collections = useQuery(listPageQuery(admin, 'collections', {}, 0));
  const create = useCreateDeploymentTemplate(admin);
  const collectionList = ((collections.data?.items ?? []) as Collection[]).map(({ id, name }) => ({ id, name }));
  const cannotCreate = classRights.data?.canCreate === false ? classRights.data.whyNot : null;
  const index = PAGES.findIndex((page) => page.id === pageId);

  const goTo = (id: WizardPageId) => {
    setRefusal(null);
    setPageId(id);
  };

  const submit = () => {
    setRefusal(null);
    create.mutate(requestFromForm(form), {
      onSuccess: (response) => {
        setCreated(response.item);
        setPageId('confirmation');
      },
      onError: (failure) => {
        const field =
          failure instanceof ApiRequestError && failure.status !== 403
            ? fieldOfRefusal(failure.rule, failure.field)
            : null;
        if (field) {
          setErrors({ [field]: asSentence(failure.message) });
          setPageId(pageOfField(field));
        }
        setRefusal(failure.message);
      },
    });
  };

  const next = () => {
    if (pageId === 'summary') {
      submit();
      return;
    }
    if (pageId !== 'confirmation') {
      const problems = pageProblems(pageId, form);
      setErrors(problems);
      if (Object.keys(problems).length > 0) return;
    }
    const following = PAGES[index + 1];
    if (following) goTo(following.id as WizardPageId);
  };

  const done = pageId === 'confirmation';
  const footer = done ? (
    <button
      type="button"
      className="win-button"
      autoFocus
      onClick={() => (created ? onCreated(created.id) : onClose())}
    >
      Close
    </button>
  ) : (
    <>
      <button
        type="button"
        className="win-button"
        disabled={index === 0 || create.isPending}
        onClick={() => {
          setErrors({});
          goTo(PAGES[index - 1]?.id as WizardPageId);
        }}
      >
        &lt; Previous
      </button>
      <button
        type="button"
        className="win-button"
        disabled={create.isPending || cannotCreate !== null}
        aria-describedby={cannotCreate ? 'template-wizard-cannot-create' : undefined}
        onClick={next}
      >
        Next &gt;
      </button>
      <button type="button" className="win-button" disabled={create.isPending} onClick={onClose}>
        Cancel
      </button>
    </>
  );

  const collectionName = collectionList.find((collection) => collection.id === form.settings.collectionId)?.name;
  return (
    <Wizard
      title={TEMPLATE_WIZARD_TITLE}
      pages={PAGES}
      currentId={pageId}
      banner={BANNERS[pageId]}
      onClose={create.isPending ? () => undefined : onClose}
      footer={footer}
    >
      {cannotCreate && !done ? (
        <p id="template-wizard-cannot-create" role="alert" className="mb-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          The deployment template cannot be created: {asSentence(cannotCreate)}
        </p>
      ) : null}
      {refusal && !done ? (
        <p role="alert" className="mb-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          The deployment template was not created: {refusal}
        </p>
      ) : null}
      {pageId === 'summary' ? (
        <div className="space-y-2">
          <p>The deployment template will be created with these settings:</p>
          <TemplateSummary form={form} collectionName={collectionName ?? null} />
          {create.isPending ? <p role="status">Creating the deployment template…</p> : null}
        </div>
      ) : done ? (
        <div className="space-y-2">
          <p role="status">
            The deployment template <strong>{created?.name}</strong> ({created?.id}) was created by {admin}.
          </p>
          <p>
            It is listed under Deployment Templates. Its settings fill in the Deploy Software Updates Wizard when it is
            chosen on the Template Selection page, or when an update list is dragged onto it.
          </p>
        </div>
      ) : (
        <TemplatePage
          page={pageId}
          form={form}
          errors={errors}
          collections={collectionList}
          autoFocus
          onChange={(nextForm) => {
            setForm(nextForm);
            if (Object.keys(errors).length > 0) setErrors({});
          }}
        />
      )}
    </Wizard>
  );
}
