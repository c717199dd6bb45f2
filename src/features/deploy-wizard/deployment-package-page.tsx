import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { listPageQuery } from '@/api/resources';
import { formatCount } from '@/domain/format';
import {
  MAX_DEPLOYMENT_PACKAGE_DESCRIPTION,
  MAX_DEPLOYMENT_PACKAGE_NAME,
  type DeploymentPackage,
} from '@/domain/model/site-objects';
import { FieldError, Group, Note, Radio, TextField } from './form-parts';
import type { PageProps } from './page-props';

interface DeploymentPackagePageProps extends PageProps {
  admin: string;
  /** Why the administrator may not create a deployment package (the server's words), or null. */
  cannotCreatePackage: string | null;
}

/**
 * Deployment Package: "Select a deployment package" (the site's deployment packages) or "Create a new deployment
 * package" (name up to 50 characters, description up to 127, the package source as a UNC path).
 */
export function DeploymentPackagePage(props: DeploymentPackagePageProps) {
  const { form, errors, change, admin, cannotCreatePackage } = props;
  const selectId = useId();
  const selectErrorId = `${selectId}-error`;
  const cannotCreateId = useId();
  const cannotSelectId = useId();
  const packages = useQuery(listPageQuery(admin, 'deployment-packages', { sort: 'name:asc' }, 0));
  const items = (packages.data?.items ?? []) as DeploymentPackage[];
  const cannotSelect = packages.isError
    ? packages.error.message
    : packages.data && items.length === 0
      ? 'There is no deployment package yet.'
      : null;
  const existing = form.packageChoice === 'existing';
  const chosen = items.find((pkg) => pkg.id === form.existingPackageId);
  return (
    <div className="space-y-3">
      <Group legend="Deployment package">
        <Radio
          name="package-choice"
          label="Select a deployment package"
          checked={existing}
          disabled={cannotSelect !== null || packages.isPending}
          describedBy={cannotSelect ? cannotSelectId : undefined}
          onChange={() => change({ packageChoice: 'existing' })}
        />
        {cannotSelect ? (
          <p id={cannotSelectId} className="ml-6 text-[#555]">
            {cannotSelect}
          </p>
        ) : null}
        <div className="ml-6 grid grid-cols-[140px_1fr] items-center gap-x-2 gap-y-0.5">
          <label htmlFor={selectId}>Deployment package</label>
          <select
            id={selectId}
            data-field="existingPackageId"
            className="win-input"
            value={form.existingPackageId}
            disabled={!existing}
            aria-invalid={errors.existingPackageId ? true : undefined}
            aria-describedby={errors.existingPackageId ? selectErrorId : undefined}
            onChange={(event) => change({ existingPackageId: event.target.value })}
          >
            <option value="">(choose a deployment package)</option>
            {items.map((pkg) => (
              <option key={pkg.id} value={pkg.id}>
                {pkg.name} ({pkg.id})
              </option>
            ))}
          </select>
          <div className="col-start-2">
            <FieldError id={selectErrorId} error={errors.existingPackageId} />
            {chosen && existing ? (
              <p className="text-[#555]">
                {chosen.sourcePath}, {formatCount(chosen.updateIds.length)} software updates
              </p>
            ) : null}
          </div>
        </div>
        <Radio
          name="package-choice"
          label="Create a new deployment package"
          checked={!existing}
          disabled={cannotCreatePackage !== null}
          describedBy={cannotCreatePackage ? cannotCreateId : undefined}
          onChange={() => change({ packageChoice: 'new' })}
        />
        {cannotCreatePackage ? (
          <p id={cannotCreateId} className="ml-6 text-[#555]">
            {cannotCreatePackage}.
          </p>
        ) : null}
        <div className="space-y-1.5">
          <TextField
            indent
            field="newPackageName"
            label="Name"
            value={form.newPackageName}
            error={errors.newPackageName}
            hint={`Up to ${MAX_DEPLOYMENT_PACKAGE_NAME} characters.`}
            disabled={existing}
            onChange={(newPackageName) => change({ newPackageName })}
          />
          <TextField
            indent
            field="newPackageDescription"
            label="Description"
            value={form.newPackageDescription}
            error={errors.newPackageDescription}
            hint={`Up to ${MAX_DEPLOYMENT_PACKAGE_DESCRIPTION} characters.`}
            disabled={existing}
            onChange={(newPackageDescription) => change({ newPackageDescription })}
          />
          <TextField
            indent
            field="newPackageSource"
            label="Package source"
            value={form.newPackageSource}
            error={errors.newPackageSource}
            placeholder="\\CEN-SMS01\PkgSrc$\Updates\MS08-067"
            hint="A UNC path the site server can write to: the software updates are downloaded there."
            disabled={existing}
            onChange={(newPackageSource) => change({ newPackageSource })}
          />
        </div>
      </Group>
      {form.settings.deployToSms2003Clients ? (
        <Note>
          This deployment targets SMS 2003 clients: every software update that is not in the package yet is downloaded
          into it, even one that already sits in another package.
        </Note>
      ) : null}
    </div>
  );
}
