import { Check, Group } from './form-parts';
import type { PageProps } from './page-props';

/** Restart Settings: suppress the restart on servers or workstations, and restarts outside maintenance windows. */
export function RestartSettingsPage({ form, changeSettings }: PageProps) {
  const { settings } = form;
  return (
    <div className="space-y-3">
      <Group legend="Suppress system restart on">
        <Check
          label="Servers"
          checked={settings.suppressRestartServers}
          onChange={(suppressRestartServers) => changeSettings({ suppressRestartServers })}
        />
        <Check
          label="Workstations"
          checked={settings.suppressRestartWorkstations}
          onChange={(suppressRestartWorkstations) => changeSettings({ suppressRestartWorkstations })}
        />
      </Group>
      <Group legend="System restart outside maintenance windows">
        <Check
          label="Allow system restart outside maintenance windows when the deadline is reached"
          checked={settings.allowRestartOutsideMaintenanceWindows}
          onChange={(allowRestartOutsideMaintenanceWindows) =>
            changeSettings({ allowRestartOutsideMaintenanceWindows })
          }
        />
      </Group>
    </div>
  );
}
