// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ContextMenu, type MenuItem } from './context-menu';

interface Spies {
  open: () => void;
  rename: () => void;
  remove: () => void;
  refresh: () => void;
  onClose: () => void;
}

const DISABLED_BECAUSE = 'You do not have permission to delete this item.';

function itemsFor(spies: Spies): MenuItem[] {
  return [
    { label: 'Open', run: spies.open },
    { label: 'Rename', run: spies.rename },
    { label: 'Delete', run: spies.remove, disabledBecause: DISABLED_BECAUSE },
    { label: 'Refresh', run: spies.refresh, separatorBefore: true },
  ];
}

/** Opens the menu from a button, as the grid's owner does from a right-click, and closes it when asked. */
function Harness({ spies, at = { x: 100, y: 50 } }: { spies: Spies; at?: { x: number; y: number } }) {
  const [open, setOpen] = useState(false);
  const onClose = useCallback(() => {
    spies.onClose();
    setOpen(false);
  }, [spies]);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Show menu
      </button>
      <p>Somewhere else</p>
      {open ? <ContextMenu label="Item" at={at} items={itemsFor(spies)} onClose={onClose} /> : null}
    </>
  );
}

async function setup(at?: { x: number; y: number }) {
  const spies: Spies = { open: vi.fn(), rename: vi.fn(), remove: vi.fn(), refresh: vi.fn(), onClose: vi.fn() };
  const user = userEvent.setup();
  render(<Harness spies={spies} at={at} />);
  const opener = screen.getByRole('button', { name: 'Show menu' });
  await user.click(opener);
  return { user, spies, opener };
}

const menu = () => screen.queryByRole('menu', { name: 'Item' });
const item = (name: string) => screen.getByRole('menuitem', { name });

/** Checks that this item has the focus and that only it is in the tab order. */
function expectActive(name: string) {
  expect(item(name)).toHaveFocus();
  for (const other of screen.getAllByRole('menuitem')) {
    expect(other).toHaveAttribute('tabindex', other === item(name) ? '0' : '-1');
  }
}

describe('ContextMenu: roles and names', () => {
  it('is a menu named by its label, with a menu item per item, named by its label', async () => {
    await setup();
    expect(menu()).toBeInTheDocument();
    expect(screen.getAllByRole('menuitem').map((element) => element.textContent)).toEqual([
      'Open',
      'Rename',
      'Delete',
      'Refresh',
    ]);
  });

  it('draws a separator before an item that asks for one', async () => {
    await setup();
    const separator = screen.getByRole('separator');
    expect(separator.compareDocumentPosition(item('Delete')) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(separator.compareDocumentPosition(item('Refresh')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('marks a disabled item aria-disabled and describes why', async () => {
    await setup();
    expect(item('Delete')).toHaveAttribute('aria-disabled', 'true');
    expect(item('Delete')).toHaveAccessibleDescription(DISABLED_BECAUSE);
    for (const name of ['Open', 'Rename', 'Refresh']) {
      expect(item(name)).not.toHaveAttribute('aria-disabled');
      expect(item(name)).not.toHaveAccessibleDescription();
    }
  });

  it('opens at the point it is given', async () => {
    await setup({ x: 100, y: 50 });
    expect(menu()).toHaveStyle({ left: '100px', top: '50px' });
  });

  it('stays inside the window when opened near its right or bottom edge', async () => {
    await setup({ x: window.innerWidth - 10, y: window.innerHeight - 10 });
    const style = (menu() as HTMLElement).style;
    expect(Number.parseFloat(style.left)).toBeLessThanOrEqual(window.innerWidth - 240);
    expect(Number.parseFloat(style.top)).toBeLessThanOrEqual(window.innerHeight - 4 * 24);
  });
});

describe('ContextMenu: focus', () => {
  it('focuses the first item when it opens', async () => {
    await setup();
    expectActive('Open');
  });

  it('gives the focus back to the element that had it when it closes', async () => {
    const { user, opener } = await setup();
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Escape}');
    expect(menu()).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});

describe('ContextMenu: keyboard', () => {
  it('ArrowDown and ArrowUp move through the items, wrapping at the ends', async () => {
    const { user } = await setup();
    await user.keyboard('{ArrowDown}');
    expectActive('Rename');
    await user.keyboard('{ArrowDown}');
    expectActive('Delete'); // a disabled item can still be reached, to read why it is disabled
    await user.keyboard('{ArrowDown}');
    expectActive('Refresh');
    await user.keyboard('{ArrowDown}');
    expectActive('Open');
    await user.keyboard('{ArrowUp}');
    expectActive('Refresh');
    await user.keyboard('{ArrowUp}');
    expectActive('Delete');
  });

  it('Home and End go to the first and the last item', async () => {
    const { user } = await setup();
    await user.keyboard('{End}');
    expectActive('Refresh');
    await user.keyboard('{Home}');
    expectActive('Open');
  });

  it('Enter runs the focused item and closes the menu', async () => {
    const { user, spies, opener } = await setup();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(spies.rename).toHaveBeenCalledOnce();
    expect(spies.open).not.toHaveBeenCalled();
    expect(spies.onClose).toHaveBeenCalledOnce();
    expect(menu()).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('Enter on a disabled item neither runs it nor closes the menu', async () => {
    const { user, spies } = await setup();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expectActive('Delete');
    await user.keyboard('{Enter}');
    expect(spies.remove).not.toHaveBeenCalled();
    expect(spies.onClose).not.toHaveBeenCalled();
    expect(menu()).toBeInTheDocument();
  });

  it('Escape closes the menu without running anything', async () => {
    const { user, spies } = await setup();
    await user.keyboard('{Escape}');
    expect(spies.onClose).toHaveBeenCalledOnce();
    expect(menu()).not.toBeInTheDocument();
    for (const run of [spies.open, spies.rename, spies.remove, spies.refresh]) expect(run).not.toHaveBeenCalled();
  });

  it('Tab closes the menu without running anything', async () => {
    const { user, spies, opener } = await setup();
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(spies.onClose).toHaveBeenCalledOnce();
    expect(menu()).not.toBeInTheDocument();
    expect(spies.rename).not.toHaveBeenCalled();
    expect(opener).toHaveFocus();
  });
});

describe('ContextMenu: pointer', () => {
  it('a click runs an enabled item and closes the menu', async () => {
    const { user, spies } = await setup();
    await user.click(item('Refresh'));
    expect(spies.refresh).toHaveBeenCalledOnce();
    expect(spies.onClose).toHaveBeenCalledOnce();
    expect(menu()).not.toBeInTheDocument();
  });

  it('a click on a disabled item neither runs it nor closes the menu', async () => {
    const { user, spies } = await setup();
    await user.click(item('Delete'));
    expect(spies.remove).not.toHaveBeenCalled();
    expect(spies.onClose).not.toHaveBeenCalled();
    expect(menu()).toBeInTheDocument();
  });

  it('a pointerdown outside the menu closes it without running anything', async () => {
    const { user, spies } = await setup();
    await user.pointer({ keys: '[MouseLeft>]', target: screen.getByText('Somewhere else') });
    expect(spies.onClose).toHaveBeenCalledOnce();
    expect(menu()).not.toBeInTheDocument();
    for (const run of [spies.open, spies.rename, spies.remove, spies.refresh]) expect(run).not.toHaveBeenCalled();
  });

  it('a right-click outside the menu closes it too', async () => {
    const { user, spies } = await setup();
    await user.pointer({ keys: '[MouseRight]', target: document.body });
    expect(spies.onClose).toHaveBeenCalledOnce();
    expect(menu()).not.toBeInTheDocument();
  });

  it('a pointerdown inside the menu does not close it', async () => {
    const { user, spies } = await setup();
    await user.pointer({ keys: '[MouseLeft>]', target: item('Rename') });
    expect(menu()).toBeInTheDocument();
    expect(spies.onClose).not.toHaveBeenCalled();
    await user.pointer({ keys: '[/MouseLeft]', target: item('Rename') });
    expect(spies.rename).toHaveBeenCalledOnce();
  });
});

describe('ContextMenu: owner re-renders', () => {
  // BUG (src/ui/context-menu.tsx, lines 27-38): the effect that focuses the first item and, on cleanup, gives the focus
  // back depends on [onClose]. When the owner re-renders with a new onClose (an inline arrow function, which nothing
  // in the component's contract forbids), the cleanup focuses the element that had the focus before the menu opened
  // and the effect then focuses the first item again, while `active` (the roving tabindex) stays on the item the user
  // had moved to: the focus jumps to the first item, and the next arrow key moves from `active`, not from the focus.
  // The object list passes a stable closeMenu (useCallback), so the console does not show it today. The focus should
  // move only when the menu opens and closes (e.g. keep onClose in a ref and run the effect once, on mount).
  it('keeps the focus on the active item when the owner re-renders with a new onClose', async () => {
    const user = userEvent.setup();
    const items: MenuItem[] = [
      { label: 'Open', run: () => {} },
      { label: 'Rename', run: () => {} },
    ];
    const view = render(<ContextMenu label="Item" at={{ x: 0, y: 0 }} items={items} onClose={() => {}} />);
    await user.keyboard('{ArrowDown}');
    expectActive('Rename');
    view.rerender(<ContextMenu label="Item" at={{ x: 0, y: 0 }} items={items} onClose={() => {}} />);
    expectActive('Rename');
  });
});
