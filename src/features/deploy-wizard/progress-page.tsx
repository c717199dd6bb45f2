import { formatCount } from '@/domain/format';
import type { CreateDeploymentRequest } from '@/domain/contract/deployment-contract';

/** Progress: shown while the server creates the deployment (and downloads the updates into the package). */
export function ProgressPage({ request }: { request: CreateDeploymentRequest }) {
  const pkg = request.deploymentPackage;
  return (
    <div className="space-y-3">
      <p>Creating the deployment {request.name.trim()}…</p>
      <div role="progressbar" aria-label="Deployment progress" aria-valuetext="Working" className="win-progress">
        <div className="w-1/2 animate-pulse" />
      </div>
      <ul className="list-disc space-y-1 pl-5">
        <li>Checking the deployment with the site</li>
        {pkg ? (
          <li>
            Downloading {formatCount(request.updateIds.length)} software updates to the deployment package
            {pkg.kind === 'new' ? ` ${pkg.name.trim()}` : ''}
          </li>
        ) : null}
        <li>Creating the deployment and starting its rollout on the site clock</li>
        {request.saveAsTemplate ? (
          <li>Saving the settings as the template {request.saveAsTemplate.name.trim()}</li>
        ) : null}
      </ul>
    </div>
  );
}
