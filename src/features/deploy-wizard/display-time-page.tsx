import { useId } from 'react';
import { DURATION_LIMITS, DURATION_UNITS, type DurationUnit } from '@/domain/model/site-objects';
import { FieldError, Group, Radio } from './form-parts';
import type { PageProps } from './page-props';

/** Display/Time Settings: notifications on clients, client local time or UTC, and the default duration. */
export function DisplayTimePage({ form, errors, change, changeSettings }: PageProps) {
  const durationId = useId();
  const unitsId = useId();
  const errorId = `${durationId}-error`;
  const hintId = `${durationId}-hint`;
  const { settings } = form;
  return (
    <div className="space-y-3">
      <Group legend="Display notifications on clients">
        <Radio
          name="notifications"
          label="Allow display notifications on clients"
          checked={settings.showNotifications}
          onChange={() => changeSettings({ showNotifications: true })}
        />
        <Radio
          name="notifications"
          label="Suppress display notifications on clients"
          checked={!settings.showNotifications}
          onChange={() => changeSettings({ showNotifications: false })}
        />
      </Group>
      <Group legend="Time based on">
        <Radio
          name="time-base"
          label="Client local time"
          checked={!settings.useUtc}
          onChange={() => changeSettings({ useUtc: false })}
        />
        <Radio
          name="time-base"
          label="UTC"
          checked={settings.useUtc}
          onChange={() => changeSettings({ useUtc: true })}
        />
      </Group>
      <Group legend="Duration">
        <p id={hintId} className="text-[#555]">
          The default time until the deadline: it pre-sets the deadline on the Deployment Schedule page (1-24 hours,
          1-365 days, 1-4 weeks or 1-12 months).
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor={durationId}>Duration</label>
          <input
            id={durationId}
            data-field="duration"
            className="win-input w-16"
            inputMode="numeric"
            value={form.durationText}
            aria-invalid={errors.duration ? true : undefined}
            aria-describedby={[errors.duration ? errorId : null, hintId].filter(Boolean).join(' ')}
            onChange={(event) => change({ durationText: event.target.value, deadline: null })}
          />
          <label htmlFor={unitsId} className="sr-only">
            Duration units
          </label>
          <select
            id={unitsId}
            className="win-input"
            value={settings.durationUnits}
            onChange={(event) => {
              changeSettings({ durationUnits: event.target.value as DurationUnit });
              change({ deadline: null });
            }}
          >
            {DURATION_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit} (1-{DURATION_LIMITS[unit]})
              </option>
            ))}
          </select>
        </div>
        <FieldError id={errorId} error={errors.duration} />
      </Group>
    </div>
  );
}
