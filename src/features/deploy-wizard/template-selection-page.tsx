import { useId } from 'react';
import type { EligibilityResponse } from '@/domain/contract/deployment-contract';
import { explainRefusal } from '@/domain/explanations/explanations';
import { PLANNING_TOPIC } from '@/domain/explanations/planning-topic';
import { formatCount } from '@/domain/format';
import type { DeploymentTemplate } from '@/domain/model/site-objects';
import { Alert, Check, Group, Note, Radio } from './form-parts';
import type { PageProps } from './page-props';

/** How many of the selected updates the page names; the rest are counted. */
const LISTED_UPDATES = 50;

export const LEGACY_ACKNOWLEDGEMENT =
  'I understand that LEGACY software updates should not be deployed, and deploy them anyway';

interface TemplateSelectionPageProps extends PageProps {
  eligibility: EligibilityResponse;
  /** The templates with all their settings (to pre-fill the pages); undefined while they load. */
  fullTemplates: readonly DeploymentTemplate[] | undefined;
  onChooseTemplate: (template: DeploymentTemplate | null) => void;
}

/**
 * Template Selection: the software updates to deploy, why they cannot be (if so), the LEGACY warning to confirm, and
 * "Use an existing deployment template" (the templates offered for these updates; the others listed, greyed out,
 * with the server's reason naming the updates that prevent them) or "Create a new deployment".
 */
export function TemplateSelectionPage(props: TemplateSelectionPageProps) {
  const { eligibility, form, errors, fullTemplates, onChooseTemplate } = props;
  const listId = useId();
  const noneId = useId();
  const offered = eligibility.templates.filter((template) => template.offered);
  /** Pre-fills the pages from the template's settings (read with the templates' list). */
  const chooseTemplate = (id: string | undefined) => {
    const full = fullTemplates?.find((template) => template.id === id);
    if (full) onChooseTemplate(full);
  };
  const loading = eligibility.templates.length > 0 && fullTemplates === undefined;
  const noneOffered =
    eligibility.templates.length === 0
      ? 'There is no deployment template to use.'
      : offered.length === 0
        ? 'No deployment template is offered for these software updates.'
        : null;
  const shown = eligibility.updates.slice(0, LISTED_UPDATES);
  const more = eligibility.updates.length - shown.length;

  return (
    <div className="space-y-3">
      {eligibility.cannotCreate ? <Alert>You cannot deploy software updates: {eligibility.cannotCreate}.</Alert> : null}
      {eligibility.cannotDeploy ? (
        <Alert>These software updates cannot be deployed: {eligibility.cannotDeploy}</Alert>
      ) : null}
      <div>
        <p id={listId}>Software updates to deploy ({formatCount(eligibility.updates.length)}):</p>
        <ul
          aria-labelledby={listId}
          // Scrolls when the updates are more than it shows: focusable, so the keyboard scrolls it too.
          tabIndex={0}
          className="max-h-[84px] overflow-auto border border-[#a5acb5] bg-white px-2 py-0.5"
        >
          {shown.map((update) => (
            <li key={update.id}>{update.title}</li>
          ))}
          {more > 0 ? <li className="text-[#555]">and {formatCount(more)} more</li> : null}
        </ul>
      </div>
      {eligibility.legacyWarning ? (
        <div className="space-y-1 border border-[#c9a13b] bg-[#fff8dc] p-2">
          <p>
            <span className="font-semibold">Warning: </span>
            {eligibility.legacyWarning}
          </p>
          <Check
            field="acknowledgeLegacy"
            label={LEGACY_ACKNOWLEDGEMENT}
            checked={form.acknowledgeLegacy}
            error={errors.acknowledgeLegacy}
            onChange={(acknowledgeLegacy) => props.change({ acknowledgeLegacy })}
          />
        </div>
      ) : null}
      <Group legend="Deployment template">
        <Radio
          name="template-choice"
          label="Use an existing deployment template"
          checked={form.templateId !== null}
          disabled={noneOffered !== null || loading}
          describedBy={noneOffered ? noneId : undefined}
          onChange={() => chooseTemplate(offered[0]?.id)}
        />
        {noneOffered ? (
          <p id={noneId} className="ml-6 text-[#555]">
            {noneOffered}
          </p>
        ) : null}
        {eligibility.templates.length > 0 ? (
          <fieldset className="ml-6 space-y-1">
            <legend className="sr-only">Deployment templates</legend>
            {loading ? <p className="text-[#555]">Loading the deployment templates…</p> : null}
            {eligibility.templates.map((template) => (
              <TemplateOption
                key={template.id}
                template={template}
                checked={form.templateId === template.id}
                disabled={!template.offered || loading}
                onChoose={() => chooseTemplate(template.id)}
              />
            ))}
          </fieldset>
        ) : null}
        <Radio
          name="template-choice"
          label="Create a new deployment"
          checked={form.templateId === null}
          onChange={() => onChooseTemplate(null)}
        />
      </Group>
      <Note>
        A template pre-fills the Collection, Display/Time, Restart, Event Generation, Download and SMS 2003 Settings
        pages; what you change there applies to this deployment only.
      </Note>
    </div>
  );
}

function TemplateOption(props: {
  template: EligibilityResponse['templates'][number];
  checked: boolean;
  disabled: boolean;
  onChoose: () => void;
}) {
  const { template } = props;
  const id = useId();
  const describedById = `${id}-why`;
  // The rule that keeps it out, with its section of the planning topic (see src/domain/explanations).
  const rule = template.offered ? null : explainRefusal(template.whyNot ?? '').rule;
  return (
    <div>
      <label className={`flex items-center gap-2 ${template.offered ? '' : 'text-[#6d6d6d]'}`}>
        <input
          type="radio"
          name="deployment-template"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={rule ? `${describedById} ${describedById}-rule` : describedById}
          onChange={props.onChoose}
        />
        {template.name}
      </label>
      <p id={describedById} className={`ml-6 ${template.offered ? 'text-[#555]' : 'text-[#8a5a00]'}`}>
        {template.offered
          ? template.description || 'No description.'
          : `${template.name} is not offered: ${template.whyNot ?? ''}`}
      </p>
      {rule ? (
        <p id={`${describedById}-rule`} className="ml-6 text-[#555]">
          Why? The rule: {rule.name} ({PLANNING_TOPIC}, &quot;{rule.section}&quot;).
        </p>
      ) : null}
    </div>
  );
}
