import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDisableDeploymentSms2003 } from '@/api/deployments';
import { objectQuery } from '@/api/resources';
import type { Deployment } from '@/domain/model/site-objects';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { CheckboxField, RadioGroup } from '@/ui/form-fields';

export const SMS2003_DEPLOY_LABEL = 'Deploy software updates to SMS 2003 clients';
export const SMS2003_CONFIRM_TITLE = 'Turn Off SMS 2003 Clients';

/** Why "Deploy software updates to SMS 2003 clients" cannot be changed on this deployment, or null. */
export function whySms2003SwitchLocked(deployment: Deployment, cannotModify: string | null): string | null {
  if (!deployment.deployToSms2003Clients) {
    return deployment.sms2003
      ? `It was switched off and cannot be turned on again: the SMS 2003 program ${deployment.sms2003.programName} and the advertisement ${deployment.sms2003.advertisementId} are disabled.`
      : 'This deployment was made for Configuration Manager clients only: SMS 2003 clients can be chosen only when a deployment is made.';
  }
  return cannotModify;
}

/**
 * A deployment's SMS 2003 Settings tab (shown only when every software update is Deployable to SMS 2003). Unticking
 * "Deploy software updates to SMS 2003 clients" asks first, because it cannot be undone, then switches the SMS 2003
 * program and advertisement off for good.
 */
export function Sms2003SettingsTab(props: { admin: string; deployment: Deployment; cannotModify: string | null }) {
  const { admin, deployment } = props;
  const queryClient = useQueryClient();
  const disable = useDisableDeploymentSms2003(admin);
  const [confirming, setConfirming] = useState(false);
  const locked = whySms2003SwitchLocked(deployment, props.cannotModify);
  const off = !deployment.deployToSms2003Clients;
  const closeConfirm = () => {
    setConfirming(false);
    disable.reset();
  };
  const confirm = () =>
    disable.mutate(deployment.id, {
      onSuccess: (response) => {
        queryClient.setQueryData(objectQuery(admin, 'deployments', deployment.id).queryKey, {
          item: response.item,
          rights: response.rights,
        });
        setConfirming(false);
      },
    });
  return (
    <div className="space-y-2">
      <CheckboxField
        label={SMS2003_DEPLOY_LABEL}
        checked={deployment.deployToSms2003Clients}
        disabled={locked !== null || disable.isPending}
        note={locked ?? 'Unticking it disables the SMS 2003 program and advertisement; it cannot be turned on again.'}
        onChange={(checked) => {
          if (!checked) setConfirming(true);
        }}
      />
      <CheckboxField
        label="Collect hardware inventory immediately"
        checked={deployment.collectInventoryImmediately}
        disabled
        onChange={() => undefined}
      />
      <RadioGroup
        legend="When a distribution point is available locally"
        value={deployment.sms2003LocalDistributionPoint}
        options={[
          { value: 'run-from-distribution-point', label: 'Run update installation from distribution point' },
          {
            value: 'download-and-run',
            label: 'Download updates from distribution point and then run update installation',
          },
        ]}
        disabled
        onChange={() => undefined}
      />
      {deployment.sms2003 ? (
        <dl className="grid grid-cols-[160px_1fr] gap-x-2 gap-y-0.5">
          <dt>SMS 2003 program:</dt>
          <dd>
            {deployment.sms2003.programName} ({deployment.sms2003.enabled ? 'enabled' : 'disabled'})
          </dd>
          <dt>SMS 2003 advertisement:</dt>
          <dd>
            {deployment.sms2003.advertisementId} ({deployment.sms2003.enabled ? 'enabled' : 'disabled'})
          </dd>
        </dl>
      ) : null}
      {off ? null : (
        <p className="text-[#444]">
          If this setting is turned off on an active deployment that includes SMS 2003 clients, it cannot be turned on
          again: the SMS 2003 program and advertisement are disabled.
        </p>
      )}
      {confirming ? (
        <Dialog
          title={SMS2003_CONFIRM_TITLE}
          onClose={closeConfirm}
          width={480}
          footer={
            <>
              <button type="button" className="win-button" disabled={disable.isPending} onClick={confirm}>
                Yes
              </button>
              {/* No is the safe answer, and the one focused first. */}
              <button type="button" className="win-button" {...INITIAL_FOCUS} onClick={closeConfirm}>
                No
              </button>
            </>
          }
        >
          <p>
            This cannot be undone: the SMS 2003 program {deployment.sms2003?.programName ?? ''} and advertisement{' '}
            {deployment.sms2003?.advertisementId ?? ''} of <strong>{deployment.name}</strong> are disabled, and &quot;
            {SMS2003_DEPLOY_LABEL}&quot; cannot be turned on again for this deployment. Its SMS 2003 clients get no more
            software updates from it.
          </p>
          <p className="mt-2">Do you want to turn it off?</p>
          {disable.isError ? (
            <p role="alert" className="mt-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
              The setting was not changed: {disable.error.message}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </div>
  );
}
