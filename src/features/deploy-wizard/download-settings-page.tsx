import { Group, Note, Radio } from './form-parts';
import type { PageProps } from './page-props';

/**
 * Download Settings: what clients in a slow or unreliable network boundary do, and clients whose protected distribution
 * point does not have the updates. When the SMS 2003 Settings page does not apply, the page says why (the server's
 * words, naming the updates that are not Deployable to SMS 2003).
 */
export function DownloadSettingsPage({
  form,
  changeSettings,
  sms2003SettingsWhyNot,
}: PageProps & { sms2003SettingsWhyNot: string | null }) {
  const { settings } = form;
  return (
    <div className="space-y-3">
      <Group legend="When a client is connected within a slow or unreliable network boundary">
        <Radio
          name="slow-boundary"
          label="Do not install software updates"
          checked={settings.slowBoundary === 'do-not-install'}
          onChange={() => changeSettings({ slowBoundary: 'do-not-install' })}
        />
        <Radio
          name="slow-boundary"
          label="Download software updates from distribution point and install"
          checked={settings.slowBoundary === 'download-and-install'}
          onChange={() => changeSettings({ slowBoundary: 'download-and-install' })}
        />
      </Group>
      <Group legend="When software updates are not available on any protected distribution point">
        <Radio
          name="unprotected-dp"
          label="Do not install software updates"
          checked={settings.unprotectedDistributionPoint === 'do-not-install'}
          onChange={() => changeSettings({ unprotectedDistributionPoint: 'do-not-install' })}
        />
        <Radio
          name="unprotected-dp"
          label="Download software updates from unprotected distribution point and install"
          checked={settings.unprotectedDistributionPoint === 'download-and-install'}
          onChange={() => changeSettings({ unprotectedDistributionPoint: 'download-and-install' })}
        />
      </Group>
      {sms2003SettingsWhyNot ? (
        <Note>The SMS 2003 Settings page does not apply to these software updates. {sms2003SettingsWhyNot}</Note>
      ) : null}
    </div>
  );
}
