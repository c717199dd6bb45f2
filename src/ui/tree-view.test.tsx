// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TreeView, type TreeItemData } from './tree-view';

const leaf = (id: string, label: string): TreeItemData => ({ id, label, children: [] });

/**
 * Root
 *   Desktop        (Desk notes)
 *   Documents      (Drafts, Reports)
 *   Depot
 *   Music
 */
const ROOT: TreeItemData = {
  id: 'root',
  label: 'Root',
  children: [
    { id: 'desktop', label: 'Desktop', children: [leaf('desk-notes', 'Desk notes')] },
    { id: 'documents', label: 'Documents', children: [leaf('drafts', 'Drafts'), leaf('reports', 'Reports')] },
    leaf('depot', 'Depot'),
    leaf('music', 'Music'),
  ],
};

interface HarnessProps {
  initialExpanded?: string[];
  initialSelected?: string | null;
  onSelect?: (id: string, how: 'activate' | 'move') => void;
  onExpandedChange?: (id: string, expanded: boolean) => void;
}

/** Keeps the expanded items and the selection in state, as the console's tree pane does. */
function Harness({ initialExpanded = ['root'], initialSelected = null, onSelect, onExpandedChange }: HarnessProps) {
  const [expandedIds, setExpandedIds] = useState<ReadonlySet<string>>(new Set(initialExpanded));
  const [selectedId, setSelectedId] = useState<string | null>(initialSelected);
  return (
    <>
      <button type="button">Before</button>
      <TreeView
        label="Folders"
        root={ROOT}
        selectedId={selectedId}
        expandedIds={expandedIds}
        onExpandedChange={(id, expanded) => {
          onExpandedChange?.(id, expanded);
          setExpandedIds((previous) => {
            const next = new Set(previous);
            if (expanded) next.add(id);
            else next.delete(id);
            return next;
          });
        }}
        onSelect={(id, how) => {
          onSelect?.(id, how);
          setSelectedId(id);
        }}
      />
    </>
  );
}

function setup(props: HarnessProps = {}) {
  const onSelect = vi.fn<(id: string, how: 'activate' | 'move') => void>();
  const onExpandedChange = vi.fn<(id: string, expanded: boolean) => void>();
  const user = userEvent.setup();
  render(<Harness onSelect={onSelect} onExpandedChange={onExpandedChange} {...props} />);
  return { user, onSelect, onExpandedChange };
}

const item = (name: string) => screen.getByRole('treeitem', { name });
const queryItem = (name: string) => screen.queryByRole('treeitem', { name });

/** Tabs from the button before the tree into it, and checks where focus lands. */
async function tabIntoTree(user: ReturnType<typeof userEvent.setup>, expected: string) {
  await user.click(screen.getByRole('button', { name: 'Before' }));
  await user.tab();
  expect(item(expected)).toHaveFocus();
}

describe('TreeView: roles and names', () => {
  it('is a tree named by its label', () => {
    setup();
    expect(screen.getByRole('tree', { name: 'Folders' })).toBeInTheDocument();
  });

  it('names each tree item by its own label only, not by the text of its children', () => {
    setup({ initialExpanded: ['root', 'documents'] });
    expect(item('Root')).toHaveAccessibleName('Root');
    expect(item('Documents')).toHaveAccessibleName('Documents');
    expect(item('Drafts')).toHaveAccessibleName('Drafts');
  });

  it('gives each item its level', () => {
    setup({ initialExpanded: ['root', 'documents'] });
    expect(item('Root')).toHaveAttribute('aria-level', '1');
    expect(item('Documents')).toHaveAttribute('aria-level', '2');
    expect(item('Reports')).toHaveAttribute('aria-level', '3');
  });

  it('sets aria-expanded only on items that have children', () => {
    setup({ initialExpanded: ['root', 'documents'] });
    expect(item('Root')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Documents')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Desktop')).toHaveAttribute('aria-expanded', 'false');
    expect(item('Depot')).not.toHaveAttribute('aria-expanded');
    expect(item('Drafts')).not.toHaveAttribute('aria-expanded');
  });

  it('renders the children of expanded items only', () => {
    setup({ initialExpanded: ['root', 'documents'] });
    expect(item('Drafts')).toBeInTheDocument();
    expect(queryItem('Desk notes')).not.toBeInTheDocument();
  });

  it('marks the selected item with aria-selected', () => {
    setup({ initialSelected: 'depot' });
    expect(item('Depot')).toHaveAttribute('aria-selected', 'true');
    expect(item('Music')).toHaveAttribute('aria-selected', 'false');
    expect(item('Root')).toHaveAttribute('aria-selected', 'false');
  });
});

describe('TreeView: a single tab stop', () => {
  it('has exactly one item in the tab order', () => {
    setup({ initialExpanded: ['root', 'documents'], initialSelected: 'drafts' });
    const tabbable = screen.getAllByRole('treeitem').filter((element) => element.tabIndex === 0);
    expect(tabbable).toEqual([item('Drafts')]);
  });

  it('puts the tab stop on the root when nothing is selected', async () => {
    const { user } = setup();
    await tabIntoTree(user, 'Root');
  });

  it('puts the tab stop on the selected item', async () => {
    const { user } = setup({ initialSelected: 'music' });
    await tabIntoTree(user, 'Music');
  });

  it('moves the tab stop with the focus, and Tab leaves the tree', async () => {
    const { user } = setup();
    await tabIntoTree(user, 'Root');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(item('Documents')).toHaveFocus();
    const tabbable = screen.getAllByRole('treeitem').filter((element) => element.tabIndex === 0);
    expect(tabbable).toEqual([item('Documents')]);
    await user.tab();
    expect(document.body).toHaveFocus();
    await user.tab({ shift: true });
    expect(item('Documents')).toHaveFocus();
  });
});

describe('TreeView: mouse', () => {
  it('activates an item on click', async () => {
    const { user, onSelect } = setup();
    await user.click(screen.getByText('Depot'));
    expect(onSelect).toHaveBeenLastCalledWith('depot', 'activate');
    expect(item('Depot')).toHaveAttribute('aria-selected', 'true');
  });

  it('expands and collapses an item on double-click', async () => {
    const { user, onExpandedChange } = setup();
    await user.dblClick(screen.getByText('Documents'));
    expect(onExpandedChange).toHaveBeenLastCalledWith('documents', true);
    expect(item('Drafts')).toBeInTheDocument();
    await user.dblClick(screen.getByText('Documents'));
    expect(onExpandedChange).toHaveBeenLastCalledWith('documents', false);
    expect(queryItem('Drafts')).not.toBeInTheDocument();
  });
});

describe('TreeView: keyboard', () => {
  it('ArrowDown and ArrowUp move the focus through the visible items and select them', async () => {
    const { user, onSelect } = setup();
    await tabIntoTree(user, 'Root');

    await user.keyboard('{ArrowDown}');
    expect(item('Desktop')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('desktop', 'move');
    expect(item('Desktop')).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}');
    expect(item('Documents')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('documents', 'move');

    await user.keyboard('{ArrowUp}');
    expect(item('Desktop')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('desktop', 'move');
  });

  it('ArrowDown walks into expanded items and out again', async () => {
    const { user } = setup({ initialExpanded: ['root', 'documents'], initialSelected: 'documents' });
    await tabIntoTree(user, 'Documents');
    await user.keyboard('{ArrowDown}');
    expect(item('Drafts')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(item('Depot')).toHaveFocus();
  });

  it('ArrowDown on the last item and ArrowUp on the first do nothing', async () => {
    const { user, onSelect } = setup({ initialSelected: 'music' });
    await tabIntoTree(user, 'Music');
    await user.keyboard('{ArrowDown}');
    expect(item('Music')).toHaveFocus();
    await user.keyboard('{Home}');
    onSelect.mockClear();
    await user.keyboard('{ArrowUp}');
    expect(item('Root')).toHaveFocus();
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('ArrowRight expands a closed item, then moves to its first child', async () => {
    const { user, onSelect, onExpandedChange } = setup({ initialSelected: 'documents' });
    await tabIntoTree(user, 'Documents');

    onSelect.mockClear();
    await user.keyboard('{ArrowRight}');
    expect(onExpandedChange).toHaveBeenLastCalledWith('documents', true);
    expect(item('Documents')).toHaveAttribute('aria-expanded', 'true');
    expect(item('Documents')).toHaveFocus();
    expect(onSelect).not.toHaveBeenCalled();

    await user.keyboard('{ArrowRight}');
    expect(item('Drafts')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('drafts', 'move');
  });

  it('ArrowRight on a leaf does nothing', async () => {
    const { user, onSelect, onExpandedChange } = setup({ initialSelected: 'depot' });
    await tabIntoTree(user, 'Depot');
    onSelect.mockClear();
    await user.keyboard('{ArrowRight}');
    expect(item('Depot')).toHaveFocus();
    expect(onSelect).not.toHaveBeenCalled();
    expect(onExpandedChange).not.toHaveBeenCalled();
  });

  it('ArrowLeft moves from a child to its parent, then collapses the parent', async () => {
    const { user, onSelect, onExpandedChange } = setup({
      initialExpanded: ['root', 'documents'],
      initialSelected: 'reports',
    });
    await tabIntoTree(user, 'Reports');

    await user.keyboard('{ArrowLeft}');
    expect(item('Documents')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('documents', 'move');

    await user.keyboard('{ArrowLeft}');
    expect(onExpandedChange).toHaveBeenLastCalledWith('documents', false);
    expect(item('Documents')).toHaveAttribute('aria-expanded', 'false');
    expect(queryItem('Reports')).not.toBeInTheDocument();
    expect(item('Documents')).toHaveFocus();

    await user.keyboard('{ArrowLeft}');
    expect(item('Root')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('root', 'move');
  });

  it('Home and End move to the first and the last visible item', async () => {
    const { user, onSelect } = setup({ initialExpanded: ['root', 'documents'], initialSelected: 'drafts' });
    await tabIntoTree(user, 'Drafts');

    await user.keyboard('{End}');
    expect(item('Music')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('music', 'move');

    await user.keyboard('{Home}');
    expect(item('Root')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('root', 'move');
  });

  it('End goes to the deepest last item when the last branch is open', async () => {
    const root: TreeItemData = {
      id: 'r',
      label: 'Root',
      children: [leaf('a', 'Alpha'), { id: 'b', label: 'Beta', children: [leaf('b1', 'Beta one')] }],
    };
    const user = userEvent.setup();
    render(
      <TreeView
        label="Folders"
        root={root}
        selectedId={null}
        expandedIds={new Set(['r', 'b'])}
        onExpandedChange={() => {}}
        onSelect={() => {}}
      />,
    );
    await user.tab();
    await user.keyboard('{End}');
    expect(item('Beta one')).toHaveFocus();
  });

  it('Enter and Space activate the focused item', async () => {
    const { user, onSelect } = setup();
    await tabIntoTree(user, 'Root');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('desktop', 'activate');
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith('documents', 'activate');
  });

  it('* expands every sibling of the focused item that has children', async () => {
    const { user, onExpandedChange } = setup({ initialSelected: 'depot' });
    await tabIntoTree(user, 'Depot');
    await user.keyboard('*');
    expect(onExpandedChange).toHaveBeenCalledWith('desktop', true);
    expect(onExpandedChange).toHaveBeenCalledWith('documents', true);
    expect(onExpandedChange).toHaveBeenCalledTimes(2);
    expect(item('Desk notes')).toBeInTheDocument();
    expect(item('Drafts')).toBeInTheDocument();
  });

  // BUG (src/ui/tree-view.tsx, lines 49-54): the tab stop prefers the last focused item over the selected one, and the
  // focused item is never forgotten. Once a person has focused an item, a selection made elsewhere (the results pane
  // opening a child node, a link, the URL) no longer moves the tab stop: Tab lands on the old item, and the arrow keys
  // start from there. The WAI-ARIA tree pattern says focus goes to the selected node when the tree receives focus.
  it('after a selection made outside the tree, Tab into the tree lands on the selected item', async () => {
    function WithOutsideSelection() {
      const [selectedId, setSelectedId] = useState<string | null>(null);
      return (
        <>
          <button type="button" onClick={() => setSelectedId('music')}>
            Open Music
          </button>
          <TreeView
            label="Folders"
            root={ROOT}
            selectedId={selectedId}
            expandedIds={new Set(['root'])}
            onExpandedChange={() => {}}
            onSelect={(id) => setSelectedId(id)}
          />
        </>
      );
    }
    const user = userEvent.setup();
    render(<WithOutsideSelection />);
    await user.click(screen.getByText('Desktop'));
    expect(item('Desktop')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Open Music' }));
    expect(item('Music')).toHaveAttribute('aria-selected', 'true');
    await user.tab();
    expect(item('Music')).toHaveFocus();
  });

  it('puts the tab stop on a new selection made from outside before the tree was focused', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <TreeView
        label="Folders"
        root={ROOT}
        selectedId="desktop"
        expandedIds={new Set(['root'])}
        onExpandedChange={() => {}}
        onSelect={() => {}}
      />,
    );
    rerender(
      <TreeView
        label="Folders"
        root={ROOT}
        selectedId="music"
        expandedIds={new Set(['root'])}
        onExpandedChange={() => {}}
        onSelect={() => {}}
      />,
    );
    await user.tab();
    expect(item('Music')).toHaveFocus();
  });
});

describe('TreeView: type-ahead', () => {
  // The type-ahead buffer resets after a pause; a controllable clock makes "quickly" and "after a pause" exact.
  let now = 0;
  beforeEach(() => {
    now = 10_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('typing a prefix moves to the first visible item that starts with it', async () => {
    const { user, onSelect } = setup();
    await tabIntoTree(user, 'Root');
    await user.keyboard('d');
    // "d" alone goes to the next item starting with d...
    expect(item('Desktop')).toHaveFocus();
    await user.keyboard('e');
    // ..."de" still matches it, so the focus stays...
    expect(item('Desktop')).toHaveFocus();
    await user.keyboard('p');
    // ...and "dep" goes on to Depot, skipping Documents.
    expect(item('Depot')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('depot', 'move');
  });

  it('is case-insensitive', async () => {
    const { user } = setup();
    await tabIntoTree(user, 'Root');
    await user.keyboard('MU');
    expect(item('Music')).toHaveFocus();
  });

  it('matches visible items only', async () => {
    const { user } = setup();
    await tabIntoTree(user, 'Root');
    // "Reports" is inside the collapsed Documents.
    await user.keyboard('r');
    expect(item('Root')).toHaveFocus();
  });

  it('wraps around to the top', async () => {
    const { user } = setup({ initialSelected: 'music' });
    await tabIntoTree(user, 'Music');
    await user.keyboard('d');
    expect(item('Desktop')).toHaveFocus();
  });

  it('starts a new search after a pause', async () => {
    const { user } = setup();
    await tabIntoTree(user, 'Root');
    await user.keyboard('de');
    expect(item('Desktop')).toHaveFocus();
    now += 1_000;
    await user.keyboard('m');
    expect(item('Music')).toHaveFocus();
  });

  it('the same letter typed after a pause cycles through the items starting with it', async () => {
    const { user } = setup();
    await tabIntoTree(user, 'Root');
    const expected = ['Desktop', 'Documents', 'Depot', 'Desktop'];
    for (const name of expected) {
      await user.keyboard('d');
      expect(item(name)).toHaveFocus();
      now += 1_000;
    }
  });

  // BUG (src/ui/tree-view.tsx, typeAheadTo, lines 122-126): typing the same letter quickly ("dd") appends it to the
  // buffer, so the search is for "dd", which matches nothing, and the focus stays on the first "d" item. The
  // component's own comment and the WAI-ARIA tree pattern say a single repeated letter cycles through the items that
  // start with it, so "ddd" should visit Desktop, Documents, Depot.
  it('a single letter typed repeatedly and quickly cycles through the items starting with it', async () => {
    const { user } = setup();
    await tabIntoTree(user, 'Root');
    await user.keyboard('d');
    expect(item('Desktop')).toHaveFocus();
    now += 100;
    await user.keyboard('d');
    expect(item('Documents')).toHaveFocus();
    now += 100;
    await user.keyboard('d');
    expect(item('Depot')).toHaveFocus();
    now += 100;
    await user.keyboard('d');
    expect(item('Desktop')).toHaveFocus();
  });

  // BUG (src/ui/tree-view.tsx, typeAheadTo, line 119): type-ahead ignores modifier keys, so Ctrl+F (or Alt+D,
  // Ctrl+L, …) pressed in the tree moves to an item starting with "f" and calls preventDefault and stopPropagation,
  // which keeps the browser's Find and other shortcuts from working while the tree has focus.
  it('leaves keys pressed with Ctrl, Alt or Meta to the browser', async () => {
    const { user, onSelect } = setup();
    await tabIntoTree(user, 'Root');
    onSelect.mockClear();
    const notPrevented = vi.fn();
    document.addEventListener('keydown', (event) => notPrevented(event.defaultPrevented), { once: true });
    await user.keyboard('{Control>}m{/Control}');
    expect(item('Root')).toHaveFocus();
    expect(onSelect).not.toHaveBeenCalled();
    expect(notPrevented).toHaveBeenCalledWith(false);
  });
});
