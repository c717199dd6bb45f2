import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { deploymentEligibilityQuery, useCreateDeployment } from '@/api/deployments';
import { ApiRequestError } from '@/api/http';
import { listPageQuery } from '@/api/resources';
import type { CreateDeploymentRequest } from '@/domain/contract/deployment-contract';
import type { DeploymentSettings, DeploymentTemplate } from '@/domain/model/site-objects';
import { Wizard } from '@/ui/wizard';
import { CollectionPage } from './collection-page';
import { ConfirmationPage } from './confirmation-page';
import { deploymentRequestOf, initialForm, withTemplate, type DeployWizardForm } from './deploy-wizard-form';
import { applicablePages, PAGE_BANNERS, PAGE_IDS, wizardPagesOf, type PageId } from './deploy-wizard-pages';
import { pageOfRefusal, pageProblems, type FieldErrors, type FieldKey } from './deploy-wizard-validation';
import { DeploymentPackagePage } from './deployment-package-page';
import { DeploymentSchedulePage } from './deployment-schedule-page';
import { DisplayTimePage } from './display-time-page';
import { DownloadLocationPage } from './download-location-page';
import { DownloadSettingsPage } from './download-settings-page';
import { EventGenerationPage } from './event-generation-page';
import { Alert } from './form-parts';
import { GeneralPage } from './general-page';
import { LanguageSelectionPage } from './language-selection-page';
import type { PageProps } from './page-props';
import { ProgressPage } from './progress-page';
import { RestartSettingsPage } from './restart-settings-page';
import { Sms2003SettingsPage } from './sms2003-settings-page';
import { SummaryPage } from './summary-page';
import { TemplateSelectionPage } from './template-selection-page';

export const DEPLOY_WIZARD_TITLE = 'Deploy Software Updates Wizard';

export interface DeploySoftwareUpdatesWizardProps {
  admin: string;
  /**
   * The software updates to deploy, kept from the first time they are given (the wizard keeps deploying these,
   * whatever the list does); null while they are being read.
   */
  updateIds: readonly string[] | null;
  /** What the first page says while there are no updates to deploy (being read, or none selected). */
  waiting?: { text: string; problem: boolean } | null;
  /** The site clock now (the header's clock), or null before it is read. */
  siteTime: string | null;
  /** A template to start with (?template=, "Deploy with Template..."): selected once read, if it is offered. */
  initialTemplateId?: string | null;
  onClose: () => void;
}

/** The page after (or before) this one among those that apply, in the product's order. */
function neighbour(pages: readonly PageId[], current: PageId, step: 1 | -1): PageId | undefined {
  const order = PAGE_IDS.indexOf(current);
  const candidates = step === 1 ? pages : [...pages].reverse();
  return candidates.find((id) => (step === 1 ? PAGE_IDS.indexOf(id) > order : PAGE_IDS.indexOf(id) < order));
}

/**
 * The Deploy Software Updates Wizard: Template Selection, General, Collection, Display/Time Settings, Restart Settings,
 * Event Generation, Download Settings, SMS 2003 Settings and Deployment Package (when they apply), Download Location,
 * Language Selection, Deployment Schedule, Summary, Progress and Confirmation. What it may offer comes from the server
 * (POST /api/deployments/eligibility); each page checks its fields with the domain's limits; Next on Summary sends
 * POST /api/deployments, and the server, which checks everything again, has the last word.
 */
export function DeploySoftwareUpdatesWizard(props: DeploySoftwareUpdatesWizardProps) {
  const { admin, siteTime, onClose } = props;
  const [updateIds, setUpdateIds] = useState<readonly string[] | null>(() =>
    props.updateIds?.length ? [...props.updateIds] : null,
  );
  if (updateIds === null && props.updateIds?.length) setUpdateIds([...props.updateIds]);
  const [pageId, setPageId] = useState<PageId>('template-selection');
  const [form, setForm] = useState<DeployWizardForm>(initialForm);
  const [attempted, setAttempted] = useState<ReadonlySet<PageId>>(() => new Set());
  const [focusRequest, setFocusRequest] = useState<{ field: FieldKey } | null>(null);
  const [sent, setSent] = useState<{ request: CreateDeploymentRequest; pages: PageId[] } | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; page: PageId } | null>(null);
  const formId = useId();
  const contentRef = useRef<HTMLFormElement>(null);
  const eligibility = useQuery(deploymentEligibilityQuery(admin, updateIds ?? []));
  const templates = useQuery({
    ...listPageQuery(admin, 'deployment-templates', { sort: 'name:asc' }, 0),
    enabled: (eligibility.data?.templates.length ?? 0) > 0,
  });
  const create = useCreateDeployment(admin);
  const [preselected, setPreselected] = useState(!props.initialTemplateId);
  if (!preselected && eligibility.data && (templates.data || eligibility.data.templates.length === 0)) {
    // Once: the template the wizard was opened with pre-fills the pages, as choosing it on the first page would.
    setPreselected(true);
    const offered = eligibility.data.templates.find((t) => t.id === props.initialTemplateId && t.offered);
    const full = (templates.data?.items as DeploymentTemplate[] | undefined)?.find((t) => t.id === offered?.id);
    if (full) setForm((current) => withTemplate(current, full));
  }

  // Move to the first field a failed Next found wrong, once it shows its message.
  useEffect(() => {
    if (!focusRequest) return;
    contentRef.current?.querySelector<HTMLElement>(`[data-field="${focusRequest.field}"]`)?.focus();
  }, [focusRequest]);

  const answer = eligibility.data;
  const finished = pageId === 'progress' || pageId === 'confirmation';
  // Once sent, the pages stay as they were: a deployment downloads its updates, which would hide the package's pages.
  const pages =
    finished && sent
      ? sent.pages
      : answer
        ? applicablePages(answer, form.settings)
        : PAGE_IDS.filter(
            (id) => !['sms2003-settings', 'deployment-package', 'download-location', 'language-selection'].includes(id),
          );
  const context = answer ? { eligibility: answer, siteNow: siteTime } : null;
  const errors: FieldErrors = context && attempted.has(pageId) ? pageProblems(pageId, form, context) : {};
  const blocked = !answer || answer.cannotCreate !== null || answer.cannotDeploy !== null;

  const change = (patch: Partial<DeployWizardForm>) => setForm((current) => ({ ...current, ...patch }));
  const changeSettings = (patch: Partial<DeploymentSettings>) =>
    setForm((current) => ({ ...current, settings: { ...current.settings, ...patch } }));
  const chooseTemplate = (template: DeploymentTemplate | null) => setForm((current) => withTemplate(current, template));

  const submit = () => {
    if (!answer) return;
    const request = deploymentRequestOf(form, answer.updates, pages, siteTime);
    setSent({ request, pages });
    setRefusal(null);
    setPageId('progress');
    create.mutate(request, {
      onSuccess: () => setPageId('confirmation'),
      onError: (error) => {
        const refused = error instanceof ApiRequestError ? error : null;
        const page = pageOfRefusal(
          { status: refused?.status, rule: refused?.rule, field: refused?.field, message: error.message },
          pages,
        );
        setRefusal({ message: error.message, page });
        setPageId('confirmation');
      },
    });
  };

  const next = () => {
    if (!context || (pageId === 'template-selection' && blocked) || finished) return;
    const problems = pageProblems(pageId, form, context);
    const first = Object.keys(problems)[0] as FieldKey | undefined;
    if (first) {
      setAttempted((current) => new Set(current).add(pageId));
      setFocusRequest({ field: first });
      return;
    }
    if (pageId === 'summary') {
      submit();
      return;
    }
    const following = neighbour(pages, pageId, 1);
    if (following) setPageId(following);
  };

  const previous = () => {
    if (pageId === 'confirmation' && refusal) {
      setPageId(refusal.page);
      return;
    }
    const before = neighbour(pages, pageId, -1);
    if (before) setPageId(before);
  };

  const succeeded = pageId === 'confirmation' && create.isSuccess && !refusal;
  const running = pageId === 'progress';
  const footer = (
    <>
      <button
        type="button"
        className="win-button"
        disabled={pageId === 'template-selection' || running || succeeded}
        onClick={previous}
      >
        &lt; Previous
      </button>
      {succeeded ? (
        <button type="button" className="win-button" onClick={onClose}>
          Close
        </button>
      ) : (
        <button
          type="submit"
          form={formId}
          className="win-button"
          disabled={finished || !context || (pageId === 'template-selection' && blocked)}
        >
          Next &gt;
        </button>
      )}
      <button type="button" className="win-button" disabled={running || succeeded} onClick={onClose}>
        Cancel
      </button>
    </>
  );

  const pageProps: PageProps = { form, errors, change, changeSettings };
  const request = sent?.request ?? (answer ? deploymentRequestOf(form, answer.updates, pages, siteTime) : null);
  return (
    <Wizard
      title={DEPLOY_WIZARD_TITLE}
      pages={wizardPagesOf(pages)}
      currentId={pageId}
      banner={PAGE_BANNERS[pageId]}
      onClose={running ? () => undefined : onClose}
      footer={footer}
    >
      <form
        id={formId}
        ref={contentRef}
        noValidate
        // One size for every page, as the product's wizards have: the dialog does not jump from page to page.
        className="min-h-[392px] space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          next();
        }}
      >
        {refusal && refusal.page === pageId && !finished ? (
          <Alert>The deployment was not created: {refusal.message}</Alert>
        ) : null}
        {updateIds === null && props.waiting ? (
          props.waiting.problem ? (
            <Alert>{props.waiting.text}</Alert>
          ) : (
            <p>{props.waiting.text}</p>
          )
        ) : null}
        {updateIds !== null && eligibility.isPending ? <p>Checking the software updates to deploy…</p> : null}
        {eligibility.isError ? (
          <Alert>The software updates could not be checked: {eligibility.error.message}</Alert>
        ) : null}
        {answer ? (
          <>
            {pageId === 'template-selection' ? (
              <TemplateSelectionPage
                {...pageProps}
                eligibility={answer}
                fullTemplates={templates.data?.items as DeploymentTemplate[] | undefined}
                onChooseTemplate={chooseTemplate}
              />
            ) : null}
            {pageId === 'general' ? <GeneralPage {...pageProps} /> : null}
            {pageId === 'collection' ? <CollectionPage {...pageProps} admin={admin} /> : null}
            {pageId === 'display-time' ? <DisplayTimePage {...pageProps} /> : null}
            {pageId === 'restart' ? <RestartSettingsPage {...pageProps} /> : null}
            {pageId === 'event-generation' ? <EventGenerationPage {...pageProps} /> : null}
            {pageId === 'download-settings' ? (
              <DownloadSettingsPage {...pageProps} sms2003SettingsWhyNot={answer.sms2003SettingsWhyNot} />
            ) : null}
            {pageId === 'sms2003-settings' ? <Sms2003SettingsPage {...pageProps} /> : null}
            {pageId === 'deployment-package' ? (
              <DeploymentPackagePage {...pageProps} admin={admin} cannotCreatePackage={answer.cannotCreatePackage} />
            ) : null}
            {pageId === 'download-location' ? <DownloadLocationPage {...pageProps} /> : null}
            {pageId === 'language-selection' ? <LanguageSelectionPage {...pageProps} updates={answer.updates} /> : null}
            {pageId === 'deployment-schedule' ? <DeploymentSchedulePage {...pageProps} siteNow={siteTime} /> : null}
            {pageId === 'summary' && request ? (
              <SummaryPage {...pageProps} admin={admin} eligibility={answer} pages={pages} request={request} />
            ) : null}
            {pageId === 'progress' && request ? <ProgressPage request={request} /> : null}
            {pageId === 'confirmation' && request ? (
              <ConfirmationPage admin={admin} request={request} result={create.data} refusal={refusal} />
            ) : null}
          </>
        ) : null}
      </form>
    </Wizard>
  );
}
