import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { hasRunningJob, siteJobsQuery, useChangeSiteClock } from '@/api/site-clock';
import type { ClockRequest } from '@/domain/contract/after-upgrade-contract';
import { CLOCK_SPEEDS } from '@/domain/site-clock/site-clock';
import { useSiteClock } from './use-site-clock';

interface ClockMenuItem {
  label: string;
  change: ClockRequest;
  /** A speed: one of a set of choices (role menuitemradio). */
  checked?: boolean;
  disabledBecause?: string;
  separatorBefore?: boolean;
}

export const SPEED_LABELS: Record<(typeof CLOCK_SPEEDS)[number], string> = {
  1: 'Real time',
  60: '60× speed',
  600: '600× speed',
};

/** How the clock runs, in a word or two: "60×", "Real time", "Paused". */
export function clockRateText(speed: number, paused: boolean): string {
  if (paused) return 'Paused';
  return speed === 1 ? 'Real time' : `${speed}×`;
}

/**
 * The header's "Clock" menu button (named "Site clock options"): the clock's speed (real time, 60×, 600×), pause or
 * resume, and fast-forward by an hour, a day or to the end of the running jobs. Arrows move, Enter runs, Escape and a
 * click elsewhere close it, and focus goes back to the button.
 */
export function SiteClockMenu({ admin }: { admin: string }) {
  const clock = useSiteClock(admin);
  const jobs = useQuery(siteJobsQuery(admin));
  const change = useChangeSiteClock(admin);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const menuId = useId();

  const speeds: ClockMenuItem[] = CLOCK_SPEEDS.map((speed) => ({
    label: SPEED_LABELS[speed],
    change: { type: 'speed', speed },
    checked: clock.speed === speed,
  }));
  const noRunningJob = jobs.data && !hasRunningJob(jobs.data) ? 'No job is running.' : undefined;
  const actions: ClockMenuItem[] = [
    {
      label: clock.paused ? 'Resume clock' : 'Pause clock',
      change: { type: 'pause', paused: !clock.paused },
      separatorBefore: true,
    },
    { label: 'Fast-forward 1 hour', change: { type: 'fast-forward', minutes: 60 }, separatorBefore: true },
    { label: 'Fast-forward 1 day', change: { type: 'fast-forward', minutes: 24 * 60 } },
    {
      label: 'Fast-forward to end of running jobs',
      change: { type: 'fast-forward-to-end-of-jobs' },
      disabledBecause: noRunningJob,
    },
  ];
  const items = [...speeds, ...actions];

  // Focus follows the menu: its active item when it opens.
  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  const move = (index: number) => {
    const next = (index + items.length) % items.length;
    setActive(next);
    itemRefs.current[next]?.focus();
  };
  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Escape: () => close(true),
    };
    if (event.key === 'Tab') {
      close(false);
      return;
    }
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const choose = (item: ClockMenuItem) => {
    if (item.disabledBecause) return;
    close(true);
    change.mutate(item.change);
  };

  const renderItem = (item: ClockMenuItem, index: number) => (
    <div key={item.label}>
      {item.separatorBefore ? <div role="separator" className="context-menu-separator" /> : null}
      <button
        ref={(element) => {
          itemRefs.current[index] = element;
        }}
        type="button"
        role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
        aria-checked={item.checked}
        tabIndex={index === active ? 0 : -1}
        aria-disabled={item.disabledBecause ? true : undefined}
        aria-describedby={item.disabledBecause ? `${menuId}-why-${index}` : undefined}
        className="context-menu-item"
        onClick={() => choose(item)}
      >
        {item.checked ? (
          <span aria-hidden="true" className="context-menu-check">
            ●
          </span>
        ) : null}
        {item.label}
      </button>
      {item.disabledBecause ? (
        <span id={`${menuId}-why-${index}`} className="sr-only">
          {item.disabledBecause}
        </span>
      ) : null}
    </div>
  );

  return (
    <span className="relative inline-flex items-center gap-1.5">
      <span className="site-clock-rate whitespace-nowrap">({clockRateText(clock.speed, clock.paused)})</span>
      <button
        ref={buttonRef}
        type="button"
        className="win-button site-clock-button"
        aria-label="Site clock options"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Clock <span aria-hidden="true">▾</span>
      </button>
      {change.isError ? (
        <span role="alert" className="site-clock-error whitespace-nowrap">
          {change.error.message}
        </span>
      ) : null}
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Site clock options"
          className="context-menu site-clock-menu absolute top-full left-0 z-50 mt-1"
          onKeyDown={onMenuKeyDown}
        >
          <div role="group" aria-label="Clock speed">
            {speeds.map((item, index) => renderItem(item, index))}
          </div>
          {actions.map((item, index) => renderItem(item, speeds.length + index))}
        </div>
      ) : null}
    </span>
  );
}
