import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { listPageQuery } from '@/api/resources';
import type { EligibilityResponse } from '@/domain/contract/deployment-contract';
import { formatCount, formatDateTime, formatYesNo } from '@/domain/format';
import type { Collection, DeploymentPackage } from '@/domain/model/site-objects';
import type { CreateDeploymentRequest } from '@/domain/contract/deployment-contract';
import { durationInWords } from './deploy-wizard-form';
import type { PageId } from './deploy-wizard-pages';
import { Check, Group, TextField } from './form-parts';
import type { PageProps } from './page-props';

interface SummaryPageProps extends PageProps {
  admin: string;
  eligibility: EligibilityResponse;
  pages: readonly PageId[];
  /** The request Next sends, as the pages built it. */
  request: CreateDeploymentRequest;
}

const DOWNLOAD_OPTION_TEXT = {
  'do-not-install': 'Do not install software updates',
  'download-and-install': 'Download software updates from distribution point and install',
} as const;

/** Summary: every choice, page by page, and "Save these settings as a template". */
export function SummaryPage(props: SummaryPageProps) {
  const { admin, eligibility, pages, request, form, errors, change } = props;
  const whyNoTemplateId = useId();
  const collections = useQuery(listPageQuery(admin, 'collections', { sort: 'name:asc' }, 0));
  const packages = useQuery({
    ...listPageQuery(admin, 'deployment-packages', { sort: 'name:asc' }, 0),
    enabled: request.deploymentPackage?.kind === 'existing',
  });
  const collection = (collections.data?.items as Collection[] | undefined)?.find(
    (candidate) => candidate.id === request.settings.collectionId,
  );
  const template = eligibility.templates.find((candidate) => candidate.id === request.templateId);
  const { settings } = request;
  const choice = request.deploymentPackage;
  const existingPackage =
    choice?.kind === 'existing'
      ? (packages.data?.items as DeploymentPackage[] | undefined)?.find((pkg) => pkg.id === choice.id)
      : undefined;
  const cannotSave = eligibility.cannotSaveTemplate;

  return (
    <div className="space-y-3">
      <p>The wizard will create this deployment. Choose Next to create it, or Previous to change a choice.</p>
      <div
        role="region"
        aria-label="Choices"
        // Scrolls when the choices are more than the page shows: focusable, so the keyboard scrolls it too.
        tabIndex={0}
        className="max-h-[230px] overflow-auto border border-[#a5acb5] bg-white p-2"
      >
        <dl className="grid grid-cols-[190px_1fr] gap-x-3 gap-y-0.5">
          <Row term="Software updates">{formatCount(request.updateIds.length)}</Row>
          {eligibility.legacyWarning ? (
            <Row term="LEGACY software updates">
              {form.acknowledgeLegacy ? 'Deployed anyway (confirmed)' : 'Not confirmed'}
            </Row>
          ) : null}
          <Row term="Deployment template">{template ? template.name : 'None: a new deployment'}</Row>
          <Row term="Name">{request.name.trim()}</Row>
          <Row term="Description">{request.description.trim() || '(none)'}</Row>
          <Row term="Collection">
            {collection ? `${collection.name} (${collection.id})` : (settings.collectionId ?? '(none)')}
            {settings.includeSubCollections ? ', with its subcollections' : ''}
          </Row>
          <Row term="Display notifications">{settings.showNotifications ? 'Allowed' : 'Suppressed'}</Row>
          <Row term="Time based on">{settings.useUtc ? 'UTC' : 'Client local time'}</Row>
          <Row term="Duration">{durationInWords(settings.duration, settings.durationUnits)}</Row>
          <Row term="Suppress restart on servers">{formatYesNo(settings.suppressRestartServers)}</Row>
          <Row term="Suppress restart on workstations">{formatYesNo(settings.suppressRestartWorkstations)}</Row>
          <Row term="Restart outside maintenance windows">
            {settings.allowRestartOutsideMaintenanceWindows ? 'Allowed' : 'Not allowed'}
          </Row>
          <Row term="Operations Manager alerts">
            {settings.disableOperationsManagerAlerts ? 'Disabled while installing' : 'Not disabled'}
            {settings.generateOperationsManagerAlertOnFailure ? '; an alert when an installation fails' : ''}
          </Row>
          <Row term="Slow or unreliable boundary">{DOWNLOAD_OPTION_TEXT[settings.slowBoundary]}</Row>
          <Row term="No protected distribution point">
            {DOWNLOAD_OPTION_TEXT[settings.unprotectedDistributionPoint]}
          </Row>
          <Row term="Deploy to SMS 2003 clients">
            {pages.includes('sms2003-settings')
              ? formatYesNo(settings.deployToSms2003Clients) +
                (settings.deployToSms2003Clients && settings.collectInventoryImmediately
                  ? ', collecting hardware inventory immediately'
                  : '')
              : `No: ${eligibility.sms2003SettingsWhyNot ?? ''}`}
          </Row>
          <Row term="Deployment package">
            {choice === null
              ? 'None needed: every software update is already downloaded.'
              : choice.kind === 'existing'
                ? existingPackage
                  ? `${existingPackage.name} (${existingPackage.id})`
                  : choice.id
                : `New: ${choice.name.trim()}, source ${choice.sourcePath}`}
          </Row>
          {choice !== null ? (
            <>
              <Row term="Download from">
                {request.downloadFrom.kind === 'internet' ? 'The Internet' : request.downloadFrom.path}
              </Row>
              <Row term="Languages">{request.languages.join(', ')}</Row>
            </>
          ) : null}
          <Row term="Available">
            {request.availableTime ? formatDateTime(request.availableTime) : 'As soon as possible'}
          </Row>
          <Row term="Deadline">{request.deadline ? formatDateTime(request.deadline) : 'None (optional)'}</Row>
        </dl>
      </div>
      <Group legend="Deployment template">
        <Check
          label="Save these settings as a template"
          checked={form.saveAsTemplate}
          disabled={cannotSave !== null}
          describedBy={cannotSave ? whyNoTemplateId : undefined}
          onChange={(saveAsTemplate) => change({ saveAsTemplate })}
        />
        {cannotSave ? (
          <p id={whyNoTemplateId} className="ml-6 text-[#555]">
            {cannotSave}.
          </p>
        ) : null}
        <TextField
          indent
          field="templateName"
          label="Template name"
          value={form.templateName}
          error={errors.templateName}
          disabled={!form.saveAsTemplate}
          onChange={(templateName) => change({ templateName })}
        />
        <TextField
          indent
          field="templateDescription"
          label="Template description"
          value={form.templateDescription}
          error={errors.templateDescription}
          disabled={!form.saveAsTemplate}
          onChange={(templateDescription) => change({ templateDescription })}
        />
      </Group>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[#444]">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
