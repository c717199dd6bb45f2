import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef {
  id: string;
  title: string;
  content: ReactNode;
}

/**
 * Property-sheet tabs (tablist, tab, tabpanel); Left/Right/Home/End move between tabs, as the WAI-ARIA pattern says.
 * The owner may choose the tab shown (`activeId`, e.g. the tab of a field that is wrong) and hear of changes.
 */
export function Tabs({
  label,
  tabs,
  activeId: chosenId,
  onActiveChange,
}: {
  label: string;
  tabs: TabDef[];
  activeId?: string;
  onActiveChange?: (id: string) => void;
}) {
  const [ownId, setOwnId] = useState(tabs[0]?.id ?? '');
  const activeId = chosenId ?? ownId;
  const setActiveId = (id: string) => {
    setOwnId(id);
    onActiveChange?.(id);
  };
  const baseId = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const active = tabs.find((tab) => tab.id === activeId) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === active?.id);
    const target =
      event.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    setActiveId(target.id);
    refs.current.get(target.id)?.focus();
  };

  return (
    <div>
      <div role="tablist" aria-label={label} className="win-tablist flex flex-wrap" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === active?.id;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) refs.current.set(tab.id, element);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              className="win-tab whitespace-nowrap"
              onClick={() => setActiveId(tab.id)}
            >
              {tab.title}
            </button>
          );
        })}
      </div>
      {active ? (
        <div
          role="tabpanel"
          id={`${baseId}-panel-${active.id}`}
          aria-labelledby={`${baseId}-tab-${active.id}`}
          tabIndex={0}
          className="win-tabpanel"
        >
          {active.content}
        </div>
      ) : null}
    </div>
  );
}
