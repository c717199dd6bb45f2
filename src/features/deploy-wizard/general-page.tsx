import { TextField } from './form-parts';
import type { PageProps } from './page-props';

/** General: the deployment's name and description. */
export function GeneralPage({ form, errors, change }: PageProps) {
  return (
    <div className="space-y-3">
      <p>Type a name for the deployment, and a description that says what it is for.</p>
      <TextField
        field="name"
        label="Name"
        value={form.name}
        error={errors.name}
        placeholder="e.g. MS08-067 - Pilot Workstations"
        onChange={(name) => change({ name })}
      />
      <TextField
        field="description"
        label="Description"
        value={form.description}
        error={errors.description}
        multiline
        onChange={(description) => change({ description })}
      />
    </div>
  );
}
