import { Group, Radio, TextField } from './form-parts';
import type { PageProps } from './page-props';

/** Download Location: from the Internet, or from a location on the network (a UNC path). */
export function DownloadLocationPage({ form, errors, change }: PageProps) {
  const network = form.downloadFrom === 'network';
  return (
    <div className="space-y-3">
      <Group legend="Download location">
        <Radio
          name="download-from"
          label="Download software updates from the Internet"
          checked={!network}
          onChange={() => change({ downloadFrom: 'internet' })}
        />
        <Radio
          name="download-from"
          label="Download software updates from a location on my network"
          checked={network}
          onChange={() => change({ downloadFrom: 'network' })}
        />
        <TextField
          indent
          field="networkPath"
          label="Location"
          value={form.networkPath}
          error={errors.networkPath}
          placeholder="\\CEN-SMS01\Updates\December"
          disabled={!network}
          onChange={(networkPath) => change({ networkPath })}
        />
      </Group>
    </div>
  );
}
