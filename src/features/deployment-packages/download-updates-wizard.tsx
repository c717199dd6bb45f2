import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { downloadEligibilityQuery, useDownloadSoftwareUpdates } from '@/api/deployment-packages';
import { listIdsQuery } from '@/api/list-ids';
import type {
  DownloadEligibilityResponse,
  DownloadRequest,
  DownloadResponse,
} from '@/domain/contract/deployment-package-contract';
import { whyPackageDescriptionInvalid } from '@/domain/deployment-packages/deployment-package-operations';
import { formatCount, formatDateTime } from '@/domain/format';
import { MAX_DEPLOYMENT_PACKAGE_DESCRIPTION, MAX_DEPLOYMENT_PACKAGE_NAME } from '@/domain/model/site-objects';
import { Wizard } from '@/ui/wizard';
import {
  DOWNLOAD_WIZARD_TITLE,
  forgetDownloadSelection,
  readDownloadSelection,
  rememberDownloadIds,
} from './download-actions';

const PAGES = [
  { id: 'deployment-package', title: 'Deployment Package' },
  { id: 'distribution-points', title: 'Distribution Points' },
  { id: 'download-location', title: 'Download Location' },
  { id: 'language-selection', title: 'Language Selection' },
  { id: 'summary', title: 'Summary' },
  { id: 'progress', title: 'Progress' },
  { id: 'confirmation', title: 'Confirmation' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

const BANNERS: Record<PageId, string> = {
  'deployment-package': 'Select a deployment package, or create one, to download the software updates into.',
  'distribution-points': 'Choose the distribution points that hold the package.',
  'download-location': 'Where the site server downloads the software update files from.',
  'language-selection': 'The languages of the software update files to download.',
  summary: 'Check your choices before the download starts.',
  progress: 'The download is starting on the site server.',
  confirmation: 'What the wizard did.',
};

interface Form {
  packageChoice: 'existing' | 'new';
  existingId: string;
  name: string;
  description: string;
  sourcePath: string;
  distributionPointIds: string[] | null;
  downloadFrom: 'internet' | 'network';
  networkPath: string;
  languages: string[] | null;
}

const INITIAL: Form = {
  packageChoice: 'new',
  existingId: '',
  name: '',
  description: '',
  sourcePath: '',
  distributionPointIds: null,
  downloadFrom: 'internet',
  networkPath: '',
  languages: null,
};

type Errors = Partial<
  Record<'existingId' | 'name' | 'description' | 'sourcePath' | 'networkPath' | 'languages', string>
>;

const UNC = /^\\\\[^\\/:*?"<>|\s]+\\[^/:*?"<>|]+$/;

function languagesOf(answer: DownloadEligibilityResponse): string[] {
  return [...new Set(answer.updates.map((update) => update.language))].sort((a, b) =>
    a === 'English' ? -1 : b === 'English' ? 1 : a.localeCompare(b, 'en-US'),
  );
}

/** What is wrong on a page, field by field (the server checks everything again and has the last word). */
function problemsOf(page: PageId, form: Form, answer: DownloadEligibilityResponse): Errors {
  const errors: Errors = {};
  if (page === 'deployment-package') {
    if (form.packageChoice === 'existing') {
      if (!form.existingId) errors.existingId = 'Choose the deployment package to download into.';
    } else {
      const name = form.name.trim();
      if (name === '') errors.name = 'Type a name for the new deployment package.';
      else if (name.length > MAX_DEPLOYMENT_PACKAGE_NAME) {
        errors.name = `The name must be at most ${MAX_DEPLOYMENT_PACKAGE_NAME} characters.`;
      }
      const description = whyPackageDescriptionInvalid(form.description);
      if (description) errors.description = description;
      if (!UNC.test(form.sourcePath.trim())) {
        errors.sourcePath = 'Type the package source as a UNC path, such as \\\\CEN-SMS01\\PkgSrc$\\Updates\\MS08-067.';
      }
    }
  }
  if (page === 'download-location' && form.downloadFrom === 'network' && !UNC.test(form.networkPath.trim())) {
    errors.networkPath = 'Type the network location as a UNC path, such as \\\\CEN-SMS01\\Updates.';
  }
  if (page === 'language-selection' && (form.languages ?? languagesOf(answer)).length === 0) {
    errors.languages = 'Choose at least one language.';
  }
  return errors;
}

function requestOf(form: Form, answer: DownloadEligibilityResponse): DownloadRequest {
  return {
    updateIds: answer.updates.map((update) => update.id),
    deploymentPackage:
      form.packageChoice === 'existing'
        ? { kind: 'existing', id: form.existingId }
        : {
            kind: 'new',
            name: form.name.trim(),
            description: form.description.trim(),
            sourcePath: form.sourcePath.trim(),
            distributionPointIds: form.distributionPointIds ?? answer.distributionPoints.map((point) => point.id),
          },
    downloadFrom:
      form.downloadFrom === 'internet' ? { kind: 'internet' } : { kind: 'network', path: form.networkPath.trim() },
    languages: form.languages ?? languagesOf(answer),
  };
}

/** The page where a refusal can be fixed. */
function pageOfRefusal(rule: string | undefined, field: string | undefined): PageId {
  const text = `${rule ?? ''} ${field ?? ''}`;
  if (/language/.test(text)) return 'language-selection';
  if (/downloadFrom/.test(text)) return 'download-location';
  if (/distribution-point|distributionPoint/.test(text)) return 'distribution-points';
  return 'deployment-package';
}

export interface DownloadUpdatesWizardProps {
  admin: string;
  onClose: () => void;
  /** Opens the package's node once the download has started. */
  onOpenPackage: (packageId: string) => void;
}

/**
 * The Download Updates Wizard ("Download Software Updates..." on selected updates): Deployment Package, Distribution
 * Points, Download Location, Language Selection, Summary, Progress and Confirmation. What it may offer comes from the
 * server (POST /api/deployment-packages/download-eligibility); Next on Summary sends POST
 * /api/deployment-packages/download, and the download runs as a job on the site clock.
 */
export function DownloadUpdatesWizard({ admin, onClose, onOpenPackage }: DownloadUpdatesWizardProps) {
  const [selection] = useState(() => readDownloadSelection());
  const usable = selection !== null && selection.admin === admin;
  const [updateIds, setUpdateIds] = useState<readonly string[] | null>(usable ? selection.ids : null);
  const ids = useQuery({
    ...listIdsQuery(admin, 'software-updates', {
      node: selection?.node,
      q: selection?.q,
      searchIn: selection?.searchIn,
      sort: selection?.sort ?? undefined,
      rows: selection?.rows,
    }),
    enabled: usable && selection.ids === null && updateIds === null,
  });
  if (updateIds === null && usable && ids.data) setUpdateIds(ids.data.ids);
  useEffect(() => {
    if (usable && selection.ids === null && updateIds) rememberDownloadIds(updateIds);
  }, [usable, selection, updateIds]);

  const eligibility = useQuery(downloadEligibilityQuery(admin, updateIds ?? []));
  const download = useDownloadSoftwareUpdates(admin);
  const [pageId, setPageId] = useState<PageId>('deployment-package');
  const [form, setForm] = useState<Form>(INITIAL);
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState<DownloadRequest | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; page: PageId } | null>(null);
  const formId = useId();
  const answer = eligibility.data;
  // Once the eligibility is read: a caller who may not create a package starts on "Select".
  const [choiceSettled, setChoiceSettled] = useState(false);
  if (answer && !choiceSettled) {
    setChoiceSettled(true);
    if (answer.cannotCreatePackage && answer.packages.some((pkg) => pkg.whyNot === null)) {
      setForm((current) => ({ ...current, packageChoice: 'existing' }));
    }
  }

  const close = () => {
    forgetDownloadSelection();
    onClose();
  };
  const change = (patch: Partial<Form>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors({});
  };
  const index = PAGES.findIndex((page) => page.id === pageId);
  const finished = pageId === 'progress' || pageId === 'confirmation';
  const blocked = !answer || answer.cannotDownload !== null;

  const next = () => {
    if (!answer || blocked || finished) return;
    const problems = problemsOf(pageId, form, answer);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    if (pageId === 'summary') {
      const request = requestOf(form, answer);
      setSent(request);
      setRefusal(null);
      setPageId('progress');
      download.mutate(request, {
        onSuccess: () => setPageId('confirmation'),
        onError: (error) => {
          const detail = error as Error & { rule?: string; field?: string };
          setRefusal({ message: error.message, page: pageOfRefusal(detail.rule, detail.field) });
          setPageId('confirmation');
        },
      });
      return;
    }
    setPageId(PAGES[index + 1]?.id ?? pageId);
  };
  const previous = () => {
    if (pageId === 'confirmation' && refusal) {
      setPageId(refusal.page);
      return;
    }
    setPageId(PAGES[index - 1]?.id ?? pageId);
  };
  const succeeded = pageId === 'confirmation' && download.isSuccess && !refusal;
  const running = pageId === 'progress';

  const waiting = !usable
    ? 'Select the software updates to download in Update Repository, one of its folders or a search folder, then choose Download Software Updates... in the Actions pane.'
    : ids.isError
      ? `The selected software updates could not be read: ${ids.error.message}`
      : updateIds && updateIds.length === 0
        ? 'The selection holds no software updates any more: select the software updates to download again.'
        : null;

  return (
    <Wizard
      title={DOWNLOAD_WIZARD_TITLE}
      pages={PAGES.map(({ id, title }) => ({ id, title }))}
      currentId={pageId}
      banner={BANNERS[pageId]}
      onClose={running ? () => undefined : close}
      footer={
        <>
          <button
            type="button"
            className="win-button"
            disabled={index === 0 || running || succeeded}
            onClick={previous}
          >
            &lt; Previous
          </button>
          {succeeded ? (
            <button type="button" className="win-button" onClick={close}>
              Close
            </button>
          ) : (
            <button type="submit" form={formId} className="win-button" disabled={finished || blocked}>
              Next &gt;
            </button>
          )}
          <button type="button" className="win-button" disabled={running || succeeded} onClick={close}>
            Cancel
          </button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        className="min-h-[360px] space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          next();
        }}
      >
        {waiting ? <Alert>{waiting}</Alert> : null}
        {!waiting && (updateIds === null || eligibility.isPending) ? (
          <p>Checking the {formatCount(selection?.count ?? 0)} selected software updates…</p>
        ) : null}
        {eligibility.isError ? (
          <Alert>The software updates could not be checked: {eligibility.error.message}</Alert>
        ) : null}
        {answer?.cannotDownload ? <Alert>{answer.cannotDownload}</Alert> : null}
        {refusal && refusal.page === pageId && !finished ? (
          <Alert>The software updates were not downloaded: {refusal.message}</Alert>
        ) : null}
        {answer && !answer.cannotDownload ? (
          <>
            {pageId === 'deployment-package' ? (
              <PackagePage form={form} errors={errors} change={change} answer={answer} />
            ) : null}
            {pageId === 'distribution-points' ? (
              <DistributionPointsPage form={form} change={change} answer={answer} />
            ) : null}
            {pageId === 'download-location' ? (
              <DownloadLocationPage form={form} errors={errors} change={change} />
            ) : null}
            {pageId === 'language-selection' ? (
              <LanguagePage form={form} errors={errors} change={change} answer={answer} />
            ) : null}
            {pageId === 'summary' ? <SummaryPage request={requestOf(form, answer)} answer={answer} /> : null}
            {pageId === 'progress' && sent ? (
              <div className="space-y-3">
                <p>Starting the download of {formatCount(sent.updateIds.length)} software updates…</p>
                <div
                  role="progressbar"
                  aria-label="Download progress"
                  aria-valuetext="Working"
                  className="win-progress"
                >
                  <div className="w-1/2 animate-pulse" />
                </div>
              </div>
            ) : null}
            {pageId === 'confirmation' ? (
              <ConfirmationPage result={download.data} refusal={refusal} onOpenPackage={onOpenPackage} />
            ) : null}
          </>
        ) : null}
      </form>
    </Wizard>
  );
}

interface PageProps {
  form: Form;
  errors?: Errors;
  change: (patch: Partial<Form>) => void;
}

function PackagePage({ form, errors = {}, change, answer }: PageProps & { answer: DownloadEligibilityResponse }) {
  const cannotCreateId = useId();
  const selectable = answer.packages;
  const existing = form.packageChoice === 'existing';
  const chosen = selectable.find((pkg) => pkg.id === form.existingId);
  return (
    <fieldset className="space-y-1.5 border border-[#c8c8c8] px-2 pb-2">
      <legend className="px-1">Deployment package</legend>
      <Radio
        name="package-choice"
        label="Select a deployment package"
        checked={existing}
        disabled={selectable.length === 0}
        onChange={() => change({ packageChoice: 'existing' })}
      />
      {selectable.length === 0 ? (
        <p className="ml-6 text-[#555]">There is no deployment package you may read yet.</p>
      ) : null}
      <Field label="Deployment package" error={errors.existingId} indent>
        {(props) => (
          <select
            {...props}
            className="win-input w-full"
            value={form.existingId}
            disabled={!existing}
            onChange={(event) => change({ existingId: event.target.value })}
          >
            <option value="">(choose a deployment package)</option>
            {selectable.map((pkg) => (
              <option key={pkg.id} value={pkg.id} disabled={pkg.whyNot !== null}>
                {pkg.name} ({pkg.id}){pkg.whyNot ? `: ${pkg.whyNot}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen && existing ? (
        <p className="ml-6 text-[#555]">
          {chosen.sourcePath}, {formatCount(chosen.updateCount)} software updates
        </p>
      ) : null}
      <Radio
        name="package-choice"
        label="Create a new deployment package"
        checked={!existing}
        disabled={answer.cannotCreatePackage !== null}
        describedBy={answer.cannotCreatePackage ? cannotCreateId : undefined}
        onChange={() => change({ packageChoice: 'new' })}
      />
      {answer.cannotCreatePackage ? (
        <p id={cannotCreateId} className="ml-6 text-[#555]">
          {answer.cannotCreatePackage}.
        </p>
      ) : null}
      <Field label="Name" error={errors.name} hint={`Up to ${MAX_DEPLOYMENT_PACKAGE_NAME} characters.`} indent>
        {(props) => (
          <input
            {...props}
            className="win-input w-full"
            value={form.name}
            disabled={existing}
            onChange={(event) => change({ name: event.target.value })}
          />
        )}
      </Field>
      <Field
        label="Description"
        error={errors.description}
        hint={`Up to ${MAX_DEPLOYMENT_PACKAGE_DESCRIPTION} characters.`}
        indent
      >
        {(props) => (
          <input
            {...props}
            className="win-input w-full"
            value={form.description}
            disabled={existing}
            onChange={(event) => change({ description: event.target.value })}
          />
        )}
      </Field>
      <Field
        label="Package source"
        error={errors.sourcePath}
        hint="A shared folder on the site server that no other package uses: the files are downloaded there."
        indent
      >
        {(props) => (
          <input
            {...props}
            className="win-input w-full"
            value={form.sourcePath}
            placeholder="\\CEN-SMS01\PkgSrc$\Updates\MS08-067"
            disabled={existing}
            onChange={(event) => change({ sourcePath: event.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

function DistributionPointsPage({ form, change, answer }: PageProps & { answer: DownloadEligibilityResponse }) {
  const chosen = form.distributionPointIds ?? answer.distributionPoints.map((point) => point.id);
  if (form.packageChoice === 'existing') {
    return (
      <p>
        The content of the existing package is updated on the distribution points that already hold it; open the
        package&apos;s Distribution Points node to see them.
      </p>
    );
  }
  return (
    <fieldset className="space-y-1 border border-[#c8c8c8] px-2 pb-2">
      <legend className="px-1">Distribution points</legend>
      {answer.distributionPoints.length === 0 ? <p>The site has no distribution point.</p> : null}
      {answer.distributionPoints.map((point) => (
        <label key={point.id} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={chosen.includes(point.id)}
            onChange={(event) =>
              change({
                distributionPointIds: event.target.checked
                  ? [...chosen, point.id]
                  : chosen.filter((candidate) => candidate !== point.id),
              })
            }
          />
          {point.name} ({point.siteCode})
        </label>
      ))}
      <p className="text-[#555]">
        A package on no distribution point is kept at its source only; clients cannot get it.
      </p>
    </fieldset>
  );
}

function DownloadLocationPage({ form, errors = {}, change }: PageProps) {
  const network = form.downloadFrom === 'network';
  return (
    <fieldset className="space-y-1.5 border border-[#c8c8c8] px-2 pb-2">
      <legend className="px-1">Download location</legend>
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
      <Field label="Location" error={errors.networkPath} indent>
        {(props) => (
          <input
            {...props}
            className="win-input w-full"
            value={form.networkPath}
            placeholder="\\CEN-SMS01\Updates"
            disabled={!network}
            onChange={(event) => change({ networkPath: event.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

function LanguagePage({ form, errors = {}, change, answer }: PageProps & { answer: DownloadEligibilityResponse }) {
  const errorId = useId();
  const offered = languagesOf(answer);
  const chosen = form.languages ?? offered;
  return (
    <fieldset
      className="space-y-1 border border-[#c8c8c8] px-2 pb-2"
      aria-describedby={errors.languages ? errorId : undefined}
    >
      <legend className="px-1">Languages</legend>
      <p>The software update files are downloaded in the languages ticked.</p>
      {offered.map((language) => (
        <label key={language} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={chosen.includes(language)}
            onChange={(event) =>
              change({
                languages: event.target.checked
                  ? offered.filter((candidate) => candidate === language || chosen.includes(candidate))
                  : chosen.filter((candidate) => candidate !== language),
              })
            }
          />
          {language}
        </label>
      ))}
      {errors.languages ? (
        <p id={errorId} className="text-[#a11]">
          {errors.languages}
        </p>
      ) : null}
    </fieldset>
  );
}

function SummaryPage({ request, answer }: { request: DownloadRequest; answer: DownloadEligibilityResponse }) {
  const choice = request.deploymentPackage;
  const existing = choice.kind === 'existing' ? answer.packages.find((pkg) => pkg.id === choice.id) : undefined;
  const points = choice.kind === 'new' ? choice.distributionPointIds : null;
  const sizeKb = answer.updates.reduce((sum, update) => sum + update.sizeKb, 0);
  return (
    <div className="space-y-3">
      <p>The wizard will download these software updates. Choose Next to start, or Previous to change a choice.</p>
      <dl className="grid grid-cols-[170px_1fr] gap-x-3 gap-y-0.5 border border-[#a5acb5] bg-white p-2">
        <Row term="Software updates">
          {formatCount(request.updateIds.length)} ({formatCount(sizeKb)} KB)
        </Row>
        <Row term="Deployment package">
          {choice.kind === 'existing'
            ? `${existing?.name ?? choice.id} (${choice.id})`
            : `New: ${choice.name}, source ${choice.sourcePath}`}
        </Row>
        {choice.kind === 'new' && choice.description ? <Row term="Description">{choice.description}</Row> : null}
        <Row term="Distribution points">
          {points === null
            ? "The package's own"
            : points.length === 0
              ? 'None'
              : points.map((id) => answer.distributionPoints.find((point) => point.id === id)?.name ?? id).join(', ')}
        </Row>
        <Row term="Download from">
          {request.downloadFrom.kind === 'internet' ? 'The Internet' : request.downloadFrom.path}
        </Row>
        <Row term="Languages">{request.languages.join(', ')}</Row>
      </dl>
    </div>
  );
}

function ConfirmationPage({
  result,
  refusal,
  onOpenPackage,
}: {
  result: DownloadResponse | undefined;
  refusal: { message: string; page: PageId } | null;
  onOpenPackage: (packageId: string) => void;
}) {
  if (refusal) {
    const title = PAGES.find((page) => page.id === refusal.page)?.title ?? '';
    return (
      <div className="space-y-3">
        <Alert>The software updates were not downloaded: {refusal.message}</Alert>
        <p>Choose Previous to go back to the {title} page and change it; or choose Cancel.</p>
      </div>
    );
  }
  if (!result) return null;
  return (
    <div className="space-y-3">
      <p role="status">The Download Updates Wizard completed successfully.</p>
      <dl className="grid grid-cols-[170px_1fr] gap-x-3 gap-y-0.5 border border-[#a5acb5] bg-white p-2">
        <Row term="Deployment package">
          {result.item.name} ({result.item.id})
        </Row>
        <Row term="Download">
          Job {result.jobId} downloads the files on the site clock until {formatDateTime(result.endsAt)}; follow it in
          Site Jobs. The software updates show Downloaded = Yes when it ends.
        </Row>
      </dl>
      <button type="button" className="win-link" onClick={() => onOpenPackage(result.item.id)}>
        Open the deployment package {result.item.name}
      </button>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[#444]">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
      {children}
    </div>
  );
}

function Radio(props: {
  name: string;
  label: string;
  checked: boolean;
  onChange: () => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <label className={`flex items-center gap-2 ${props.disabled ? 'text-[#6d6d6d]' : ''}`}>
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.describedBy}
        onChange={props.onChange}
      />
      {props.label}
    </label>
  );
}

/** A labelled control with its hint and its message, tied to it (aria-describedby, aria-invalid). */
function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  indent?: boolean;
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`grid grid-cols-[140px_1fr] items-start gap-x-2 gap-y-0.5 ${props.indent ? 'ml-6' : ''}`}>
      <label htmlFor={id} className="pt-0.5">
        {props.label}
      </label>
      {props.children({
        id,
        ...(props.error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {props.hint ? (
        <span id={`${id}-hint`} className="col-start-2 text-[#555]">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="col-start-2 text-[#a11]">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
