import { useId, useRef, useState } from 'react';
import { ApiRequestError } from '@/api/http';
import { usePublishCustomUpdate } from '@/api/custom-updates';
import {
  CUSTOM_UPDATE_CLASSIFICATIONS,
  CUSTOM_UPDATE_FIELDS,
  CUSTOM_UPDATE_SEVERITIES,
  customUpdateFieldProblems,
  EMPTY_CUSTOM_UPDATE,
  MAX_CUSTOM_UPDATE_DESCRIPTION,
  MAX_CUSTOM_UPDATE_ID,
  MAX_CUSTOM_UPDATE_NAME,
  MAX_CUSTOM_UPDATE_TITLE,
  MAX_CUSTOM_UPDATE_URL,
  type CustomUpdateField,
  type CustomUpdateInformation,
} from '@/domain/after-upgrade/custom-update-publishing';
import { Wizard } from '@/ui/wizard';
import { asSentence, DoneNote, PlanningNote, Refusal, useSiteStatus } from './dialog-parts';

export const CREATE_UPDATE_WIZARD_TITLE = 'Create Update Wizard';

const PAGES = [
  { id: 'information', title: 'Information' },
  { id: 'confirmation', title: 'Confirmation' },
];

/** The labels of the Information page, as Updates Publisher shows them. */
const LABELS: Record<CustomUpdateField, string> = {
  title: 'Title',
  description: 'Description',
  classification: 'Classification',
  vendor: 'Vendor',
  product: 'Product',
  bulletinId: 'Bulletin ID',
  articleId: 'Article ID',
  severity: 'Severity',
  infoUrl: 'More info URL',
};
const REQUIRED = new Set<CustomUpdateField>(['title', 'description', 'classification', 'vendor', 'product']);
const MAX_LENGTH: Partial<Record<CustomUpdateField, number>> = {
  title: MAX_CUSTOM_UPDATE_TITLE,
  description: MAX_CUSTOM_UPDATE_DESCRIPTION,
  vendor: MAX_CUSTOM_UPDATE_NAME,
  product: MAX_CUSTOM_UPDATE_NAME,
  bulletinId: MAX_CUSTOM_UPDATE_ID,
  articleId: MAX_CUSTOM_UPDATE_ID,
  infoUrl: MAX_CUSTOM_UPDATE_URL,
};

/**
 * "Publish Custom Update..." (Update Repository): System Center Updates Publisher's Create Update Wizard, its
 * Information page, then publishing to the WSUS server of the software update point. Each field says what is wrong
 * with it in the words the server refuses it with; the update reaches Update Repository at the next synchronization.
 * What a person types is text: a title holding HTML is shown as typed, never as markup.
 */
export function PublishCustomUpdateDialog(props: { admin: string; onClose: () => void }) {
  const status = useSiteStatus(props.admin);
  const publish = usePublishCustomUpdate(props.admin);
  const [fields, setFields] = useState<CustomUpdateInformation>(EMPTY_CUSTOM_UPDATE);
  const [touched, setTouched] = useState<ReadonlySet<CustomUpdateField>>(new Set());
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const baseId = useId();
  const form = useRef<HTMLFormElement>(null);

  const allowed = status.data?.publishCustomUpdate;
  const notAllowed = allowed && !allowed.enabled ? allowed.why : null;
  const problems = customUpdateFieldProblems(fields);
  const serverError = publish.error instanceof ApiRequestError ? publish.error : null;
  const serverField = serverError?.status === 400 ? (serverError.field as CustomUpdateField | undefined) : undefined;
  const problemOf = (field: CustomUpdateField): string | undefined => {
    const own = problems[field];
    if (own && (tried || touched.has(field))) return asSentence(own);
    if (serverField === field && serverError && !publish.isPending) return asSentence(serverError.message);
    return undefined;
  };

  const idOf = (field: CustomUpdateField) => `${baseId}-${field}`;
  const change = (field: CustomUpdateField, value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    if (serverField === field) publish.reset();
  };
  const leave = (field: CustomUpdateField) => setTouched((current) => new Set(current).add(field));

  const finish = () => {
    setTried(true);
    const first = CUSTOM_UPDATE_FIELDS.find((field) => problems[field] !== undefined);
    if (first) {
      form.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(first))}`)?.focus();
      return;
    }
    publish.mutate(fields, { onSuccess: ({ message }) => setDone(message) });
  };

  const control = (field: CustomUpdateField) => {
    const problem = problemOf(field);
    const common = {
      id: idOf(field),
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? `${idOf(field)}-problem` : undefined,
      'aria-required': REQUIRED.has(field) ? true : undefined,
      onBlur: () => leave(field),
    };
    if (field === 'classification' || field === 'severity') {
      const options = field === 'classification' ? CUSTOM_UPDATE_CLASSIFICATIONS : CUSTOM_UPDATE_SEVERITIES;
      return (
        <select
          {...common}
          className="win-input w-full"
          value={fields[field]}
          onChange={(event) => change(field, event.target.value)}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    }
    if (field === 'description') {
      return (
        <textarea
          {...common}
          className="win-input w-full resize-none"
          rows={3}
          value={fields.description}
          maxLength={MAX_CUSTOM_UPDATE_DESCRIPTION + 20}
          onChange={(event) => change(field, event.target.value)}
        />
      );
    }
    return (
      <input
        {...common}
        type="text"
        inputMode={field === 'infoUrl' ? 'url' : undefined}
        className="win-input w-full"
        value={fields[field]}
        maxLength={(MAX_LENGTH[field] ?? 100) + 20}
        placeholder={field === 'infoUrl' ? 'http://' : undefined}
        // The page opens on its first field, as Updates Publisher's does.
        autoFocus={field === 'title'}
        onChange={(event) => change(field, event.target.value)}
      />
    );
  };

  return (
    <Wizard
      title={CREATE_UPDATE_WIZARD_TITLE}
      pages={PAGES}
      currentId={done ? 'confirmation' : 'information'}
      banner={
        done
          ? 'The custom update was published to WSUS.'
          : 'Provide the information about the software update that Updates Publisher publishes to WSUS.'
      }
      onClose={props.onClose}
      footer={
        done ? (
          <button type="button" className="win-button" autoFocus onClick={props.onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="win-button" disabled>
              &lt; Previous
            </button>
            <button
              type="submit"
              form={`${baseId}-form`}
              className="win-button"
              disabled={!status.data || notAllowed !== null || publish.isPending}
            >
              Finish
            </button>
            <button type="button" className="win-button" onClick={props.onClose}>
              Cancel
            </button>
          </>
        )
      }
    >
      {done ? (
        <div aria-live="polite">
          <DoneNote>{done}</DoneNote>
          <p className="mt-2">
            Until then it is in WSUS only. Once synchronized it is listed as an active custom update (not LEGACY),
            Deployable to SMS 2003.
          </p>
        </div>
      ) : (
        <form
          id={`${baseId}-form`}
          ref={form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            finish();
          }}
        >
          {status.isError ? <Refusal>{status.error.message}</Refusal> : null}
          {notAllowed ? <p className="mb-2 text-[#a11]">{notAllowed}</p> : null}
          {publish.isError && !serverField ? (
            <Refusal>The custom update was not published: {publish.error.message}</Refusal>
          ) : null}
          <div className="grid grid-cols-[110px_1fr] items-start gap-x-2 gap-y-1.5">
            {CUSTOM_UPDATE_FIELDS.map((field) => {
              const problem = problemOf(field);
              return (
                <div key={field} className="contents">
                  <label htmlFor={idOf(field)} className="pt-0.5">
                    {LABELS[field]}:{REQUIRED.has(field) ? <span aria-hidden="true"> *</span> : null}
                  </label>
                  <div>
                    {control(field)}
                    {problem ? (
                      <p id={`${idOf(field)}-problem`} className="mt-0.5 text-[#a11]">
                        {problem}
                      </p>
                    ) : null}
                  </div>
                </div>
              );
            })}
          </div>
          <p className="mt-2 text-[#555]">* Required. HTML in a title or description is kept as text.</p>
          <PlanningNote>
            Software updates only from Microsoft Update and published custom updates can be deployed to SMS 2003
            clients.
          </PlanningNote>
        </form>
      )}
    </Wizard>
  );
}
