import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { ApiRequestError } from '@/api/http';
import { updateListEligibilityQuery, useAddUpdatesToUpdateList, useCreateUpdateList } from '@/api/update-lists';
import { updateListNodeId } from '@/domain/console-tree/console-tree';
import type { UpdateListEligibility } from '@/domain/contract/update-list-contract';
import { formatCount } from '@/domain/format';
import {
  MAX_UPDATE_LIST_DESCRIPTION,
  MAX_UPDATE_LIST_NAME,
  updateListDescriptionProblem,
  updateListNameProblem,
} from '@/domain/update-lists/update-list-rules';
import { CheckboxField } from '@/ui/form-fields';
import { Wizard } from '@/ui/wizard';
import { asSentence } from '@/ui/sentence';

export const UPDATE_LIST_WIZARD_TITLE = 'Update List Wizard';

const PAGES = [
  { id: 'update-list', title: 'Update List' },
  { id: 'summary', title: 'Summary' },
  { id: 'progress', title: 'Progress' },
  { id: 'confirmation', title: 'Confirmation' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

const BANNERS: Record<PageId, string> = {
  'update-list': 'Add the selected software updates to an existing update list, or create a new update list for them.',
  summary: 'Review what the wizard will do, then choose Next.',
  progress: 'The wizard is saving the update list.',
  confirmation: 'The wizard has finished.',
};

/** Why the checkbox "Download the files ..." is greyed out in this console. */
export const DOWNLOAD_NOT_HERE =
  'Downloading is done with the Download Updates Wizard: choose Download Software Updates... on the selected software updates.';

type Choice = 'existing' | 'new';

export interface UpdateListWizardProps {
  admin: string;
  /** The selected software updates, once read; null while they are being read (or none were selected). */
  updateIds: readonly string[] | null;
  /** What the first page says while there are no updates (being read, or none selected). */
  waiting: { text: string; problem: boolean } | null;
  onClose: () => void;
  /** Opens a node of the console tree (the list's, from Confirmation). */
  onOpenNode: (nodeId: string) => void;
}

/**
 * The Update List Wizard: Update List (add to an existing list, or create a new one), Summary, Progress and
 * Confirmation. What it may offer comes from the server (POST /api/update-lists/eligibility); Next on Summary sends
 * the change, and the server, which checks everything again, has the last word.
 */
export function UpdateListWizard({ admin, updateIds, waiting, onClose, onOpenNode }: UpdateListWizardProps) {
  const eligibility = useQuery(updateListEligibilityQuery(admin, updateIds ?? []));
  const create = useCreateUpdateList(admin);
  const add = useAddUpdatesToUpdateList(admin);
  const [page, setPage] = useState<PageId>('update-list');
  const [choice, setChoice] = useState<Choice | null>(null);
  const [listId, setListId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ name?: string; description?: string; list?: string }>({});
  const [result, setResult] = useState<{ text: string; nodeId: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const formId = useId();

  const answer = eligibility.data;
  const modifiable = answer?.lists.filter((list) => list.whyNot === null) ?? [];
  const addWhyNot = !answer
    ? null
    : modifiable.length > 0
      ? null
      : answer.lists.length === 0
        ? 'There are no update lists yet that you may read.'
        : `You may not add to any update list: ${answer.lists[0]?.whyNot ?? ''}.`;
  const effectiveChoice: Choice | null =
    choice ?? (answer ? (modifiable.length > 0 ? 'existing' : answer.cannotCreate === null ? 'new' : null) : null);
  const chosenList = modifiable.find((list) => list.id === (listId ?? modifiable[0]?.id));
  const blocked = !answer || answer.cannotAdd !== null || effectiveChoice === null;

  const next = () => {
    if (page === 'update-list') {
      if (blocked) return;
      if (effectiveChoice === 'new') {
        const nameProblem = updateListNameProblem(name);
        const descriptionProblem = updateListDescriptionProblem(description);
        if (nameProblem || descriptionProblem) {
          setErrors({
            name: nameProblem ? asSentence(nameProblem) : undefined,
            description: descriptionProblem ? asSentence(descriptionProblem) : undefined,
          });
          return;
        }
      } else if (!chosenList) {
        setErrors({ list: 'Choose the update list to add the software updates to.' });
        return;
      }
      setErrors({});
      setPage('summary');
      return;
    }
    if (page === 'summary' && updateIds) {
      setRefusal(null);
      setPage('progress');
      const onError = (failure: Error) => {
        if (failure instanceof ApiRequestError && failure.field === 'name')
          setErrors({ name: asSentence(failure.message) });
        setRefusal(failure.message);
        setPage('confirmation');
      };
      if (effectiveChoice === 'new') {
        create.mutate(
          { name, description, updateIds: [...updateIds] },
          {
            onSuccess: (created) => {
              setResult({
                text: `The update list ${created.item.name} (${created.item.id}) was created with ${formatCount(created.item.updateIds.length)} software updates.`,
                nodeId: created.nodeId,
              });
              setPage('confirmation');
            },
            onError,
          },
        );
      } else if (chosenList) {
        add.mutate(
          { id: chosenList.id, updateIds: [...updateIds] },
          {
            onSuccess: (added) => {
              setResult({
                text:
                  `${formatCount(added.added)} software updates were added to the update list ${added.item.name}` +
                  (added.alreadyInList > 0 ? ` (${formatCount(added.alreadyInList)} were already in it)` : '') +
                  `; it now holds ${formatCount(added.item.updateIds.length)}.`,
                nodeId: updateListNodeId(added.item.id),
              });
              setPage('confirmation');
            },
            onError,
          },
        );
      }
    }
  };

  const succeeded = page === 'confirmation' && result !== null && refusal === null;
  const running = page === 'progress';
  const footer = (
    <>
      <button
        type="button"
        className="win-button"
        disabled={page === 'update-list' || running || succeeded}
        onClick={() => setPage('update-list')}
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
          disabled={running || page === 'confirmation' || (page === 'update-list' && blocked)}
        >
          Next &gt;
        </button>
      )}
      <button type="button" className="win-button" disabled={running || succeeded} onClick={onClose}>
        Cancel
      </button>
    </>
  );

  return (
    <Wizard
      title={UPDATE_LIST_WIZARD_TITLE}
      pages={[...PAGES]}
      currentId={page}
      banner={BANNERS[page]}
      onClose={running ? () => undefined : onClose}
      footer={footer}
    >
      <form
        id={formId}
        noValidate
        className="min-h-[340px] space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          next();
        }}
      >
        {updateIds === null && waiting ? waiting.problem ? <Alert>{waiting.text}</Alert> : <p>{waiting.text}</p> : null}
        {updateIds !== null && eligibility.isPending ? <p>Checking the selected software updates…</p> : null}
        {eligibility.isError ? (
          <Alert>The software updates could not be checked: {eligibility.error.message}</Alert>
        ) : null}
        {answer && page === 'update-list' ? (
          <UpdateListPage
            answer={answer}
            choice={effectiveChoice}
            onChoice={(value) => {
              setChoice(value);
              setErrors({});
            }}
            listId={chosenList?.id ?? ''}
            onListId={setListId}
            addWhyNot={addWhyNot}
            name={name}
            onName={(value) => {
              setName(value);
              setErrors({});
            }}
            description={description}
            onDescription={(value) => {
              setDescription(value);
              setErrors({});
            }}
            errors={errors}
          />
        ) : null}
        {answer && page === 'summary' ? (
          <div className="space-y-2">
            <p>The wizard will:</p>
            <ul className="list-disc space-y-1 pl-5">
              {effectiveChoice === 'new' ? (
                <li>
                  Create the update list <strong>{name.trim()}</strong>
                  {description.trim() ? ` (${description.trim()})` : ''}
                </li>
              ) : (
                <li>
                  Add to the update list <strong>{chosenList?.name}</strong>
                </li>
              )}
              <li>{formatCount(answer.updates.length)} software updates:</li>
            </ul>
            <UpdateTitles answer={answer} />
            <p>Download the files associated with the selected software updates: No</p>
          </div>
        ) : null}
        {page === 'progress' ? (
          <div className="space-y-3">
            <p>Saving the update list…</p>
            <div role="progressbar" aria-label="Update list progress" aria-valuetext="Working" className="win-progress">
              <div className="w-1/2 animate-pulse" />
            </div>
          </div>
        ) : null}
        {page === 'confirmation' ? (
          refusal ? (
            <div className="space-y-2">
              <Alert>The update list was not saved: {refusal}</Alert>
              <p>Choose Previous to change your choices, or Cancel.</p>
            </div>
          ) : result ? (
            <div className="space-y-3">
              <p role="status">The Update List Wizard completed successfully.</p>
              <p>{result.text}</p>
              <button type="button" className="win-link" onClick={() => onOpenNode(result.nodeId)}>
                Open the update list
              </button>
            </div>
          ) : null
        ) : null}
      </form>
    </Wizard>
  );
}

function UpdateListPage(props: {
  answer: UpdateListEligibility;
  choice: Choice | null;
  onChoice: (choice: Choice) => void;
  listId: string;
  onListId: (id: string) => void;
  addWhyNot: string | null;
  name: string;
  onName: (value: string) => void;
  description: string;
  onDescription: (value: string) => void;
  errors: { name?: string; description?: string; list?: string };
}) {
  const { answer, choice, errors } = props;
  const radioName = useId();
  const ids = {
    list: useId(),
    name: useId(),
    description: useId(),
    addNote: useId(),
    createNote: useId(),
    nameError: useId(),
    descriptionError: useId(),
    listError: useId(),
  };
  const modifiable = answer.lists.filter((list) => list.whyNot === null);
  const refusedLists = answer.lists.filter((list) => list.whyNot !== null);
  return (
    <div className="space-y-3">
      {answer.cannotAdd ? <Alert>{answer.cannotAdd}</Alert> : null}
      <p>
        {formatCount(answer.updates.length)} software {answer.updates.length === 1 ? 'update is' : 'updates are'}{' '}
        selected.
      </p>
      <fieldset className="space-y-2 border border-[#c8c8c8] px-2 pt-0.5 pb-2" disabled={answer.cannotAdd !== null}>
        <legend className="px-1">Update list</legend>
        <div>
          <label className="flex items-start gap-1.5">
            <input
              type="radio"
              className="mt-0.5"
              name={radioName}
              checked={choice === 'existing'}
              disabled={props.addWhyNot !== null}
              aria-describedby={props.addWhyNot ? ids.addNote : undefined}
              onChange={() => props.onChoice('existing')}
            />
            <span>Add to an existing update list</span>
          </label>
          <div className="mt-1 space-y-1 pl-5">
            {props.addWhyNot ? (
              <p id={ids.addNote} className="text-[#555]">
                {props.addWhyNot}
              </p>
            ) : (
              <div className="grid grid-cols-[90px_1fr] items-center gap-2">
                <label htmlFor={ids.list}>Update list:</label>
                <select
                  id={ids.list}
                  className="win-input"
                  value={props.listId}
                  disabled={choice !== 'existing'}
                  aria-invalid={errors.list ? true : undefined}
                  aria-describedby={errors.list ? ids.listError : undefined}
                  onChange={(event) => props.onListId(event.target.value)}
                >
                  {modifiable.map((list) => (
                    <option key={list.id} value={list.id}>
                      {list.name} ({formatCount(list.updateCount)} software updates)
                    </option>
                  ))}
                </select>
                {errors.list ? (
                  <p id={ids.listError} className="col-start-2 text-[#a11]">
                    {errors.list}
                  </p>
                ) : null}
              </div>
            )}
            {refusedLists.length > 0 && modifiable.length > 0 ? (
              <p className="text-[#555]">
                Not offered: {refusedLists.map((list) => `${list.name} (${list.whyNot ?? ''})`).join('; ')}.
              </p>
            ) : null}
          </div>
        </div>
        <div>
          <label className="flex items-start gap-1.5">
            <input
              type="radio"
              className="mt-0.5"
              name={radioName}
              checked={choice === 'new'}
              disabled={answer.cannotCreate !== null}
              aria-describedby={answer.cannotCreate ? ids.createNote : undefined}
              onChange={() => props.onChoice('new')}
            />
            <span>Create a new update list</span>
          </label>
          <div className="mt-1 grid grid-cols-[90px_1fr] items-start gap-2 pl-5">
            {answer.cannotCreate ? (
              <p id={ids.createNote} className="col-span-2 text-[#555]">
                {asSentence(answer.cannotCreate)}
              </p>
            ) : null}
            <label htmlFor={ids.name} className="pt-0.5">
              Name:
            </label>
            <div>
              <input
                id={ids.name}
                className="win-input w-full"
                value={props.name}
                maxLength={MAX_UPDATE_LIST_NAME + 20}
                disabled={choice !== 'new'}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={errors.name ? ids.nameError : undefined}
                onChange={(event) => props.onName(event.target.value)}
              />
              {errors.name ? (
                <p id={ids.nameError} className="text-[#a11]">
                  {errors.name}
                </p>
              ) : null}
            </div>
            <label htmlFor={ids.description} className="pt-0.5">
              Description:
            </label>
            <div>
              <textarea
                id={ids.description}
                className="win-input w-full resize-none"
                rows={3}
                value={props.description}
                maxLength={MAX_UPDATE_LIST_DESCRIPTION + 20}
                disabled={choice !== 'new'}
                aria-invalid={errors.description ? true : undefined}
                aria-describedby={errors.description ? ids.descriptionError : undefined}
                onChange={(event) => props.onDescription(event.target.value)}
              />
              {errors.description ? (
                <p id={ids.descriptionError} className="text-[#a11]">
                  {errors.description}
                </p>
              ) : null}
            </div>
          </div>
        </div>
      </fieldset>
      <CheckboxField
        label="Download the files associated with the selected software updates"
        checked={false}
        disabled
        onChange={() => undefined}
        note={DOWNLOAD_NOT_HERE}
      />
      {answer.legacyNote ? <p className="border-l-2 border-[#a0a0a0] pl-2 text-[#444]">{answer.legacyNote}</p> : null}
    </div>
  );
}

function UpdateTitles({ answer }: { answer: UpdateListEligibility }) {
  const shown = answer.updates.slice(0, 8);
  return (
    <ul aria-label="Software updates" className="win-listbox max-h-[150px] overflow-auto">
      {shown.map((update) => (
        <li key={update.id}>{update.title}</li>
      ))}
      {answer.updates.length > shown.length ? (
        <li>and {formatCount(answer.updates.length - shown.length)} more</li>
      ) : null}
    </ul>
  );
}

function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
      {children}
    </div>
  );
}
