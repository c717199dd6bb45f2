import { useId, type ReactNode } from 'react';
import { DURATION_UNITS, type DeploymentSettings, type DurationUnit } from '@/domain/model/site-objects';
import { CheckboxField, FieldGroup, FieldMessage, FieldNote, RadioGroup } from '@/ui/form-fields';
import { durationRangeText, type TemplateErrors, type TemplateForm, type TemplatePageId } from './template-form';

/**
 * The pages of a deployment template's settings, shared by the Deployment Template Wizard (one page a step) and the
 * template's Properties dialog (one tab a page). Labels follow the product's Deploy Software Updates Wizard.
 */

export interface TemplatePageProps {
  form: TemplateForm;
  onChange: (next: TemplateForm) => void;
  errors: TemplateErrors;
  /** Read-only: every control disabled (the reason is shown once, above the pages). */
  readOnly?: boolean;
  /** The collections the administrator may read, for the Collection page. */
  collections: readonly { id: string; name: string }[];
  /** The General page opens on its Name box (the wizard's first page). */
  autoFocus?: boolean;
}

/** The planning topic's rule, quoted where the setting is made. */
export const SMS2003_TEMPLATE_RULE =
  'When deployment templates are created with the Deploy software updates to SMS 2003 clients setting enabled, the ' +
  'template will be available on the Deployment Template page of the Deploy Software Updates Wizard only when all ' +
  'software updates can be deployed to SMS 2003 clients.';

export const DOWNLOAD_LABELS = {
  slowLegend: 'When a client is connected within a slow or unreliable network boundary',
  protectedLegend: 'When software updates are not available on the protected distribution point',
  doNotInstall: 'Do not install software updates',
  downloadAndInstall: 'Download software updates from distribution point and install',
  unprotectedAndInstall: 'Download software updates from unprotected distribution point and install',
} as const;

export const SMS2003_LABELS = {
  deploy: 'Deploy software updates to SMS 2003 clients',
  inventory: 'Collect hardware inventory immediately',
  localLegend: 'When a distribution point is available locally',
  runFromDp: 'Run update installation from distribution point',
  downloadAndRun: 'Download updates from distribution point and then run update installation',
} as const;

export function TemplatePage(props: TemplatePageProps & { page: TemplatePageId }) {
  switch (props.page) {
    case 'general':
      return <GeneralPage {...props} />;
    case 'collection':
      return <CollectionPage {...props} />;
    case 'display-time':
      return <DisplayTimePage {...props} />;
    case 'restart':
      return <RestartPage {...props} />;
    case 'event-generation':
      return <EventGenerationPage {...props} />;
    case 'download':
      return <DownloadPage {...props} />;
    case 'sms2003':
      return <Sms2003Page {...props} />;
  }
}

/** A text field with its label, and what is wrong with it next to it (aria-invalid, aria-describedby). */
function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  readOnly?: boolean;
  multiline?: boolean;
  autoFocus?: boolean;
  note?: ReactNode;
}) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : null, props.note ? `${id}-note` : null].filter(Boolean);
  const common = {
    id,
    value: props.value,
    readOnly: props.readOnly,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
    className: 'win-input w-full',
    autoFocus: props.autoFocus,
    // The control the dialog opens on (see INITIAL_FOCUS in ui/dialog).
    'data-initial-focus': props.autoFocus ? '' : undefined,
  } as const;
  return (
    <div className="grid grid-cols-[110px_1fr] items-start gap-x-2">
      <label htmlFor={id} className="pt-0.5">
        {props.label}:
      </label>
      <div>
        {props.multiline ? (
          <textarea
            {...common}
            rows={4}
            className="win-input w-full resize-none"
            onChange={(e) => props.onChange(e.target.value)}
          />
        ) : (
          <input {...common} onChange={(e) => props.onChange(e.target.value)} />
        )}
        {props.error ? <FieldMessage id={`${id}-error`}>{props.error}</FieldMessage> : null}
        {props.note ? <FieldNote id={`${id}-note`}>{props.note}</FieldNote> : null}
      </div>
    </div>
  );
}

function settingsChange(props: TemplatePageProps) {
  return (patch: Partial<DeploymentSettings>) =>
    props.onChange({ ...props.form, settings: { ...props.form.settings, ...patch } });
}

function GeneralPage(props: TemplatePageProps) {
  const { form, onChange, errors, readOnly, autoFocus } = props;
  return (
    <div className="space-y-2">
      <p>Specify the name and the description of the deployment template.</p>
      <TextField
        label="Name"
        value={form.name}
        error={errors.name}
        readOnly={readOnly}
        autoFocus={autoFocus && !readOnly}
        onChange={(name) => onChange({ ...form, name })}
      />
      <TextField
        label="Description"
        value={form.description}
        error={errors.description}
        readOnly={readOnly}
        multiline
        onChange={(description) => onChange({ ...form, description })}
      />
    </div>
  );
}

function CollectionPage(props: TemplatePageProps) {
  const { form, onChange, errors, readOnly, collections } = props;
  const set = settingsChange(props);
  const selectId = useId();
  const known = collections.some((collection) => collection.id === form.settings.collectionId);
  return (
    <div className="space-y-2">
      <p>
        A template may name the collection its deployments target, or leave it to each deployment: a template without a
        collection allows phased deployments to one collection after another.
      </p>
      <RadioGroup
        legend="Collection"
        value={form.specifyCollection ? 'specify' : 'none'}
        options={[
          { value: 'none', label: 'Do not specify a collection' },
          { value: 'specify', label: 'Specify a collection for the deployments' },
        ]}
        disabled={readOnly}
        onChange={(choice) => onChange({ ...form, specifyCollection: choice === 'specify' })}
      />
      <div className="grid grid-cols-[110px_1fr] items-start gap-x-2 pl-1">
        <label htmlFor={selectId} className="pt-0.5">
          Collection to deploy to:
        </label>
        <div>
          <select
            id={selectId}
            className="win-input w-full"
            value={form.settings.collectionId ?? ''}
            disabled={readOnly || !form.specifyCollection}
            aria-invalid={errors.collection ? true : undefined}
            aria-describedby={errors.collection ? `${selectId}-error` : undefined}
            onChange={(event) => set({ collectionId: event.target.value === '' ? null : event.target.value })}
          >
            <option value="">(choose a collection)</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name} ({collection.id})
              </option>
            ))}
            {form.settings.collectionId && !known ? (
              <option value={form.settings.collectionId}>{form.settings.collectionId}</option>
            ) : null}
          </select>
          {errors.collection ? <FieldMessage id={`${selectId}-error`}>{errors.collection}</FieldMessage> : null}
        </div>
      </div>
      <CheckboxField
        label="Include members of subcollections"
        checked={form.settings.includeSubCollections}
        disabled={readOnly || !form.specifyCollection}
        onChange={(includeSubCollections) => set({ includeSubCollections })}
      />
    </div>
  );
}

function DisplayTimePage(props: TemplatePageProps) {
  const { form, onChange, errors, readOnly } = props;
  const set = settingsChange(props);
  const id = useId();
  const unitsId = useId();
  const describedBy = [errors.duration ? `${id}-error` : null, `${id}-range`].filter(Boolean).join(' ');
  return (
    <div className="space-y-2">
      <CheckboxField
        label="Allow display notifications on clients"
        checked={form.settings.showNotifications}
        disabled={readOnly}
        onChange={(showNotifications) => set({ showNotifications })}
      />
      <RadioGroup
        legend="Time based on"
        value={form.settings.useUtc ? 'utc' : 'local'}
        options={[
          { value: 'local', label: 'Client local time' },
          { value: 'utc', label: 'UTC' },
        ]}
        disabled={readOnly}
        onChange={(choice) => set({ useUtc: choice === 'utc' })}
      />
      <FieldGroup legend="Default duration">
        <p>A deployment made with this template gets a deadline this long after its software updates are available.</p>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={id}>Duration:</label>
          <input
            id={id}
            type="number"
            min={1}
            className="win-input w-20"
            value={form.durationText}
            readOnly={readOnly}
            aria-invalid={errors.duration ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...form, durationText: event.target.value })}
          />
          <label htmlFor={unitsId} className="sr-only">
            Duration units
          </label>
          <select
            id={unitsId}
            className="win-input"
            value={form.settings.durationUnits}
            disabled={readOnly}
            onChange={(event) => set({ durationUnits: event.target.value as DurationUnit })}
          >
            {DURATION_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
        <FieldNote id={`${id}-range`}>{durationRangeText(form.settings.durationUnits)}</FieldNote>
        {errors.duration ? <FieldMessage id={`${id}-error`}>{errors.duration}</FieldMessage> : null}
      </FieldGroup>
    </div>
  );
}

function RestartPage(props: TemplatePageProps) {
  const { form, readOnly } = props;
  const set = settingsChange(props);
  return (
    <div className="space-y-2">
      <FieldGroup legend="Suppress system restart on">
        <CheckboxField
          label="Servers"
          checked={form.settings.suppressRestartServers}
          disabled={readOnly}
          onChange={(suppressRestartServers) => set({ suppressRestartServers })}
        />
        <CheckboxField
          label="Workstations"
          checked={form.settings.suppressRestartWorkstations}
          disabled={readOnly}
          onChange={(suppressRestartWorkstations) => set({ suppressRestartWorkstations })}
        />
      </FieldGroup>
      <FieldGroup legend="System restart outside maintenance windows">
        <CheckboxField
          label="Allow system restart outside maintenance windows"
          checked={form.settings.allowRestartOutsideMaintenanceWindows}
          disabled={readOnly}
          onChange={(allowRestartOutsideMaintenanceWindows) => set({ allowRestartOutsideMaintenanceWindows })}
        />
      </FieldGroup>
    </div>
  );
}

function EventGenerationPage(props: TemplatePageProps) {
  const { form, readOnly } = props;
  const set = settingsChange(props);
  return (
    <FieldGroup legend="Operations Manager">
      <CheckboxField
        label="Disable Operations Manager alerts while software updates install"
        checked={form.settings.disableOperationsManagerAlerts}
        disabled={readOnly}
        onChange={(disableOperationsManagerAlerts) => set({ disableOperationsManagerAlerts })}
      />
      <CheckboxField
        label="Generate Operations Manager alert when a software update installation fails"
        checked={form.settings.generateOperationsManagerAlertOnFailure}
        disabled={readOnly}
        onChange={(generateOperationsManagerAlertOnFailure) => set({ generateOperationsManagerAlertOnFailure })}
      />
    </FieldGroup>
  );
}

function DownloadPage(props: TemplatePageProps) {
  const { form, readOnly } = props;
  const set = settingsChange(props);
  return (
    <div className="space-y-2">
      <RadioGroup
        legend={DOWNLOAD_LABELS.slowLegend}
        value={form.settings.slowBoundary}
        options={[
          { value: 'do-not-install', label: DOWNLOAD_LABELS.doNotInstall },
          { value: 'download-and-install', label: DOWNLOAD_LABELS.downloadAndInstall },
        ]}
        disabled={readOnly}
        onChange={(slowBoundary) => set({ slowBoundary })}
      />
      <RadioGroup
        legend={DOWNLOAD_LABELS.protectedLegend}
        value={form.settings.unprotectedDistributionPoint}
        options={[
          { value: 'do-not-install', label: DOWNLOAD_LABELS.doNotInstall },
          { value: 'download-and-install', label: DOWNLOAD_LABELS.unprotectedAndInstall },
        ]}
        disabled={readOnly}
        onChange={(unprotectedDistributionPoint) => set({ unprotectedDistributionPoint })}
      />
    </div>
  );
}

function Sms2003Page(props: TemplatePageProps) {
  const { form, readOnly } = props;
  const set = settingsChange(props);
  const off = !form.settings.deployToSms2003Clients;
  const offNote = off && !readOnly ? `Available when "${SMS2003_LABELS.deploy}" is selected.` : undefined;
  return (
    <div className="space-y-2">
      <CheckboxField
        label={SMS2003_LABELS.deploy}
        checked={form.settings.deployToSms2003Clients}
        disabled={readOnly}
        onChange={(deployToSms2003Clients) => set({ deployToSms2003Clients })}
        note="The deployment creates a package, package instruction files and an advertisement for the SMS 2003 clients of its collection."
      />
      <CheckboxField
        label={SMS2003_LABELS.inventory}
        checked={form.settings.collectInventoryImmediately}
        disabled={readOnly || off}
        note={offNote}
        onChange={(collectInventoryImmediately) => set({ collectInventoryImmediately })}
      />
      <RadioGroup
        legend={SMS2003_LABELS.localLegend}
        value={form.settings.sms2003LocalDistributionPoint}
        options={[
          { value: 'run-from-distribution-point', label: SMS2003_LABELS.runFromDp },
          { value: 'download-and-run', label: SMS2003_LABELS.downloadAndRun },
        ]}
        disabled={readOnly || off}
        note={offNote}
        onChange={(sms2003LocalDistributionPoint) => set({ sms2003LocalDistributionPoint })}
      />
      <div
        role="note"
        aria-label="Templates that specify SMS 2003 settings"
        className="border border-[#7a9cc6] bg-[#eef4fb] p-2"
      >
        <p>
          A template with this setting is offered in the Deploy Software Updates Wizard only when every software update
          being deployed is <strong>Deployable to SMS 2003</strong> (Yes in the Deployable to SMS 2003 column). Software
          updates that only the software update point brings, such as the Windows Malicious Software Removal Tool, are
          not.
        </p>
        <blockquote className="mt-1 border-l-2 border-[#a0a0a0] pl-2 text-[#444]">{SMS2003_TEMPLATE_RULE}</blockquote>
      </div>
    </div>
  );
}

/** The Summary page: every setting the template will store, in words. */
export function TemplateSummary({ form, collectionName }: { form: TemplateForm; collectionName: string | null }) {
  const s = form.settings;
  const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
  const download = (value: DeploymentSettings['slowBoundary'], unprotected: boolean) =>
    value === 'do-not-install'
      ? DOWNLOAD_LABELS.doNotInstall
      : unprotected
        ? DOWNLOAD_LABELS.unprotectedAndInstall
        : DOWNLOAD_LABELS.downloadAndInstall;
  const rows: Array<[string, string]> = [
    ['Name', form.name.trim()],
    ['Description', form.description.trim() || '(none)'],
    [
      'Collection',
      form.specifyCollection && s.collectionId
        ? `${collectionName ?? s.collectionId}${s.includeSubCollections ? ', with its subcollections' : ''}`
        : 'Not specified (chosen for each deployment)',
    ],
    ['Display notifications on clients', yesNo(s.showNotifications)],
    ['Time based on', s.useUtc ? 'UTC' : 'Client local time'],
    ['Duration', `${form.durationText.trim()} ${s.durationUnits.toLowerCase()}`],
    ['Suppress system restart on servers', yesNo(s.suppressRestartServers)],
    ['Suppress system restart on workstations', yesNo(s.suppressRestartWorkstations)],
    ['Allow system restart outside maintenance windows', yesNo(s.allowRestartOutsideMaintenanceWindows)],
    ['Disable Operations Manager alerts while installing', yesNo(s.disableOperationsManagerAlerts)],
    ['Operations Manager alert when an installation fails', yesNo(s.generateOperationsManagerAlertOnFailure)],
    ['Slow or unreliable network boundary', download(s.slowBoundary, false)],
    ['Update not on the protected distribution point', download(s.unprotectedDistributionPoint, true)],
    [SMS2003_LABELS.deploy, yesNo(s.deployToSms2003Clients)],
  ];
  if (s.deployToSms2003Clients) {
    rows.push(
      [SMS2003_LABELS.inventory, yesNo(s.collectInventoryImmediately)],
      [
        SMS2003_LABELS.localLegend,
        s.sms2003LocalDistributionPoint === 'run-from-distribution-point'
          ? SMS2003_LABELS.runFromDp
          : SMS2003_LABELS.downloadAndRun,
      ],
    );
  }
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">Settings of the new deployment template</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} className="align-top">
            <th scope="row" className="w-[45%] border-b border-[#e2e2e2] py-0.5 pr-2 text-left font-normal">
              {label}
            </th>
            <td className="border-b border-[#e2e2e2] py-0.5 break-words">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
