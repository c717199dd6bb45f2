import { useState } from 'react';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { DataGrid } from '@/ui/data-grid';
import { EMPTY_SELECTION, type GridSelection } from '@/ui/grid-selection';
import { NodeIcon } from './node-icon';
import { useConsoleView } from './console-url';
import { rowHeightFor, useDisplaySettings } from './display-settings';
import { ResultsHeader } from './results-header';

/** A node that only holds other nodes lists them, as MMC does; opening one selects it in the tree. */
export function ChildrenList({ node }: { node: ConsoleTreeNode }) {
  const [, setView] = useConsoleView();
  const display = useDisplaySettings();
  const [selection, setSelection] = useState<GridSelection>(EMPTY_SELECTION);
  const open = (index: number) => {
    const child = node.children[index];
    if (child) setView({ nodeId: child.id });
  };
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ResultsHeader title={node.name} count={node.children.length} searching={false} />
      <div className="min-h-0 flex-1 border-t border-[#a0a0a0]">
        <DataGrid<ConsoleTreeNode>
          label={node.name}
          columns={[
            {
              key: 'name',
              header: 'Name',
              width: 360,
              cell: (child) => (
                <span className="flex items-center gap-1">
                  <NodeIcon kind={child.kind} />
                  {child.name}
                </span>
              ),
            },
          ]}
          rowCount={node.children.length}
          getRow={(index) => node.children[index]}
          getRowId={(child) => child.id}
          selection={selection}
          onSelectionChange={setSelection}
          multiSelect={false}
          onOpen={open}
          sort={null}
          onSort={() => undefined}
          onRangeChange={() => undefined}
          emptyText="There are no items to show in this view."
          rowHeight={rowHeightFor(display)}
        />
      </div>
    </div>
  );
}
