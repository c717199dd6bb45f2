import { Check, Group } from './form-parts';
import type { PageProps } from './page-props';

/** Event Generation: Operations Manager alerts while the updates install, and when an installation fails. */
export function EventGenerationPage({ form, changeSettings }: PageProps) {
  const { settings } = form;
  return (
    <div className="space-y-3">
      <Group legend="Operations Manager">
        <Check
          label="Disable Operations Manager alerts while software updates install"
          checked={settings.disableOperationsManagerAlerts}
          onChange={(disableOperationsManagerAlerts) => changeSettings({ disableOperationsManagerAlerts })}
        />
        <Check
          label="Generate Operations Manager alert when a software update installation fails"
          checked={settings.generateOperationsManagerAlertOnFailure}
          onChange={(generateOperationsManagerAlertOnFailure) =>
            changeSettings({ generateOperationsManagerAlertOnFailure })
          }
        />
      </Group>
    </div>
  );
}
