import { whyCannotModifyDeployment } from '@/domain/deployments/deployment-rights';
import { RightsIndex, type Right } from '@/domain/rights/rights';

/** Why the administrator may not change the deployment, from the rights the server sent with it, or null. */
export function whyDeploymentIsReadOnly(admin: string, deploymentId: string, rights: readonly Right[]): string | null {
  const held = new RightsIndex([
    { account: admin, objectType: 'Deployment', instanceIds: [deploymentId], rights: [...rights] },
  ]);
  return whyCannotModifyDeployment(held, admin, deploymentId);
}
