import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { deploymentPackagePropertiesQuery, useUpdateDeploymentPackage } from '@/api/deployment-packages';
import { ApiRequestError } from '@/api/http';
import { whyCannotOnDeploymentPackage } from '@/domain/deployment-packages/deployment-package-rights';
import { whyPackageDescriptionInvalid } from '@/domain/deployment-packages/deployment-package-operations';
import { formatCount, formatDateTime } from '@/domain/format';
import { MAX_DEPLOYMENT_PACKAGE_DESCRIPTION, MAX_DEPLOYMENT_PACKAGE_NAME } from '@/domain/model/site-objects';
import { RightsIndex, type Right } from '@/domain/rights/rights';
import { PropertySheetDialog } from '@/ui/property-sheet-dialog';
import { Tabs, type TabDef } from '@/ui/tabs';
import { asSentence } from '@/ui/sentence';
import { RightsHeld } from '@/ui/rights-held';

/** Why the administrator may not change the package, from the rights the server sent (the PATCH rule), or null. */
export function whyPackageIsReadOnly(admin: string, packageId: string, rights: readonly Right[]): string | null {
  const held = new RightsIndex([
    { account: admin, objectType: 'DeploymentPackage', instanceIds: [packageId], rights: [...rights] },
  ]);
  return whyCannotOnDeploymentPackage(held, admin, packageId, 'Modify');
}

export interface DeploymentPackagePropertiesDialogProps {
  admin: string;
  packageId: string;
  onClose: () => void;
}

/** A small list table in the property page style (a header row over white rows). */
const TABLE =
  'w-full border-collapse border border-[#a5acb5] bg-white [&_td]:border-t [&_td]:border-[#e3e3e3] [&_td]:px-1.5 [&_td]:py-0.5 [&_th]:border-b [&_th]:border-[#a5acb5] [&_th]:bg-[#f0f0f0] [&_th]:px-1.5 [&_th]:py-0.5 [&_th]:text-left [&_th]:font-normal';

/**
 * "<package name> Properties": General (name and description, editable with Modify on the package and saved with
 * PATCH), Data Source (source path and the state of its content), Data Access (its access accounts), Distribution
 * Settings (its distribution points and their status) and Security (the rights held on it).
 */
export function DeploymentPackagePropertiesDialog({
  admin,
  packageId,
  onClose,
}: DeploymentPackagePropertiesDialogProps) {
  const queryClient = useQueryClient();
  const query = deploymentPackagePropertiesQuery(admin, packageId);
  const properties = useQuery(query);
  const update = useUpdateDeploymentPackage(admin);
  const [edited, setEdited] = useState<{ name: string; description: string } | null>(null);
  const [errors, setErrors] = useState<{ name?: string; description?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);

  const data = properties.data;
  const pkg = data?.item;
  const readOnlyBecause = data ? whyPackageIsReadOnly(admin, packageId, data.rights) : null;
  const readOnly = readOnlyBecause !== null;
  const form = edited ?? (pkg ? { name: pkg.name, description: pkg.description } : null);
  const title = pkg ? `${pkg.name} Properties` : 'Deployment Package Properties';

  const save = (andClose: boolean) => {
    setRefusal(null);
    setSavedNote(null);
    if (!edited || readOnly) {
      if (andClose) onClose();
      return;
    }
    const problems: typeof errors = {};
    if (edited.name.trim() === '') problems.name = 'Type a name for the package.';
    else if (edited.name.trim().length > MAX_DEPLOYMENT_PACKAGE_NAME) {
      problems.name = `The name must be at most ${MAX_DEPLOYMENT_PACKAGE_NAME} characters.`;
    }
    const description = whyPackageDescriptionInvalid(edited.description);
    if (description) problems.description = description;
    if (problems.name || problems.description) {
      setErrors(problems);
      return;
    }
    update.mutate(
      { id: packageId, ...edited },
      {
        onSuccess: (response) => {
          queryClient.setQueryData(query.queryKey, response);
          setEdited(null);
          setErrors({});
          if (andClose) onClose();
          else setSavedNote('The changes to the deployment package were saved.');
        },
        onError: (failure) => {
          if (failure instanceof ApiRequestError && failure.status === 409) {
            setErrors(
              failure.rule === 'package-description-invalid'
                ? { description: failure.message }
                : { name: failure.message },
            );
          }
          setRefusal(failure.message);
        },
      },
    );
  };

  const edit = (patch: Partial<{ name: string; description: string }>) => {
    if (!form) return;
    setEdited({ ...form, ...patch });
    setSavedNote(null);
    setErrors({});
  };

  const tabs: TabDef[] =
    data && pkg && form
      ? [
          {
            id: 'general',
            title: 'General',
            content: (
              <div className="space-y-2">
                <EditField
                  label="Name"
                  value={form.name}
                  error={errors.name}
                  hint={`Up to ${MAX_DEPLOYMENT_PACKAGE_NAME} characters.`}
                  readOnly={readOnly}
                  onChange={(name) => edit({ name })}
                />
                <EditField
                  label="Description"
                  value={form.description}
                  error={errors.description}
                  hint={`Up to ${MAX_DEPLOYMENT_PACKAGE_DESCRIPTION} characters.`}
                  readOnly={readOnly}
                  multiline
                  onChange={(description) => edit({ description })}
                />
                <Facts>
                  <Fact term="Package ID">{pkg.id}</Fact>
                  <Fact term="Created by">{pkg.createdBy}</Fact>
                  <Fact term="Software updates">{formatCount(pkg.updateIds.length)}</Fact>
                </Facts>
              </div>
            ),
          },
          {
            id: 'data-source',
            title: 'Data Source',
            content: (
              <div className="space-y-2">
                <Facts>
                  <Fact term="Package source path">{pkg.sourcePath}</Fact>
                  <Fact term="Content version">{data.content.version}</Fact>
                  <Fact term="Size">{formatCount(data.content.sizeKb)} KB</Fact>
                  <Fact term="Software updates">{formatCount(data.content.updateCount)}</Fact>
                  <Fact term="Last download">
                    {pkg.lastDownload
                      ? `${formatDateTime(pkg.lastDownload.at)}, ${pkg.lastDownload.succeeded ? 'succeeded' : 'failed'} (job ${pkg.lastDownload.jobId})`
                      : 'Downloaded by the deployment that created it'}
                  </Fact>
                </Facts>
                <p role="status" className={data.content.current ? '' : 'border border-[#c9a13b] bg-[#fff8dc] p-2'}>
                  {data.content.text}
                </p>
                <p className="text-[#555]">
                  The package source path is where the Download Updates Wizard put the files; it is kept as it was
                  chosen.
                </p>
              </div>
            ),
          },
          {
            id: 'data-access',
            title: 'Data Access',
            content: (
              <div className="space-y-2">
                <p>Access to the package share on the distribution points (its Access Accounts):</p>
                <table className={TABLE} aria-label="Access accounts">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Type</th>
                      <th scope="col">Access</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.accessAccounts.map((account) => (
                      <tr key={account.id}>
                        <td>{account.name}</td>
                        <td>{account.type}</td>
                        <td>{account.access}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ),
          },
          {
            id: 'distribution-settings',
            title: 'Distribution Settings',
            content: (
              <div className="space-y-2">
                <p>The distribution points that hold the package, and its status on each:</p>
                <table className={TABLE} aria-label="Distribution points">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Status</th>
                      <th scope="col">Version</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.distributionPoints.map((point) => (
                      <tr key={point.id}>
                        <td>{point.name}</td>
                        <td title={point.statusDetail}>{point.status}</td>
                        <td>{point.version}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {data.distributionPoints.length === 0 ? <p>The package is on no distribution point.</p> : null}
                {data.runningJobId ? (
                  <p>Job {data.runningJobId} is downloading software updates into it; see Site Jobs.</p>
                ) : null}
              </div>
            ),
          },
          {
            id: 'security',
            title: 'Security',
            content: <RightsHeld who={admin} what="deployment package" rights={data.rights} />,
          },
        ]
      : [];

  return (
    <PropertySheetDialog
      title={title}
      width={640}
      onClose={onClose}
      onSave={save}
      saving={update.isPending}
      changed={edited !== null}
      loading={properties.isPending}
      loadError={properties.isError ? properties.error.message : null}
      readOnlyNote={readOnlyBecause ? `These properties are read-only: ${asSentence(readOnlyBecause)}` : null}
      refusalNote={refusal ? `The deployment package was not saved: ${refusal}` : null}
      savedNote={savedNote}
    >
      {tabs.length > 0 ? <Tabs label={title} tabs={tabs} /> : null}
    </PropertySheetDialog>
  );
}

function EditField(props: {
  label: string;
  value: string;
  error?: string;
  hint: string;
  readOnly: boolean;
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const id = `package-${props.label.toLowerCase()}`;
  const describedBy = [props.error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');
  const common = {
    id,
    value: props.value,
    readOnly: props.readOnly,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
    className: 'win-input w-full',
  } as const;
  return (
    <div className="grid grid-cols-[150px_1fr] items-start gap-x-3 gap-y-0.5">
      <label htmlFor={id} className="pt-0.5">
        {props.label}:
      </label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={3}
          className="win-input w-full resize-none"
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
      <span id={`${id}-hint`} className="col-start-2 text-[#555]">
        {props.hint}
      </span>
      {props.error ? (
        <p id={`${id}-error`} className="col-start-2 text-[#a11]">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[150px_1fr] gap-x-3 gap-y-0.5">{children}</dl>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[#444]">{term}:</dt>
      <dd className="break-all">{children}</dd>
    </>
  );
}
