import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useUpdateDeploymentProperties } from '@/api/deployment-properties';
import { deploymentEligibilityQuery } from '@/api/deployments';
import { ApiRequestError } from '@/api/http';
import { objectQuery } from '@/api/resources';
import { sessionQuery } from '@/api/session';
import { formatDateTime } from '@/domain/format';
import type { Deployment } from '@/domain/model/site-objects';
import { PropertySheetDialog } from '@/ui/property-sheet-dialog';
import { CheckboxField, FieldGroup, RadioGroup } from '@/ui/form-fields';
import { Tabs, type TabDef } from '@/ui/tabs';
import { DeploymentCompliance } from './deployment-status';
import {
  checkForm,
  fieldOfRefusal,
  formFromDeployment,
  tabOfField,
  type DeploymentPropertiesErrors,
  type DeploymentPropertiesForm,
} from './deployment-properties-form';
import { GeneralFields, ScheduleFields, SoftwareUpdatesTab, type EditableTabProps } from './deployment-properties-tabs';
import { Sms2003SettingsTab } from './sms2003-settings-tab';
import { whyDeploymentIsReadOnly } from './deployment-read-only';
import { asSentence } from '@/ui/sentence';
import { RightsHeld } from '@/ui/rights-held';

/**
 * Whether the SMS 2003 Settings tab shows, as the server answers it for the deployment's software updates ("the
 * deployment-properties version of the tab is not shown if any update is not deployable to SMS 2003"): null while
 * it is asked, else the reason it is not shown ('' when it is).
 */
function useSms2003TabWhyNot(admin: string, deployment: Deployment | undefined): string | null {
  const eligibility = useQuery({
    ...deploymentEligibilityQuery(admin, deployment?.updateIds ?? []),
    enabled: deployment !== undefined && deployment.updateIds.length > 0,
  });
  if (!deployment) return null;
  if (deployment.updateIds.length === 0) return 'The deployment has no software updates.';
  if (eligibility.isError) {
    return `Whether every software update is Deployable to SMS 2003 cannot be checked: ${eligibility.error.message}`;
  }
  if (!eligibility.data) return null;
  return eligibility.data.sms2003SettingsWhyNot ?? '';
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}:</dt>
      <dd className="break-words">{children}</dd>
    </>
  );
}

function Rows({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[160px_1fr] gap-x-2 gap-y-1">{children}</dl>;
}

const noChange = () => undefined;

export interface DeploymentPropertiesDialogProps {
  admin: string;
  deploymentId: string;
  onClose: () => void;
}

/** "Removing ... cannot be done": a sentence from a server reason. */

/**
 * "<deployment name> Properties": General (name and description editable, with its rollout and compliance on the site
 * clock), Schedule (available time, deadline, UTC or client local time: editable), Software Updates, Collection, the
 * settings pages of the Deploy Software Updates Wizard, SMS 2003 Settings (only when every update is Deployable to SMS
 * 2003; there, SMS 2003 clients can be switched off for good) and Security. General and Schedule need Modify on the
 * deployment and are saved with OK or Apply; without it they are greyed and the dialog says why.
 */
export function DeploymentPropertiesDialog({ admin, deploymentId, onClose }: DeploymentPropertiesDialogProps) {
  const object = useQuery(objectQuery(admin, 'deployments', deploymentId));
  const deployment = object.data?.item as Deployment | undefined;
  const rights = object.data?.rights ?? [];
  const sms2003WhyNot = useSms2003TabWhyNot(admin, deployment);
  // The template's name, where the administrator may read the template (its ID otherwise).
  const template = useQuery({
    ...objectQuery(admin, 'deployment-templates', deployment?.templateId ?? ''),
    enabled: Boolean(deployment?.templateId),
    retry: false,
  });
  const templateName = (template.data?.item as { name?: string } | undefined)?.name;
  const title = deployment ? `${deployment.name} Properties` : 'Deployment Properties';
  const cannotModify = deployment ? whyDeploymentIsReadOnly(admin, deploymentId, rights) : null;
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery());
  const save = useUpdateDeploymentProperties(admin);
  const [edited, setEdited] = useState<DeploymentPropertiesForm | null>(null);
  const [errors, setErrors] = useState<DeploymentPropertiesErrors>({});
  const [tab, setTab] = useState('general');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const readOnlyNoteId = useId();
  const form = edited ?? (deployment ? formFromDeployment(deployment) : null);
  const editable: EditableTabProps | null = form
    ? {
        form,
        errors,
        readOnlyBecause: cannotModify,
        readOnlyNoteId,
        onChange: (next) => {
          setEdited(next);
          setSavedNote(null);
          if (Object.keys(errors).length > 0) setErrors({});
        },
      }
    : null;

  const apply = (andClose: boolean) => {
    setRefusal(null);
    setSavedNote(null);
    if (!edited || cannotModify) {
      if (andClose) onClose();
      return;
    }
    const checked = checkForm(edited);
    const first = Object.keys(checked.errors)[0] as keyof DeploymentPropertiesErrors | undefined;
    if (!checked.request || first) {
      setErrors(checked.errors);
      if (first) setTab(tabOfField(first));
      return;
    }
    save.mutate(
      { id: deploymentId, ...checked.request },
      {
        onSuccess: (response) => {
          // The saved deployment at once, so the tabs never show the old values while it is read again.
          queryClient.setQueryData(objectQuery(admin, 'deployments', deploymentId).queryKey, response);
          setEdited(null);
          setErrors({});
          if (andClose) onClose();
          else setSavedNote('The changes to the deployment were saved.');
        },
        onError: (failure) => {
          const field =
            failure instanceof ApiRequestError && failure.status !== 403
              ? fieldOfRefusal({ field: failure.field, rule: failure.rule })
              : null;
          if (field) {
            setErrors({ [field]: asSentence(failure.message) });
            setTab(tabOfField(field));
          }
          setRefusal(failure.message);
        },
      },
    );
  };

  const tabs: TabDef[] = [];
  if (deployment && editable) {
    const d = deployment;
    tabs.push(
      {
        id: 'general',
        title: 'General',
        content: (
          <GeneralFields tab={editable}>
            <Rows>
              <Row label="Deployment ID">{d.id}</Row>
              <Row label="Software updates">{d.updateIds.length}</Row>
              <Row label="Deployment template">
                {d.templateId ? (templateName ? `${templateName} (${d.templateId})` : d.templateId) : '(none)'}
              </Row>
              <Row label="Deployment package">{d.deploymentPackageId ?? '(none)'}</Row>
              <Row label="Created by">{d.createdBy}</Row>
              <Row label="Date created">{formatDateTime(d.createdAt)}</Row>
            </Rows>
            <DeploymentCompliance admin={admin} deployment={d} />
            {sms2003WhyNot ? (
              <p role="note" className="border border-[#7a9cc6] bg-[#eef4fb] p-2">
                The SMS 2003 Settings tab is not shown: {sms2003WhyNot}
              </p>
            ) : null}
          </GeneralFields>
        ),
      },
      {
        id: 'schedule',
        title: 'Schedule',
        content: <ScheduleFields tab={editable} siteNow={session.data?.clock ?? null} />,
      },
      {
        id: 'software-updates',
        title: 'Software Updates',
        content: <SoftwareUpdatesTab admin={admin} deploymentId={d.id} />,
      },
      {
        id: 'collection',
        title: 'Collection',
        content: (
          <div className="space-y-2">
            <Rows>
              <Row label="Collection">
                {d.collectionName} ({d.collectionId})
              </Row>
            </Rows>
            <CheckboxField
              label="Include members of subcollections"
              checked={d.includeSubCollections}
              disabled
              onChange={noChange}
            />
          </div>
        ),
      },
      {
        id: 'display-time',
        title: 'Display/Time Settings',
        content: (
          <div className="space-y-2">
            <CheckboxField
              label="Allow display notifications on clients"
              checked={d.showNotifications}
              disabled
              onChange={noChange}
            />
            <RadioGroup
              legend="Time based on"
              value={d.useUtc ? 'utc' : 'local'}
              options={[
                { value: 'local', label: 'Client local time' },
                { value: 'utc', label: 'UTC' },
              ]}
              disabled
              onChange={noChange}
            />
            <Rows>
              <Row label="Duration">
                {d.duration} {d.durationUnits.toLowerCase()}
              </Row>
            </Rows>
          </div>
        ),
      },
      {
        id: 'restart',
        title: 'Restart Settings',
        content: (
          <div className="space-y-2">
            <FieldGroup legend="Suppress system restart on">
              <CheckboxField label="Servers" checked={d.suppressRestartServers} disabled onChange={noChange} />
              <CheckboxField
                label="Workstations"
                checked={d.suppressRestartWorkstations}
                disabled
                onChange={noChange}
              />
            </FieldGroup>
            <FieldGroup legend="System restart outside maintenance windows">
              <CheckboxField
                label="Allow system restart outside maintenance windows"
                checked={d.allowRestartOutsideMaintenanceWindows}
                disabled
                onChange={noChange}
              />
            </FieldGroup>
          </div>
        ),
      },
      {
        id: 'event-generation',
        title: 'Event Generation',
        content: (
          <FieldGroup legend="Operations Manager">
            <CheckboxField
              label="Disable Operations Manager alerts while software updates install"
              checked={d.disableOperationsManagerAlerts}
              disabled
              onChange={noChange}
            />
            <CheckboxField
              label="Generate Operations Manager alert when a software update installation fails"
              checked={d.generateOperationsManagerAlertOnFailure}
              disabled
              onChange={noChange}
            />
          </FieldGroup>
        ),
      },
      {
        id: 'download',
        title: 'Download Settings',
        content: (
          <div className="space-y-2">
            <RadioGroup
              legend="When a client is connected within a slow or unreliable network boundary"
              value={d.slowBoundary}
              options={[
                { value: 'do-not-install', label: 'Do not install software updates' },
                {
                  value: 'download-and-install',
                  label: 'Download software updates from distribution point and install',
                },
              ]}
              disabled
              onChange={noChange}
            />
            <RadioGroup
              legend="When software updates are not available on the protected distribution point"
              value={d.unprotectedDistributionPoint}
              options={[
                { value: 'do-not-install', label: 'Do not install software updates' },
                {
                  value: 'download-and-install',
                  label: 'Download software updates from unprotected distribution point and install',
                },
              ]}
              disabled
              onChange={noChange}
            />
          </div>
        ),
      },
    );
    if (sms2003WhyNot === '') {
      tabs.push({
        id: 'sms2003',
        title: 'SMS 2003 Settings',
        content: <Sms2003SettingsTab admin={admin} deployment={d} cannotModify={cannotModify} />,
      });
    }
    tabs.push({
      id: 'security',
      title: 'Security',
      content: <RightsHeld who={admin} what="deployment" rights={rights} />,
    });
  }

  const dirty = edited !== null;
  return (
    <PropertySheetDialog
      title={title}
      width={680}
      onClose={onClose}
      onSave={apply}
      saving={save.isPending}
      changed={dirty}
      loading={object.isPending}
      loadError={object.isError ? object.error.message : null}
      readOnlyNote={cannotModify ? `General and Schedule are read-only: ${asSentence(cannotModify)}` : null}
      readOnlyNoteId={readOnlyNoteId}
      refusalNote={refusal ? `The deployment was not saved: ${refusal}` : null}
      savedNote={savedNote}
    >
      {deployment ? (
        <>
          <Tabs label={title} tabs={tabs} activeId={tab} onActiveChange={setTab} />
          <p className="mt-2 text-[#444]">
            General and Schedule can be changed here; the other settings are shown as the deployment was made, except
            &quot;Deploy software updates to SMS 2003 clients&quot;, which can be switched off for good.
          </p>
        </>
      ) : null}
    </PropertySheetDialog>
  );
}
