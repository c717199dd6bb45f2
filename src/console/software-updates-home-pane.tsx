import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useConnectedAdmin } from '@/api/connection';
import { sessionQuery } from '@/api/session';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import type { GridCommand } from '@/ui/data-grid';
import type { GridSelection } from '@/ui/grid-selection';
import { SoftwareUpdatesHome } from '@/features/software-updates-home/software-updates-home';
import { useConsoleView } from './console-url';
import { rowHeightFor, useDisplaySettings } from './display-settings';
import type { AnyObject } from './node-views';
import { clearResultsSelection, publishResultsSelection } from './results-selection';
import { listKeyOf, useConsoleActions } from './use-console-actions';

/**
 * The Software Updates node: its home page, with the filter in the URL (?vendor=&class=&month=&year=&sort=), the
 * focused row shared with the Actions pane (Properties), and what the last action said under it.
 */
export function SoftwareUpdatesHomePane({ node }: { node: ConsoleTreeNode }) {
  const admin = useConnectedAdmin();
  const [view, setView] = useConsoleView();
  const session = useQuery(sessionQuery());
  const display = useDisplaySettings();
  const actions = useConsoleActions();
  const siteYear = Number(session.data?.clock.slice(0, 4)) || 2008;
  const listKey = listKeyOf(admin, view);
  const onSelectionChange = useCallback(
    (selection: GridSelection, total: number, focused: AnyObject | null) =>
      publishResultsSelection({ listKey, selection, total, focused }),
    [listKey],
  );
  useEffect(() => clearResultsSelection, []);
  const onCommand = (command: GridCommand) => {
    if (command !== 'refresh') return;
    actions.nodeActions.find((action) => action.label === 'Refresh')?.run();
  };
  return (
    <SoftwareUpdatesHome
      admin={admin}
      title={node.name}
      urlFilter={{
        vendor: view.homeVendor ?? null,
        classification: view.homeClassification ?? null,
        month: view.homeMonth ?? null,
        year: view.homeYear ?? null,
      }}
      sort={view.sort}
      siteYear={siteYear}
      onFilterChange={(next) =>
        setView({
          homeVendor: next.vendor,
          homeClassification: next.classification,
          homeMonth: next.month,
          homeYear: next.year,
          selectedId: null,
        })
      }
      onSortChange={(sort) => setView({ sort })}
      onSelectionChange={onSelectionChange}
      onOpenProperties={(id) => setView({ selectedId: id, propertiesId: id })}
      onCommand={onCommand}
      rowHeight={rowHeightFor(display)}
      footer={
        actions.message ? (
          <p
            role={actions.message.error ? 'alert' : 'status'}
            className={`border-t border-[#a0a0a0] px-2 py-0.5 ${actions.message.error ? 'text-[#a11]' : ''}`}
          >
            {actions.message.text}
          </p>
        ) : null
      }
    />
  );
}
