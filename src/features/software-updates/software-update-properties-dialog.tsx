import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useContext, useId, useState, type ReactNode } from 'react';
import { ApiRequestError } from '@/api/http';
import { softwareUpdatePropertiesQuery, useSetMaxRunTime } from '@/api/software-updates';
import type { SoftwareUpdateProperties } from '@/domain/contract/software-update-contract';
import { formatCount, formatDate, formatYesNo } from '@/domain/format';
import { percentCompliant } from '@/domain/model/software-update';
import { COMPLIANCE_STATE_CAPTIONS, countOf, type ComplianceDrill } from '@/domain/software-updates/client-compliance';
import { maxRunTimeProblem } from '@/domain/software-updates/max-run-time';
import { Chart } from '@/ui/chart';
import { Dialog } from '@/ui/dialog';
import { Tabs, type TabDef } from '@/ui/tabs';
import { ComplianceCountLink, ComplianceDrillContext } from './compliance-drill';
import { RightsHeld } from '@/ui/rights-held';

export interface SoftwareUpdatePropertiesDialogProps {
  admin: string;
  updateId: string;
  onClose: () => void;
}

/** A read-only field of a property page: its caption and its value in a box, or as a link when it has an address. */
function Field({
  label,
  value,
  href,
  multiline,
}: {
  label: string;
  value: string;
  href?: string | null;
  multiline?: boolean;
}) {
  const id = useId();
  if (href) {
    return (
      <div className="contents">
        <span className="pt-0.5">{label}:</span>
        <a id={id} href={href} target="_blank" rel="noreferrer" className="win-link break-all pt-0.5">
          {value}
        </a>
      </div>
    );
  }
  return (
    <div className="contents">
      <label htmlFor={id} className="pt-0.5">
        {label}:
      </label>
      {multiline ? (
        <textarea id={id} readOnly value={value} rows={3} className="win-input w-full resize-none" />
      ) : (
        <input id={id} readOnly value={value} className="win-input w-full" />
      )}
    </div>
  );
}

function Fields({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-[minmax(150px,max-content)_1fr] items-start gap-x-3 gap-y-1.5">{children}</div>;
}

function Note({ children, id, tone = 'info' }: { children: ReactNode; id?: string; tone?: 'info' | 'warning' }) {
  return (
    <p
      id={id}
      role="note"
      className={`border p-2 ${tone === 'warning' ? 'border-[#c9a13b] bg-[#fff8dc]' : 'border-[#7a9cc6] bg-[#eef4fb]'}`}
    >
      {children}
    </p>
  );
}

const CHART_STATES: ComplianceDrill[] = ['installed', 'required', 'not-required', 'unknown'];

/** The Compliance tab: the counts (each opens its clients), percent compliant, and a chart of the same figures. */
function ComplianceTab({ properties }: { properties: SoftwareUpdateProperties }) {
  const update = properties.item;
  const drill = useContext(ComplianceDrillContext);
  const rows: ComplianceDrill[] = ['all', 'required', 'installed', 'not-required', 'unknown'];
  return (
    <div className="space-y-2">
      <table className="compliance-counts w-full border-collapse">
        <caption className="sr-only">Compliance of {update.title}</caption>
        <tbody>
          {rows.map((state) => (
            <tr key={state}>
              <th scope="row" className="w-[220px] py-0.5 text-left font-normal">
                {state === 'all' ? 'Total (clients in All Systems)' : COMPLIANCE_STATE_CAPTIONS[state]}:
              </th>
              <td className="py-0.5">
                <ComplianceCountLink
                  updateId={update.id}
                  title={update.title}
                  state={state}
                  count={countOf(update.compliance, state)}
                />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-0.5 text-left font-normal">
              Percent compliant:
            </th>
            <td className="py-0.5">{percentCompliant(update.compliance)}%</td>
          </tr>
        </tbody>
      </table>
      <Chart
        title={`Compliance of ${update.title}`}
        categoryCaption="Compliance state"
        orientation="horizontal"
        height={150}
        data={CHART_STATES.map((state) => ({
          label: COMPLIANCE_STATE_CAPTIONS[state],
          values: { clients: countOf(update.compliance, state) },
        }))}
        series={[{ key: 'clients', name: 'Clients', color: '#3a6ea5' }]}
        onBarClick={
          drill
            ? (label) => {
                const state = CHART_STATES.find((candidate) => COMPLIANCE_STATE_CAPTIONS[candidate] === label);
                if (state) drill.open(update.id, state);
              }
            : undefined
        }
      />
      <p className="text-[#444]">
        Installed and Not Required count as compliant. The counts are the site&apos;s summarization of what clients
        reported; open a count to list those clients.
      </p>
    </div>
  );
}

function SupersedenceTab({ properties }: { properties: SoftwareUpdateProperties }) {
  const { supersededBy, supersedes } = properties.supersedence;
  const name = (reference: { id: string; title: string | null }) =>
    reference.title ?? `Software update ${reference.id} (you have no Read right on it)`;
  return (
    <div className="space-y-3">
      <section aria-labelledby="supersedence-by">
        <h2 id="supersedence-by" className="mb-1 font-semibold">
          This software update is superseded by:
        </h2>
        {supersededBy ? (
          <ul className="win-listbox" aria-labelledby="supersedence-by">
            <li>{name(supersededBy)}</li>
          </ul>
        ) : (
          <p className="text-[#444]">No software update on this site supersedes it.</p>
        )}
      </section>
      <section aria-labelledby="supersedence-of">
        <h2 id="supersedence-of" className="mb-1 font-semibold">
          This software update supersedes:
        </h2>
        {supersedes.length > 0 ? (
          <ul className="win-listbox max-h-40 overflow-y-auto" aria-labelledby="supersedence-of">
            {supersedes.map((reference) => (
              <li key={reference.id}>{name(reference)}</li>
            ))}
          </ul>
        ) : (
          <p className="text-[#444]">It supersedes no software update on this site.</p>
        )}
      </section>
      <p className="text-[#444]">A superseded update stays deployable; the yellow icon marks it in the results pane.</p>
    </div>
  );
}

function ContentTab({ properties }: { properties: SoftwareUpdateProperties }) {
  const { content } = properties;
  return (
    <div className="space-y-3">
      <table className="win-table w-full border-collapse">
        <caption className="mb-1 text-left font-semibold">Content files</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b border-[#a0a0a0] text-left font-normal">
              File name
            </th>
            <th scope="col" className="w-24 border-b border-[#a0a0a0] text-right font-normal">
              Size (KB)
            </th>
          </tr>
        </thead>
        <tbody>
          {content.files.map((file) => (
            <tr key={file.name}>
              <td className="break-all">{file.name}</td>
              <td className="text-right">{formatCount(file.sizeKb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Fields>
        <Field label="Size (KB)" value={formatCount(content.sizeKb)} />
        <Field label="Downloaded" value={formatYesNo(content.downloaded)} />
        <Field label="Source path" value={content.sourcePath} />
      </Fields>
      <section aria-labelledby="content-packages">
        <h2 id="content-packages" className="mb-1 font-semibold">
          Packages that hold its content:
        </h2>
        {content.packages.length > 0 ? (
          <ul className="win-listbox" aria-labelledby="content-packages">
            {content.packages.map((pkg) => (
              <li key={`${pkg.kind}/${pkg.id}`}>
                {pkg.kind}: {pkg.name ? `${pkg.name} (${pkg.id})` : `${pkg.id} (you have no Read right on it)`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-[#444]">
            No package holds it: its files have not been downloaded into a deployment package.
          </p>
        )}
      </section>
    </div>
  );
}

/**
 * "<title> Properties" of a software update: General, Update Details, Compliance (each count opens its clients),
 * SMS 2003 (Deployable to SMS 2003 and why), Supersedence, Content Information, Maximum Run Time (editable with Modify
 * on the update, at the central site) and Security.
 */
export function SoftwareUpdatePropertiesDialog({ admin, updateId, onClose }: SoftwareUpdatePropertiesDialogProps) {
  const queryClient = useQueryClient();
  const query = softwareUpdatePropertiesQuery(admin, updateId);
  const answer = useQuery(query);
  const save = useSetMaxRunTime(admin);
  const [tab, setTab] = useState('general');
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const inputId = useId();

  const properties = answer.data;
  const update = properties?.item;
  const title = update ? `${update.title} Properties` : 'Software Update Properties';
  const whyNot = properties?.maxRunTime.whyNot ?? null;
  const shown = draft ?? String(properties?.maxRunTime.minutes ?? '');
  const dirty = draft !== null && properties !== undefined && draft.trim() !== String(properties.maxRunTime.minutes);

  const submit = (andClose: boolean) => {
    setRefusal(null);
    setSavedNote(null);
    if (!dirty || whyNot || !properties) {
      if (andClose) onClose();
      return;
    }
    const wrong = maxRunTimeProblem(draft ?? '');
    if (wrong) {
      setProblem(wrong);
      setTab('max-run-time');
      return;
    }
    save.mutate(
      { id: updateId, maxRunTimeMinutes: Number(draft?.trim()) },
      {
        onSuccess: (saved) => {
          queryClient.setQueryData(query.queryKey, saved);
          setDraft(null);
          setProblem(null);
          if (andClose) onClose();
          else setSavedNote(`The maximum run time was saved: ${saved.maxRunTime.minutes} minutes.`);
        },
        onError: (failure) => {
          if (failure instanceof ApiRequestError && failure.field === 'maxRunTimeMinutes') {
            setProblem(failure.message);
          }
          setTab('max-run-time');
          setRefusal(failure.message);
        },
      },
    );
  };

  const tabs: TabDef[] =
    properties && update
      ? [
          {
            id: 'general',
            title: 'General',
            content: (
              <Fields>
                <Field label="Title" value={update.title} />
                <Field label="Description" value={update.description} multiline />
                <Field label="Article ID" value={update.articleId} href={properties.links.article} />
                <Field label="Bulletin ID" value={update.bulletinId} href={properties.links.bulletin} />
                <Field label="Information link" value={update.infoUrl} href={update.infoUrl || null} />
                <Field label="Update classification" value={update.classification} />
                <Field label="Severity" value={update.severity} />
                <Field label="Vendor" value={update.vendor} />
                <Field label="Product" value={update.product} />
                <Field label="Language" value={update.language} />
                <Field label="Date released" value={formatDate(update.dateReleased)} />
                <Field label="Date revised" value={formatDate(update.dateRevised)} />
              </Fields>
            ),
          },
          {
            id: 'details',
            title: 'Update Details',
            content: (
              <Fields>
                <Field label="Expired" value={formatYesNo(update.expired)} />
                <Field label="Superseded" value={formatYesNo(update.superseded)} />
                <Field label="LEGACY (migrated from SMS 2003)" value={formatYesNo(update.legacy)} />
                <Field label="Deployed" value={formatYesNo(update.deployed)} />
                <Field label="Source catalog" value={update.sourceCatalog} />
                <Field label="Applicability" value={update.applicability} multiline />
                <Field label="CI ID" value={update.id} />
                <Field label="Unique update ID" value={update.uniqueId} />
              </Fields>
            ),
          },
          { id: 'compliance', title: 'Compliance', content: <ComplianceTab properties={properties} /> },
          {
            id: 'sms2003',
            title: 'SMS 2003',
            content: (
              <div className="space-y-2">
                <Fields>
                  <Field label="Deployable to SMS 2003" value={formatYesNo(properties.sms2003.deployable)} />
                </Fields>
                <Note>{properties.sms2003.reason}</Note>
                <p className="text-[#444]">
                  The Deploy Software Updates Wizard offers its SMS 2003 Settings page only when every software update
                  of the deployment is deployable to SMS 2003.
                </p>
              </div>
            ),
          },
          { id: 'supersedence', title: 'Supersedence', content: <SupersedenceTab properties={properties} /> },
          { id: 'content', title: 'Content Information', content: <ContentTab properties={properties} /> },
          {
            id: 'max-run-time',
            title: 'Maximum Run Time',
            content: (
              <div className="space-y-2">
                <p>
                  The time the installation of this software update may take on a client. Maintenance windows fit the
                  software updates with the shortest maximum run time first.
                </p>
                <div className="flex items-center gap-2">
                  <label htmlFor={inputId}>Maximum run time (minutes):</label>
                  <input
                    id={inputId}
                    type="number"
                    inputMode="numeric"
                    min={properties.maxRunTime.min}
                    max={properties.maxRunTime.max}
                    step={1}
                    value={shown}
                    readOnly={whyNot !== null}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={
                      [whyNot ? 'max-run-time-why-not' : '', problem ? 'max-run-time-problem' : '']
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    onChange={(event) => {
                      setDraft(event.target.value);
                      setProblem(null);
                      setSavedNote(null);
                    }}
                    className="win-input w-24"
                  />
                </div>
                {problem ? (
                  <p id="max-run-time-problem" role="alert" className="text-[#a11]">
                    {problem.charAt(0).toUpperCase() + problem.slice(1)}
                  </p>
                ) : null}
                {whyNot ? (
                  <Note id="max-run-time-why-not" tone="warning">
                    The maximum run time is read-only: {whyNot}.
                  </Note>
                ) : (
                  <p className="text-[#444]">
                    From {properties.maxRunTime.min} to {formatCount(properties.maxRunTime.max)} minutes.
                  </p>
                )}
              </div>
            ),
          },
          {
            id: 'security',
            title: 'Security',
            content: <RightsHeld who={admin} what="software update" rights={properties.rights} />,
          },
        ]
      : [];

  return (
    <Dialog
      title={title}
      onClose={onClose}
      width={680}
      footer={
        <>
          <button type="button" className="win-button" disabled={save.isPending} onClick={() => submit(true)}>
            OK
          </button>
          <button type="button" className="win-button" disabled={save.isPending} onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="win-button"
            disabled={!dirty || whyNot !== null || save.isPending}
            onClick={() => submit(false)}
          >
            Apply
          </button>
        </>
      }
    >
      {answer.isPending ? <p>Loading…</p> : null}
      {answer.isError ? <p role="alert">{answer.error.message}</p> : null}
      {refusal ? (
        <p role="alert" className="mb-2 border border-[#c9a13b] bg-[#fff8dc] p-2">
          The maximum run time was not saved: {refusal}
        </p>
      ) : null}
      {savedNote ? (
        <p role="status" className="mb-2 border border-[#7a9cc6] bg-[#eef4fb] p-2">
          {savedNote}
        </p>
      ) : null}
      {properties ? <Tabs label={title} tabs={tabs} activeId={tab} onActiveChange={setTab} /> : null}
    </Dialog>
  );
}
