import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  label: string;
  /** The width of the pane the splitter resizes, in CSS pixels. */
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right widens the pane (a pane on the left), -1 when it narrows it (a pane on the right). */
  direction: 1 | -1;
  onChange: (value: number) => void;
}

const STEP = 16;

/**
 * A vertical splitter between two panes (role="separator", focusable): drag it, or use Left/Right (Home/End for the
 * limits) when it has focus.
 */
export function Splitter({ label, value, min, max, direction, onChange }: SplitterProps) {
  const start = useRef<{ x: number; value: number } | null>(null);
  const clamp = (next: number) => Math.round(Math.max(min, Math.min(max, next)));
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowLeft: value - STEP * direction,
      ArrowRight: value + STEP * direction,
      Home: min,
      End: max,
    };
    const next = keys[event.key];
    if (next !== undefined) {
      event.preventDefault();
      onChange(clamp(next));
    }
  };
  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation="vertical"
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="splitter"
      onKeyDown={onKeyDown}
      onPointerDown={(event: PointerEvent<HTMLDivElement>) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { x: event.clientX, value };
      }}
      onPointerMove={(event) => {
        if (!start.current) return;
        onChange(clamp(start.current.value + (event.clientX - start.current.x) * direction));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
    />
  );
}
