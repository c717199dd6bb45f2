// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAST_SCROLL_PAUSE_MS, useWindowsOnScreen } from './use-windows-on-screen';

describe('useWindowsOnScreen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const setRange = vi.fn();
    const { result } = renderHook(() => useWindowsOnScreen(setRange));
    const scrollTo = (start: number, end: number) => act(() => result.current(start, end));
    return { setRange, scrollTo };
  };

  it('fetches at once while some rows stay on screen (wheel, Page Down held)', () => {
    const { setRange, scrollTo } = setup();
    scrollTo(20, 60);
    scrollTo(50, 90);
    expect(setRange.mock.calls).toEqual([[{ start: 20, end: 60 }], [{ start: 50, end: 90 }]]);
  });

  it('fetches a single jump at once (End, a click in the scroll track)', () => {
    const { setRange, scrollTo } = setup();
    scrollTo(49_960, 49_999);
    expect(setRange).toHaveBeenLastCalledWith({ start: 49_960, end: 49_999 });
  });

  it('skips the rows a fast drag flies past and fetches where it pauses', () => {
    const { setRange, scrollTo } = setup();
    scrollTo(1_000, 1_040);
    vi.advanceTimersByTime(16);
    scrollTo(2_000, 2_040);
    vi.advanceTimersByTime(16);
    scrollTo(3_000, 3_040);
    expect(setRange.mock.calls).toEqual([[{ start: 1_000, end: 1_040 }]]);
    act(() => vi.advanceTimersByTime(FAST_SCROLL_PAUSE_MS));
    expect(setRange.mock.calls).toEqual([[{ start: 1_000, end: 1_040 }], [{ start: 3_000, end: 3_040 }]]);
  });

  it('fetches at once again when a fast drag slows down to a scroll', () => {
    const { setRange, scrollTo } = setup();
    scrollTo(1_000, 1_040);
    scrollTo(2_000, 2_040);
    scrollTo(2_010, 2_050);
    expect(setRange).toHaveBeenLastCalledWith({ start: 2_010, end: 2_050 });
    act(() => vi.advanceTimersByTime(FAST_SCROLL_PAUSE_MS * 2));
    expect(setRange).toHaveBeenLastCalledWith({ start: 2_010, end: 2_050 });
  });
});
