import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSaveSoftwareUpdatePoint } from '@/api/after-upgrade';
import { listPageQuery } from '@/api/resources';
import { formatDateTime } from '@/domain/format';
import type { SiteSystem } from '@/domain/model/after-upgrade-objects';
import { Dialog } from '@/ui/dialog';
import { Tabs } from '@/ui/tabs';
import { PlanningNote, Refusal, useSiteStatus, INITIAL_FOCUS } from './dialog-parts';

export const SOFTWARE_UPDATE_POINT_TITLE = 'Software Update Point Component Properties';

type ListKey = 'products' | 'classifications' | 'languages';
type Choice = Record<ListKey, string[]>;

/** Every tab as tall as the tallest (Languages), so the dialog does not jump as the tabs change. */
const TAB_HEIGHT = 'min-h-[244px]';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const chosenSummary = (choice: Choice) =>
  `${count(choice.products.length, 'product', 'products')}, ${count(choice.classifications.length, 'classification', 'classifications')} and ${count(choice.languages.length, 'language', 'languages')} chosen.`;

/**
 * "New Roles..." on Site Systems: the software update point role, with what it synchronizes from WSUS (products,
 * update classifications, languages). Its defaults are the role's current settings, or what the server proposes.
 */
export function SoftwareUpdatePointDialog(props: { admin: string; serverName?: string; onClose: () => void }) {
  const status = useSiteStatus(props.admin);
  const siteSystems = useQuery(listPageQuery(props.admin, 'site-systems', {}, 0));
  const save = useSaveSoftwareUpdatePoint(props.admin);
  const [chosen, setChosen] = useState<Choice | null>(null);
  const [server, setServer] = useState<string | null>(null);
  const serverId = useId();

  const data = status.data;
  const proposed = data?.proposedSoftwareUpdatePoint;
  const shown: Choice = chosen ?? {
    products: proposed?.products ?? [],
    classifications: proposed?.classifications ?? [],
    languages: proposed?.languages ?? [],
  };
  const systems = (siteSystems.data?.items ?? []) as SiteSystem[];
  const shownServer = server ?? props.serverName ?? data?.softwareUpdatePoint?.serverName ?? proposed?.serverName ?? '';
  const notAllowed = data && !data.configureSoftwareUpdatePoint.enabled ? data.configureSoftwareUpdatePoint.why : null;

  const toggle = (list: ListKey, value: string, on: boolean) => {
    const current = shown[list];
    const next = on ? [...current, value] : current.filter((candidate) => candidate !== value);
    // Kept in the order WSUS offers them, whatever the order of the clicks.
    const offered = data?.offered[list] ?? [];
    setChosen({ ...shown, [list]: offered.filter((candidate) => next.includes(candidate)) });
  };

  const checkboxes = (list: ListKey, legend: string, columns = 1) => (
    <fieldset className={`${TAB_HEIGHT} border border-[#a0a0a0] px-2 pb-2`}>
      <legend className="px-1">{legend}</legend>
      <ul className={columns === 2 ? 'grid grid-cols-2 gap-x-3' : ''}>
        {(data?.offered[list] ?? []).map((value) => (
          <li key={value}>
            <label className="flex items-center gap-1.5 py-px">
              <input
                type="checkbox"
                checked={shown[list].includes(value)}
                onChange={(event) => toggle(list, value, event.target.checked)}
              />
              {value}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );

  const submit = () => {
    save.mutate({ serverName: shownServer || undefined, ...shown }, { onSuccess: () => props.onClose() });
  };

  const sup = data?.softwareUpdatePoint;
  return (
    <Dialog
      title={SOFTWARE_UPDATE_POINT_TITLE}
      onClose={props.onClose}
      width={520}
      footer={
        <>
          <button
            type="submit"
            form="software-update-point"
            className="win-button"
            disabled={!data || notAllowed !== null || save.isPending}
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
        id="software-update-point"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {status.isError ? <Refusal>{status.error.message}</Refusal> : null}
        {!data && status.isPending ? <p>Loading the software update point settings…</p> : null}
        {notAllowed ? <p className="mb-2 text-[#a11]">{notAllowed}</p> : null}
        {save.isError ? <Refusal>The software update point was not saved: {save.error.message}</Refusal> : null}
        {data ? (
          <div className="mt-2">
            <Tabs
              label={SOFTWARE_UPDATE_POINT_TITLE}
              tabs={[
                {
                  id: 'general',
                  title: 'General',
                  content: (
                    <div className={`${TAB_HEIGHT} space-y-2`}>
                      <div className="grid grid-cols-[90px_1fr] items-center gap-2">
                        <label htmlFor={serverId}>Site system</label>
                        <select
                          id={serverId}
                          className="win-input"
                          value={shownServer}
                          // The dialog opens on the server that will hold the role.
                          {...INITIAL_FOCUS}
                          onChange={(event) => setServer(event.target.value)}
                        >
                          {systems.some((system) => system.id === shownServer) ? null : (
                            <option value={shownServer}>{shownServer}</option>
                          )}
                          {systems.map((system) => (
                            <option key={system.id} value={system.id}>
                              {system.name}
                            </option>
                          ))}
                        </select>
                      </div>
                      <p>
                        {sup
                          ? `The software update point is on ${sup.serverName}, created by ${sup.createdBy} on ${formatDateTime(sup.createdAt)}; ${sup.lastSynchronizedAt ? `last synchronized ${formatDateTime(sup.lastSynchronizedAt)}` : 'not synchronized yet'}.`
                          : 'There is no software update point yet: OK creates the role on this site system, synchronizing the products, classifications and languages chosen on the other tabs.'}
                      </p>
                      <PlanningNote>
                        After a site upgrade, the software update point site role must be created and configured and
                        then synchronized with the Windows Server Update Services (WSUS) server.
                      </PlanningNote>
                      <p>{chosenSummary(shown)}</p>
                    </div>
                  ),
                },
                {
                  id: 'classifications',
                  title: 'Classifications',
                  content: checkboxes('classifications', 'Update Classifications'),
                },
                { id: 'products', title: 'Products', content: checkboxes('products', 'Products') },
                { id: 'languages', title: 'Languages', content: checkboxes('languages', 'Languages', 2) },
              ]}
            />
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
