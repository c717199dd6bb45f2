import { Dialog } from '@/ui/dialog';
import { updateDisplaySettings, useDisplaySettings } from './display-settings';

/** Help > About: what this console is, and what it is not. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="About Configuration Manager Console"
      onClose={onClose}
      footer={
        <button type="button" className="win-button" onClick={onClose}>
          OK
        </button>
      }
    >
      <div className="space-y-2">
        <p className="font-semibold">System Center Configuration Manager 2007: Software Updates after the upgrade</p>
        <p>
          A training and demo re-creation of the console, for the Software Updates node of a site upgraded from SMS
          2003. It runs entirely in this browser: the Contoso site, its rules and its API are simulated.
        </p>
        <p>
          The rules come from the product&apos;s planning topic, Planning for Software Updates Site Upgrade (August
          2008).
        </p>
      </div>
    </Dialog>
  );
}

/** File > Options: the comfort settings, remembered in this browser. */
export function OptionsDialog({ onClose }: { onClose: () => void }) {
  const display = useDisplaySettings();
  return (
    <Dialog
      title="Options"
      onClose={onClose}
      footer={
        <button type="button" className="win-button" onClick={onClose}>
          OK
        </button>
      }
    >
      <fieldset className="space-y-2">
        <legend className="mb-1">Display</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={display.highContrast}
            onChange={(event) => updateDisplaySettings({ highContrast: event.target.checked })}
          />
          High contrast (white and yellow on black)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={display.largerText}
            onChange={(event) => updateDisplaySettings({ largerText: event.target.checked })}
          />
          Larger text (for projectors)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={display.presentation}
            onChange={(event) => updateDisplaySettings({ presentation: event.target.checked })}
          />
          Presentation mode (larger still, for a room)
        </label>
      </fieldset>
    </Dialog>
  );
}
