import { useId } from 'react';
import { Check, Group, Note, Radio } from './form-parts';
import type { PageProps } from './page-props';

/**
 * SMS 2003 Settings (shown only when every update is Deployable to SMS 2003): "Deploy software updates to SMS 2003
 * clients" creates a package, package instruction files and an advertisement for the SMS 2003 clients.
 */
export function Sms2003SettingsPage({ form, changeSettings }: PageProps) {
  const noteId = useId();
  const { settings } = form;
  const off = !settings.deployToSms2003Clients;
  return (
    <div className="space-y-3">
      <Check
        label="Deploy software updates to SMS 2003 clients"
        checked={settings.deployToSms2003Clients}
        describedBy={noteId}
        onChange={(deployToSms2003Clients) => changeSettings({ deployToSms2003Clients })}
      />
      <Note id={noteId}>
        Creates a package, package instruction files and an advertisement that reach the SMS 2003 clients of the
        collection (and are sent to child SMS 2003 sites). Turned off on an active deployment, it cannot be turned on
        again. The deployment then needs a deployment package, even if every software update is already downloaded.
      </Note>
      <div className="ml-6 space-y-2">
        <Check
          label="Collect hardware inventory immediately"
          checked={settings.collectInventoryImmediately}
          disabled={off}
          onChange={(collectInventoryImmediately) => changeSettings({ collectInventoryImmediately })}
        />
        <Group legend="When a distribution point is available locally">
          <Radio
            name="sms2003-local-dp"
            label="Run software update installation from distribution point"
            checked={settings.sms2003LocalDistributionPoint === 'run-from-distribution-point'}
            disabled={off}
            onChange={() => changeSettings({ sms2003LocalDistributionPoint: 'run-from-distribution-point' })}
          />
          <Radio
            name="sms2003-local-dp"
            label="Download software updates from distribution point and then run installation"
            checked={settings.sms2003LocalDistributionPoint === 'download-and-run'}
            disabled={off}
            onChange={() => changeSettings({ sms2003LocalDistributionPoint: 'download-and-run' })}
          />
        </Group>
      </div>
    </div>
  );
}
