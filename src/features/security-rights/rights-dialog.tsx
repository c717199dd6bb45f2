import { useQueries, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { listPageQuery, objectQuery } from '@/api/resources';
import { rightsReviewQuery, useChangeRights } from '@/api/security-rights';
import { sessionQuery } from '@/api/session';
import { RESOURCES, type Identified, type ResourceName } from '@/domain/query/resources';
import {
  OBJECT_TYPE_NAMES,
  OBJECT_TYPES,
  RIGHTS_BY_OBJECT_TYPE,
  type ObjectType,
  type Right,
} from '@/domain/rights/rights';
import type { SecurityRightRow } from '@/domain/rights/security-rights';
import { Dialog, INITIAL_FOCUS } from '@/ui/dialog';
import { CheckboxField, FieldNote, RadioGroup } from '@/ui/form-fields';
import { SECURITY_RIGHTS_TITLES, type SecurityRightsDialogName } from './security-rights-actions';

/** The lists that hold the objects of each class, where the dialog finds instances to choose from. */
const INSTANCE_LISTS: Record<ObjectType, ResourceName[]> = {
  SoftwareUpdate: ['software-updates'],
  UpdateList: ['update-lists'],
  DeploymentTemplate: ['deployment-templates'],
  Deployment: ['deployments'],
  DeploymentPackage: ['deployment-packages'],
  SearchFolder: ['search-folders'],
  Collection: ['collections'],
  Package: ['packages'],
  Advertisement: ['sms2003-advertisements', 'advertisements'],
  Site: ['sites'],
};

type Scope = 'class' | 'instances';

interface FormStart {
  account: string;
  objectType: ObjectType;
  scope: Scope;
  instances: Array<{ id: string; name: string }>;
}

export interface SecurityRightsDialogProps {
  admin: string;
  dialog: SecurityRightsDialogName;
  /** The Security Rights row the dialog starts from (its account, class and scope), or null. */
  rowId: string | null;
  onClose: () => void;
}

/**
 * Grant Rights and Revoke Rights: whose rights (User name), on which class, on every instance (a class right) or on the
 * instances chosen, and which rights. Each right the connected administrator may not grant (or revoke) there is greyed
 * out with the server's reason; the server refuses the same requests with the same words.
 */
export function SecurityRightsDialog(props: SecurityRightsDialogProps) {
  const row = useQuery({ ...objectQuery(props.admin, 'security-rights', props.rowId ?? ''), enabled: !!props.rowId });
  if (props.rowId && row.isPending) {
    return (
      <Dialog title={SECURITY_RIGHTS_TITLES[props.dialog]} onClose={props.onClose} footer={null}>
        <p>Loading the selected rights…</p>
      </Dialog>
    );
  }
  const item = row.data?.item as SecurityRightRow | undefined;
  const start: FormStart = item
    ? {
        account: item.account,
        objectType: item.objectType,
        scope: item.instanceId === null ? 'class' : 'instances',
        instances:
          item.instanceId === null ? [] : [{ id: item.instanceId, name: item.instanceName ?? item.instanceId }],
      }
    : { account: '', objectType: 'DeploymentTemplate', scope: 'class', instances: [] };
  return <RightsForm {...props} start={start} />;
}

function RightsForm(props: SecurityRightsDialogProps & { start: FormStart }) {
  const action = props.dialog === 'grant-rights' ? 'grant' : 'revoke';
  const title = SECURITY_RIGHTS_TITLES[props.dialog];
  const session = useQuery(sessionQuery());
  const [account, setAccount] = useState(props.start.account);
  const [objectType, setObjectType] = useState<ObjectType>(props.start.objectType);
  const [scope, setScope] = useState<Scope>(props.start.scope);
  const [instances, setInstances] = useState(props.start.instances);
  const [rights, setRights] = useState<Right[]>([]);
  const change = useChangeRights(props.admin, action);
  const ids = { account: useId(), objectType: useId(), why: useId() };

  const request = {
    action,
    account,
    objectType,
    instanceIds: scope === 'class' ? null : instances.map((instance) => instance.id),
    rights,
  } as const;
  const review = useQuery({ ...rightsReviewQuery(props.admin, request), enabled: account !== '' });
  const reviewed = account === '' ? undefined : review.data;
  const whyNot = account === '' ? 'Choose the administrator whose rights change.' : reviewed?.whyNot;

  const submit = () => {
    if (request.instanceIds !== null && request.instanceIds.length === 0) return;
    change.mutate(
      { account, objectType, instanceIds: request.instanceIds, rights },
      { onSuccess: () => props.onClose() },
    );
  };

  return (
    <Dialog
      title={title}
      width={600}
      onClose={props.onClose}
      footer={
        <>
          <button
            type="submit"
            form="security-rights-form"
            className="win-button"
            disabled={!reviewed || whyNot !== null || change.isPending || review.isFetching}
            aria-describedby={whyNot ? ids.why : undefined}
          >
            OK
          </button>
          <button type="button" className="win-button" onClick={props.onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        id="security-rights-form"
        noValidate
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="grid grid-cols-[90px_1fr] items-center gap-2">
          <label htmlFor={ids.account}>User name</label>
          <select
            id={ids.account}
            className="win-input"
            value={account}
            {...INITIAL_FOCUS}
            onChange={(event) => {
              setAccount(event.target.value);
              setRights([]);
            }}
          >
            <option value="">(choose an administrator)</option>
            {(session.data?.administrators ?? []).map((administrator) => (
              <option key={administrator.account} value={administrator.account}>
                {administrator.account}
              </option>
            ))}
          </select>
          <label htmlFor={ids.objectType}>Class</label>
          <select
            id={ids.objectType}
            className="win-input"
            value={objectType}
            onChange={(event) => {
              setObjectType(event.target.value as ObjectType);
              setInstances([]);
              setRights([]);
            }}
          >
            {OBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {OBJECT_TYPE_NAMES[type].plural}
              </option>
            ))}
          </select>
        </div>
        <RadioGroup<Scope>
          legend="Apply to"
          value={scope}
          options={[
            {
              value: 'class',
              label: `All instances: a class right on every ${OBJECT_TYPE_NAMES[objectType].singular}`,
            },
            { value: 'instances', label: 'Chosen instances' },
          ]}
          onChange={(next) => {
            setScope(next);
            setRights([]);
          }}
        />
        {scope === 'instances' ? (
          <InstancePicker
            admin={props.admin}
            objectType={objectType}
            chosen={instances}
            onChange={(next) => {
              setInstances(next);
              setRights([]);
            }}
          />
        ) : null}
        <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
          <legend className="px-1">Rights</legend>
          {reviewed?.scopeWhyNot ? <FieldNote id={`${ids.why}-scope`}>{reviewed.scopeWhyNot}</FieldNote> : null}
          <div className="grid grid-cols-2 gap-x-3 gap-y-1">
            {RIGHTS_BY_OBJECT_TYPE[objectType].map((right) => {
              const entry = reviewed?.rights.find((candidate) => candidate.right === right);
              const checked = rights.includes(right);
              const reason = reviewed?.scopeWhyNot ? null : (entry?.whyNot ?? null);
              return (
                <CheckboxField
                  key={right}
                  label={right}
                  checked={checked}
                  // A right ticked before the answer changed can still be unticked.
                  disabled={!reviewed || (!checked && (reviewed.scopeWhyNot !== null || reason !== null))}
                  note={reason ?? undefined}
                  onChange={(tick) =>
                    setRights((current) =>
                      tick ? [...current, right] : current.filter((candidate) => candidate !== right),
                    )
                  }
                />
              );
            })}
          </div>
        </fieldset>
        {whyNot && rights.length > 0 ? (
          <p id={ids.why} className="text-[#555]">
            {whyNot}
          </p>
        ) : whyNot ? (
          <p id={ids.why} className="sr-only">
            {whyNot}
          </p>
        ) : null}
        {change.isError ? (
          <p role="alert" className="border border-[#c9a13b] bg-[#fff8dc] p-2">
            The rights were not {action === 'grant' ? 'granted' : 'revoked'}: {change.error.message}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

/** Find instances of the class (among those the connected administrator may read) and tick the ones to name. */
function InstancePicker(props: {
  admin: string;
  objectType: ObjectType;
  chosen: Array<{ id: string; name: string }>;
  onChange: (chosen: Array<{ id: string; name: string }>) => void;
}) {
  const [find, setFind] = useState('');
  const findId = useId();
  const lists = INSTANCE_LISTS[props.objectType];
  const pages = useQueries({
    queries: lists.map((resource) => listPageQuery(props.admin, resource, { q: find }, 0)),
  });
  const found = pages.flatMap((page, index) =>
    ((page.data?.items ?? []) as Identified[]).map((item) => ({
      id: item.id,
      name: RESOURCES[lists[index] as ResourceName].nameOf(item),
    })),
  );
  const refused = pages.find((page) => page.isError)?.error?.message;
  const chosenIds = new Set(props.chosen.map((instance) => instance.id));
  const shown = [...props.chosen, ...found.filter((instance) => !chosenIds.has(instance.id))];
  const singular = OBJECT_TYPE_NAMES[props.objectType].singular;
  return (
    <fieldset className="border border-[#c8c8c8] px-2 pt-0.5 pb-2">
      <legend className="px-1">Instances</legend>
      <div className="mb-1 grid grid-cols-[90px_1fr] items-center gap-2">
        <label htmlFor={findId}>Find instances</label>
        <input id={findId} className="win-input" value={find} onChange={(event) => setFind(event.target.value)} />
      </div>
      <div className="max-h-40 space-y-0.5 overflow-auto border border-[#c8c8c8] bg-white p-1">
        {shown.map((instance) => (
          <CheckboxField
            key={instance.id}
            label={`${instance.name} (${instance.id})`}
            checked={chosenIds.has(instance.id)}
            onChange={(tick) =>
              props.onChange(
                tick ? [...props.chosen, instance] : props.chosen.filter((candidate) => candidate.id !== instance.id),
              )
            }
          />
        ))}
        {shown.length === 0 && pages.every((page) => !page.isPending) ? (
          <p className="text-[#555]">{refused ?? `No ${singular} you may read matches.`}</p>
        ) : null}
      </div>
      <FieldNote id={`${findId}-count`}>
        {props.chosen.length === 0
          ? `Choose at least one ${singular}.`
          : `${props.chosen.length} chosen. The first 100 matches are listed.`}
      </FieldNote>
    </fieldset>
  );
}
