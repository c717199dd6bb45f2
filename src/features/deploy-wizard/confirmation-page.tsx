import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { listPageQuery } from '@/api/resources';
import { siteJobsQuery } from '@/api/site-clock';
import type { CreateDeploymentRequest, DeploymentResponse } from '@/domain/contract/deployment-contract';
import { formatCount, formatDateTime } from '@/domain/format';
import type { DeploymentPackage } from '@/domain/model/site-objects';
import { PAGE_TITLES, type PageId } from './deploy-wizard-pages';
import { Alert } from './form-parts';

interface ConfirmationPageProps {
  admin: string;
  request: CreateDeploymentRequest;
  result: DeploymentResponse | undefined;
  /** The server's refusal, and the page Previous goes back to so it can be fixed. */
  refusal: { message: string; page: PageId } | null;
}

/**
 * Confirmation: what the wizard made (the deployment and its ID, the package, the rollout job on the site clock, the
 * template saved), or the server's refusal, verbatim, with the page where it can be fixed.
 */
export function ConfirmationPage({ admin, request, result, refusal }: ConfirmationPageProps) {
  const jobs = useQuery({ ...siteJobsQuery(admin), enabled: result?.jobId != null });
  const packages = useQuery({
    ...listPageQuery(admin, 'deployment-packages', { sort: 'name:asc' }, 0),
    enabled: result?.item.deploymentPackageId != null,
  });
  if (refusal) {
    return (
      <div className="space-y-3">
        <Alert>The deployment was not created: {refusal.message}</Alert>
        <p>
          Choose Previous to go back to the {PAGE_TITLES[refusal.page]} page and change it, then create the deployment
          again from the Summary page; or choose Cancel.
        </p>
      </div>
    );
  }
  if (!result) return null;
  const { item } = result;
  const job = jobs.data?.jobs.find((candidate) => candidate.id === result.jobId);
  const pkg = (packages.data?.items as DeploymentPackage[] | undefined)?.find(
    (candidate) => candidate.id === item.deploymentPackageId,
  );
  const chosen = request.deploymentPackage;
  const packageName = pkg?.name ?? (chosen?.kind === 'new' ? chosen.name.trim() : null);
  const template = request.saveAsTemplate;
  return (
    <div className="space-y-3">
      <p role="status">The Deploy Software Updates Wizard completed successfully.</p>
      <dl className="grid grid-cols-[150px_1fr] gap-x-3 gap-y-0.5 border border-[#a5acb5] bg-white p-2">
        <Row term="Deployment">
          {item.name} (ID {item.id})
        </Row>
        <Row term="Software updates">{formatCount(item.updateIds.length)}</Row>
        <Row term="Collection">
          {item.collectionName} ({item.collectionId})
        </Row>
        <Row term="Deployment package">
          {item.deploymentPackageId
            ? packageName
              ? `${packageName} (${item.deploymentPackageId})`
              : item.deploymentPackageId
            : 'None: every software update was already downloaded'}
        </Row>
        {item.sms2003 ? (
          <Row term="SMS 2003 clients">
            Advertisement {item.sms2003.advertisementId} with the program {item.sms2003.programName}
          </Row>
        ) : null}
        <Row term="Available">{formatDateTime(item.availableTime)}</Row>
        <Row term="Deadline">{item.deadline ? formatDateTime(item.deadline) : 'None (optional)'}</Row>
        <Row term="Rollout">
          {result.jobId
            ? job
              ? `Job ${job.id} "${job.name}" runs on the site clock from ${formatDateTime(job.startedAt)} to ${formatDateTime(job.endsAt)}; follow it in Site Jobs.`
              : `Job ${result.jobId} runs on the site clock; follow it in Site Jobs.`
            : 'No rollout job was started.'}
        </Row>
        {result.savedTemplateId && template ? (
          <Row term="Template saved">
            {template.name.trim()} ({result.savedTemplateId})
          </Row>
        ) : null}
      </dl>
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
