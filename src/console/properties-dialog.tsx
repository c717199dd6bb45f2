import { useQuery } from '@tanstack/react-query';
import { useConnectedAdmin } from '@/api/connection';
import { objectQuery } from '@/api/resources';
import { RESOURCES, type ResourceName } from '@/domain/query/resources';
import { Dialog } from '@/ui/dialog';
import { Tabs, type TabDef } from '@/ui/tabs';
import type { PropertyTab } from '@/ui/view-config';
import { useConsoleView } from './console-url';
import { viewForNode, type AnyObject } from './node-views';
import { RightsHeld } from '@/ui/rights-held';

/** "<object> Properties": the object's property pages, read-only, plus the rights the administrator holds on it. */
export function PropertiesDialog({ resource, nodeKind, id }: { resource: ResourceName; nodeKind: string; id: string }) {
  const admin = useConnectedAdmin();
  const [, setView] = useConsoleView();
  const object = useQuery(objectQuery(admin, resource, id));
  const close = () => setView({ propertiesId: null });
  const item = object.data?.item as AnyObject | undefined;
  const title = item ? `${RESOURCES[resource].nameOf(item)} Properties` : 'Properties';
  const config = viewForNode(nodeKind, resource);
  const tabs: TabDef[] = item
    ? [
        ...config.propertyTabs.map((tab) => ({
          id: tab.id,
          title: tab.title,
          content: <PropertyPage tab={tab} item={item} />,
        })),
        {
          id: 'security',
          title: 'Security',
          content: <RightsHeld who={admin} what="object" rights={object.data?.rights ?? []} />,
        },
      ]
    : [];
  return (
    <Dialog
      title={title}
      onClose={close}
      width={640}
      footer={
        <>
          <button type="button" className="win-button" onClick={close}>
            OK
          </button>
          <button type="button" className="win-button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="win-button" disabled aria-describedby="apply-why">
            Apply
          </button>
          <span id="apply-why" className="sr-only">
            These properties are read-only in this console.
          </span>
        </>
      }
    >
      {object.isPending ? <p>Loading…</p> : null}
      {object.isError ? <p role="alert">{object.error.message}</p> : null}
      {item ? <Tabs label={title} tabs={tabs} /> : null}
    </Dialog>
  );
}

function PropertyPage({ tab, item }: { tab: PropertyTab<AnyObject>; item: AnyObject }) {
  return (
    <div className="grid grid-cols-[minmax(150px,max-content)_1fr] items-start gap-x-3 gap-y-1.5">
      {tab.rows.map((row) => {
        const inputId = `property-${tab.id}-${row.label.replace(/[^A-Za-z0-9]/g, '-')}`;
        const value = row.value(item);
        const href = row.href?.(item);
        return (
          <div key={row.label} className="contents">
            {href ? (
              <span className="pt-0.5">{row.label}:</span>
            ) : (
              <label htmlFor={inputId} className="pt-0.5">
                {row.label}:
              </label>
            )}
            {href ? (
              <a id={inputId} href={href} target="_blank" rel="noreferrer" className="win-link break-all">
                {value}
              </a>
            ) : row.multiline ? (
              <textarea
                id={inputId}
                readOnly
                value={value}
                rows={row.lines ?? 3}
                className="win-input w-full resize-none"
              />
            ) : (
              <input id={inputId} readOnly value={value} className="win-input w-full" />
            )}
          </div>
        );
      })}
    </div>
  );
}
