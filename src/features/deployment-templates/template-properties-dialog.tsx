import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useUpdateDeploymentTemplate } from '@/api/deployments';
import { ApiRequestError } from '@/api/http';
import { listPageQuery, objectQuery } from '@/api/resources';
import { whyCannotOnDeploymentTemplate } from '@/domain/deployments/deployment-rights';
import { formatDateTime } from '@/domain/format';
import type { Collection, DeploymentTemplate } from '@/domain/model/site-objects';
import { RightsIndex, type Right } from '@/domain/rights/rights';
import { PropertySheetDialog } from '@/ui/property-sheet-dialog';
import { Tabs, type TabDef } from '@/ui/tabs';
import {
  asSentence,
  fieldOfRefusal,
  formFromTemplate,
  formProblems,
  pageOfField,
  requestFromForm,
  TEMPLATE_SETTINGS_PAGES,
  type TemplateErrors,
  type TemplateForm,
} from './template-form';
import { TemplatePage } from './template-pages';
import { RightsHeld } from '@/ui/rights-held';

/**
 * Why the administrator may not change this template, from the rights the server sent with it (the same rule the
 * server applies to PATCH), or null.
 */
export function whyTemplateIsReadOnly(admin: string, templateId: string, rights: readonly Right[]): string | null {
  const held = new RightsIndex([
    { account: admin, objectType: 'DeploymentTemplate', instanceIds: [templateId], rights: [...rights] },
  ]);
  return whyCannotOnDeploymentTemplate(held, admin, templateId, 'Modify');
}

export interface DeploymentTemplatePropertiesDialogProps {
  admin: string;
  templateId: string;
  onClose: () => void;
}

/**
 * "<template name> Properties": the template's settings, one tab a page of the Deployment Template Wizard, editable
 * with Modify on it and saved with PATCH (OK or Apply); read-only, with the reason, otherwise.
 */
export function DeploymentTemplatePropertiesDialog({
  admin,
  templateId,
  onClose,
}: DeploymentTemplatePropertiesDialogProps) {
  const queryClient = useQueryClient();
  const query = objectQuery(admin, 'deployment-templates', templateId);
  const object = useQuery(query);
  const collections = useQuery(listPageQuery(admin, 'collections', {}, 0));
  const update = useUpdateDeploymentTemplate(admin);
  const [edited, setEdited] = useState<TemplateForm | null>(null);
  const [errors, setErrors] = useState<TemplateErrors>({});
  const [tab, setTab] = useState<string>('general');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);

  const template = object.data?.item as DeploymentTemplate | undefined;
  const rights = object.data?.rights ?? [];
  const form = edited ?? (template ? formFromTemplate(template) : null);
  const readOnlyBecause = template ? whyTemplateIsReadOnly(admin, templateId, rights) : null;
  const readOnly = readOnlyBecause !== null;
  const title = template ? `${template.name} Properties` : 'Deployment Template Properties';
  const collectionList = ((collections.data?.items ?? []) as Collection[]).map(({ id, name }) => ({ id, name }));

  const save = (andClose: boolean) => {
    setRefusal(null);
    setSavedNote(null);
    if (!edited || readOnly) {
      if (andClose) onClose();
      return;
    }
    const problems = formProblems(edited);
    if (problems.firstPage) {
      setErrors(problems.errors);
      setTab(problems.firstPage);
      return;
    }
    update.mutate(
      { id: templateId, ...requestFromForm(edited) },
      {
        onSuccess: (response) => {
          // The saved template at once, so the tabs never show the old values while the object is read again.
          queryClient.setQueryData(query.queryKey, response);
          setEdited(null);
          setErrors({});
          if (andClose) onClose();
          else setSavedNote('The changes to the deployment template were saved.');
        },
        onError: (failure) => {
          const field =
            failure instanceof ApiRequestError && failure.status !== 403
              ? fieldOfRefusal(failure.rule, failure.field)
              : null;
          if (field) {
            setErrors({ [field]: asSentence(failure.message) });
            setTab(pageOfField(field));
          }
          setRefusal(failure.message);
        },
      },
    );
  };

  const tabs: TabDef[] =
    template && form
      ? [
          ...TEMPLATE_SETTINGS_PAGES.map((page) => ({
            id: page.id,
            title: page.title,
            content: (
              <div className="space-y-2">
                <TemplatePage
                  page={page.id}
                  form={form}
                  errors={errors}
                  readOnly={readOnly}
                  collections={collectionList}
                  onChange={(next) => {
                    setEdited(next);
                    setSavedNote(null);
                    if (Object.keys(errors).length > 0) setErrors({});
                  }}
                />
                {page.id === 'general' ? (
                  <dl className="grid grid-cols-[110px_1fr] gap-x-2 gap-y-0.5">
                    <dt>Template ID:</dt>
                    <dd>{template.id}</dd>
                    <dt>Created by:</dt>
                    <dd>{template.createdBy}</dd>
                    <dt>Date created:</dt>
                    <dd>{formatDateTime(template.createdAt)}</dd>
                  </dl>
                ) : null}
              </div>
            ),
          })),
          {
            id: 'security',
            title: 'Security',
            content: <RightsHeld who={admin} what="deployment template" rights={rights} />,
          },
        ]
      : [];

  const dirty = edited !== null;
  return (
    <PropertySheetDialog
      title={title}
      width={680}
      onClose={onClose}
      onSave={save}
      saving={update.isPending}
      changed={dirty}
      loading={object.isPending}
      loadError={object.isError ? object.error.message : null}
      readOnlyNote={readOnlyBecause ? `These properties are read-only: ${asSentence(readOnlyBecause)}` : null}
      refusalNote={refusal ? `The deployment template was not saved: ${refusal}` : null}
      savedNote={savedNote}
    >
      {template && form ? <Tabs label={title} tabs={tabs} activeId={tab} onActiveChange={setTab} /> : null}
    </PropertySheetDialog>
  );
}
