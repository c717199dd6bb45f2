import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  run: () => void;
  /** Shown disabled, with this as its description. */
  disabledBecause?: string;
  separatorBefore?: boolean;
  /** A setting the item turns on and off (role menuitemcheckbox). */
  checked?: boolean;
}

interface ContextMenuProps {
  label: string;
  at: { x: number; y: number };
  items: MenuItem[];
  onClose: () => void;
}

/**
 * A context menu (role="menu"): opens at the pointer or the focused row, arrows move, Enter runs, Escape and a click
 * elsewhere close it, and focus goes back where it was.
 */
export function ContextMenu({ label, at, items, onClose }: ContextMenuProps) {
  const [active, setActive] = useState(0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const menuRef = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  // The latest onClose, so focus moves only when the menu opens and closes, whatever its owner passes each render.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    refs.current[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) closeRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      previous?.focus();
    };
  }, []);
  const move = (index: number) => {
    const next = (index + items.length) % items.length;
    setActive(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Escape: onClose,
      Tab: onClose,
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const left = Math.min(at.x, window.innerWidth - 240);
  const top = Math.min(at.y, window.innerHeight - items.length * 24 - 12);
  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={label}
      className="context-menu fixed z-50"
      style={{ left, top }}
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => (
        <div key={item.label}>
          {item.separatorBefore ? <div role="separator" className="context-menu-separator" /> : null}
          <button
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={item.checked}
            tabIndex={index === active ? 0 : -1}
            aria-disabled={item.disabledBecause ? true : undefined}
            aria-describedby={item.disabledBecause ? `${descriptionId}-${index}` : undefined}
            className="context-menu-item"
            onClick={() => {
              if (item.disabledBecause) return;
              onClose();
              item.run();
            }}
          >
            {item.checked ? (
              <span aria-hidden="true" className="context-menu-check">
                ✓
              </span>
            ) : null}
            {item.label}
          </button>
          {item.disabledBecause ? (
            <span id={`${descriptionId}-${index}`} className="sr-only">
              {item.disabledBecause}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}
