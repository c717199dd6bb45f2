import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { deploymentEligibilityQuery } from '@/api/deployments';
import { listPageQuery, objectQuery } from '@/api/resources';
import { formatCount } from '@/domain/format';
import type { DeploymentTemplate, UpdateList } from '@/domain/model/site-objects';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { FieldNote } from '@/ui/form-fields';
import { asSentence } from './template-form';
import { MAX_UPDATES_IN_LINK, useRememberedUpdateSelection } from './update-drag';

export const DEPLOY_WITH_TEMPLATE_TITLE = 'Deploy with Template';

export interface DeployWithTemplateDialogProps {
  admin: string;
  /** The template chosen already ("Deploy with Template..." on a template), or null to ask for it. */
  templateId: string | null;
  /** The software updates chosen already (dropped on the Deployment Templates node), or null to ask for them. */
  updateIds: readonly string[] | null;
  onClose: () => void;
  /** Opens the Deploy Software Updates Wizard with the template and the updates. */
  onDeploy: (templateId: string, updateIds: string[]) => void;
}

type UpdateSource = 'update-list' | 'selection';

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/**
 * The keyboard's way to drag an update list onto a deployment template: the template (chosen, or asked for) and the
 * software updates (an update list, or those selected in Update Repository), then the Deploy Software Updates Wizard
 * with the template's settings. Says beforehand when the template would not be offered for these updates.
 */
export function DeployWithTemplateDialog(props: DeployWithTemplateDialogProps) {
  const { admin } = props;
  const templateSelectId = useId();
  const listSelectId = useId();
  const [chosenTemplateId, setChosenTemplateId] = useState<string>('');
  const [source, setSource] = useState<UpdateSource | null>(null);
  const [listId, setListId] = useState<string>('');
  const remembered = useRememberedUpdateSelection(admin);

  const fixedTemplate = useQuery({
    ...objectQuery(admin, 'deployment-templates', props.templateId ?? ''),
    enabled: props.templateId !== null,
  });
  const templates = useQuery({
    ...listPageQuery(admin, 'deployment-templates', {}, 0),
    enabled: props.templateId === null,
  });
  const lists = useQuery({ ...listPageQuery(admin, 'update-lists', {}, 0), enabled: props.updateIds === null });
  const updateLists = (lists.data?.items ?? []) as UpdateList[];

  const templateId = props.templateId ?? (chosenTemplateId || null);
  const templateName =
    (fixedTemplate.data?.item as DeploymentTemplate | undefined)?.name ??
    ((templates.data?.items ?? []) as DeploymentTemplate[]).find((template) => template.id === templateId)?.name ??
    templateId;

  // Where the updates come from: given, an update list, or the remembered Update Repository selection.
  const listsWhyNot = lists.isError
    ? lists.error.message
    : lists.data && updateLists.length === 0
      ? 'There are no update lists yet: the Update List Wizard makes them from selected software updates.'
      : null;
  const selectionWhyNot = !remembered
    ? 'No software updates are selected in Update Repository: select some there first.'
    : remembered.updateIds.length < remembered.selectedCount
      ? `${plural(remembered.selectedCount, 'software update is', 'software updates are')} selected in ${remembered.nodeName}, but only ${formatCount(remembered.updateIds.length)} could be named (at most ${formatCount(MAX_UPDATES_IN_LINK)}, and only rows shown so far): select fewer.`
      : null;
  const effectiveSource: UpdateSource | null =
    source ?? (selectionWhyNot === null ? 'selection' : listsWhyNot === null && lists.data ? 'update-list' : null);
  const chosenList = updateLists.find((list) => list.id === listId);
  const updateIds: string[] | null = props.updateIds
    ? [...props.updateIds]
    : effectiveSource === 'selection' && remembered && selectionWhyNot === null
      ? remembered.updateIds
      : effectiveSource === 'update-list' && chosenList
        ? chosenList.updateIds
        : null;

  const eligibility = useQuery({
    ...deploymentEligibilityQuery(admin, updateIds ?? []),
    enabled: templateId !== null && updateIds !== null && updateIds.length > 0,
  });
  const offer = eligibility.data?.templates.find((template) => template.id === templateId);
  const blocked =
    eligibility.data?.cannotCreate ??
    eligibility.data?.cannotDeploy ??
    (offer && !offer.offered ? offer.whyNot : null) ??
    (eligibility.isError ? eligibility.error.message : null);
  const missing =
    templateId === null
      ? 'Choose the deployment template.'
      : updateIds === null || updateIds.length === 0
        ? 'Choose the software updates to deploy.'
        : null;
  const canGo = missing === null && blocked === null && eligibility.isSuccess;

  return (
    <Dialog
      title={DEPLOY_WITH_TEMPLATE_TITLE}
      onClose={props.onClose}
      width={560}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={!canGo}
            aria-describedby="deploy-with-template-why"
            onClick={() => templateId && updateIds && props.onDeploy(templateId, updateIds)}
          >
            OK
          </button>
          <button type="button" className="win-button" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <div className="space-y-3">
        <p>
          Deploy software updates with the settings of a deployment template: the Deploy Software Updates Wizard opens
          with the template chosen, as when an update list is dragged onto the template.
        </p>
        {props.templateId !== null ? (
          <p>
            Deployment template: <strong>{templateName}</strong>
            {fixedTemplate.isError ? (
              <span role="alert" className="block text-[#a11]">
                {fixedTemplate.error.message}
              </span>
            ) : null}
          </p>
        ) : (
          <div className="grid grid-cols-[150px_1fr] items-center gap-2">
            <label htmlFor={templateSelectId}>Deployment template:</label>
            <select
              id={templateSelectId}
              className="win-input"
              value={chosenTemplateId}
              {...INITIAL_FOCUS}
              onChange={(event) => setChosenTemplateId(event.target.value)}
            >
              <option value="">(choose a template)</option>
              {((templates.data?.items ?? []) as DeploymentTemplate[]).map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
            {templates.isError ? (
              <p role="alert" className="col-span-2 text-[#a11]">
                {templates.error.message}
              </p>
            ) : null}
          </div>
        )}
        {props.updateIds !== null ? (
          <p>
            Software updates: <strong>{plural(props.updateIds.length, 'software update', 'software updates')}</strong>{' '}
            dropped on Deployment Templates.
          </p>
        ) : (
          <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
            <legend className="px-1">Software updates to deploy</legend>
            <div className="space-y-2">
              <div>
                <label className="flex items-start gap-1.5">
                  <input
                    type="radio"
                    name="deploy-with-template-source"
                    className="mt-0.5"
                    checked={effectiveSource === 'selection'}
                    disabled={selectionWhyNot !== null}
                    aria-describedby={selectionWhyNot ? 'deploy-with-template-selection-why' : undefined}
                    onChange={() => setSource('selection')}
                  />
                  <span>
                    {remembered && selectionWhyNot === null
                      ? `The ${plural(remembered.updateIds.length, 'software update', 'software updates')} selected in ${remembered.nodeName}`
                      : 'The software updates selected in Update Repository'}
                  </span>
                </label>
                {selectionWhyNot ? (
                  <div className="pl-5">
                    <FieldNote id="deploy-with-template-selection-why">{selectionWhyNot}</FieldNote>
                  </div>
                ) : null}
              </div>
              <div>
                <label className="flex items-start gap-1.5">
                  <input
                    type="radio"
                    name="deploy-with-template-source"
                    className="mt-0.5"
                    checked={effectiveSource === 'update-list'}
                    disabled={listsWhyNot !== null || !lists.data}
                    aria-describedby={listsWhyNot ? 'deploy-with-template-lists-why' : undefined}
                    onChange={() => setSource('update-list')}
                  />
                  <span>The software updates of an update list</span>
                </label>
                <div className="grid grid-cols-[110px_1fr] items-center gap-2 pl-5">
                  <label htmlFor={listSelectId}>Update list:</label>
                  <select
                    id={listSelectId}
                    className="win-input"
                    value={listId}
                    disabled={effectiveSource !== 'update-list'}
                    onChange={(event) => setListId(event.target.value)}
                  >
                    <option value="">(choose an update list)</option>
                    {updateLists.map((list) => (
                      <option key={list.id} value={list.id}>
                        {list.name} ({plural(list.updateIds.length, 'update', 'updates')})
                      </option>
                    ))}
                  </select>
                </div>
                {listsWhyNot ? (
                  <div className="pl-5">
                    <FieldNote id="deploy-with-template-lists-why">{listsWhyNot}</FieldNote>
                  </div>
                ) : null}
              </div>
            </div>
          </fieldset>
        )}
        <p id="deploy-with-template-why" role={blocked ? 'alert' : 'status'} className={blocked ? 'text-[#a11]' : ''}>
          {blocked
            ? asSentence(blocked)
            : missing
              ? missing
              : eligibility.isPending
                ? 'Checking the template against the software updates…'
                : `Choose OK to open the Deploy Software Updates Wizard with ${templateName ?? 'the template'}.`}
        </p>
      </div>
    </Dialog>
  );
}
