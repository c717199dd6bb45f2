import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TreeItemData {
  id: string;
  label: string;
  icon?: ReactNode;
  children: TreeItemData[];
}

interface TreeViewProps {
  label: string;
  root: TreeItemData;
  selectedId: string | null;
  expandedIds: ReadonlySet<string>;
  onExpandedChange: (id: string, expanded: boolean) => void;
  /** `how` tells whether a person chose the item (click, Enter) or moved onto it with the arrow keys. */
  onSelect: (id: string, how: 'activate' | 'move') => void;
}

interface VisibleItem {
  item: TreeItemData;
  level: number;
  parentId: string | null;
}

function visibleItems(root: TreeItemData, expanded: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (item: TreeItemData, level: number, parentId: string | null) => {
    out.push({ item, level, parentId });
    if (item.children.length > 0 && expanded.has(item.id)) {
      for (const child of item.children) walk(child, level + 1, item.id);
    }
  };
  walk(root, 1, null);
  return out;
}

const TYPE_AHEAD_RESET_MS = 700;

/**
 * A WAI-ARIA tree view (tree, treeitem, group, aria-expanded, aria-selected) with a roving tab stop: arrow keys,
 * Home/End, Enter, and type-ahead on the items' labels. Moving with the arrows selects, as in MMC.
 */
export function TreeView({ label, root, selectedId, expandedIds, onExpandedChange, onSelect }: TreeViewProps) {
  const visible = useMemo(() => visibleItems(root, expandedIds), [root, expandedIds]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const typeAhead = useRef({ text: '', at: 0 });
  const tabStopId =
    focusedId && visible.some((v) => v.item.id === focusedId)
      ? focusedId
      : selectedId && visible.some((v) => v.item.id === selectedId)
        ? selectedId
        : root.id;

  // The item to focus once it is rendered (moving to a child renders it first).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current) {
      itemRefs.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  });

  const moveTo = (id: string) => {
    setFocusedId(id);
    pendingFocus.current = id;
    onSelect(id, 'move');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = visible.findIndex((v) => v.item.id === tabStopId);
    const current = visible[index];
    if (!current) return;
    const { item } = current;
    const hasChildren = item.children.length > 0;
    const isExpanded = expandedIds.has(item.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (index < visible.length - 1) moveTo((visible[index + 1] as VisibleItem).item.id);
        break;
      case 'ArrowUp':
        if (index > 0) moveTo((visible[index - 1] as VisibleItem).item.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !isExpanded) onExpandedChange(item.id, true);
        else if (hasChildren) moveTo((item.children[0] as TreeItemData).id);
        break;
      case 'ArrowLeft':
        if (hasChildren && isExpanded) onExpandedChange(item.id, false);
        else if (current.parentId) moveTo(current.parentId);
        break;
      case 'Home':
        moveTo((visible[0] as VisibleItem).item.id);
        break;
      case 'End':
        moveTo((visible[visible.length - 1] as VisibleItem).item.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(item.id, 'activate');
        break;
      case '*':
        for (const sibling of visible.filter((v) => v.parentId === current.parentId)) {
          if (sibling.item.children.length > 0) onExpandedChange(sibling.item.id, true);
        }
        break;
      default:
        // Shortcuts with Ctrl, Alt or Meta (Ctrl+F, ...) belong to the browser and the console, not type-ahead.
        handled = !event.ctrlKey && !event.altKey && !event.metaKey && typeAheadTo(event.key, index);
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const typeAheadTo = (key: string, fromIndex: number): boolean => {
    if (key.length !== 1 || !/\S/.test(key)) return false;
    const now = performance.now();
    const state = typeAhead.current;
    state.text = now - state.at > TYPE_AHEAD_RESET_MS ? key : state.text + key;
    state.at = now;
    // A single letter, even typed repeatedly ("ddd"), cycles through the items starting with it; a longer prefix
    // stays on the current item while it still matches.
    const repeated = /^(.)\1*$/u.test(state.text);
    const needle = (repeated ? key : state.text).toLocaleLowerCase();
    const start = repeated ? fromIndex + 1 : fromIndex;
    for (let offset = 0; offset < visible.length; offset++) {
      const candidate = visible[(start + offset) % visible.length] as VisibleItem;
      if (candidate.item.label.toLocaleLowerCase().startsWith(needle)) {
        moveTo(candidate.item.id);
        break;
      }
    }
    return true;
  };

  const renderItem = (item: TreeItemData, level: number, position: number, setSize: number): ReactNode => {
    const hasChildren = item.children.length > 0;
    const isExpanded = expandedIds.has(item.id);
    const isSelected = item.id === selectedId;
    const labelId = `tree-label-${item.id}`;
    return (
      <li
        key={item.id}
        ref={(element) => {
          if (element) itemRefs.current.set(item.id, element);
          else itemRefs.current.delete(item.id);
        }}
        role="treeitem"
        aria-labelledby={labelId}
        aria-level={level}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-expanded={hasChildren ? isExpanded : undefined}
        aria-selected={isSelected}
        tabIndex={item.id === tabStopId ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusedId(item.id);
        }}
        className="outline-none"
        data-node-id={item.id}
      >
        <div
          className="tree-row flex cursor-default items-center gap-1 py-px pr-2 whitespace-nowrap"
          style={{ paddingLeft: `${(level - 1) * 16 + 2}px` }}
          onClick={(event) => {
            event.stopPropagation();
            setFocusedId(item.id);
            onSelect(item.id, 'activate');
          }}
          onDoubleClick={() => hasChildren && onExpandedChange(item.id, !isExpanded)}
        >
          <span
            aria-hidden="true"
            className="tree-twisty inline-flex h-[13px] w-[13px] shrink-0 items-center justify-center"
            onClick={(event) => {
              event.stopPropagation();
              if (hasChildren) onExpandedChange(item.id, !isExpanded);
            }}
          >
            {hasChildren ? (isExpanded ? '▾' : '▸') : ''}
          </span>
          {item.icon}
          <span id={labelId} className="tree-label px-[3px]" data-selected={isSelected || undefined}>
            {item.label}
          </span>
        </div>
        {hasChildren && isExpanded ? (
          <ul role="group">
            {item.children.map((child, index) => renderItem(child, level + 1, index + 1, item.children.length))}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <ul
      role="tree"
      aria-label={label}
      className="console-tree select-none"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Leaving the tree forgets the focused item: coming back lands on the selected one.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null);
      }}
    >
      {renderItem(root, 1, 1, 1)}
    </ul>
  );
}
