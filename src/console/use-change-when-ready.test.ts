// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLOW_AFTER_MS, useChangeWhenReady } from './use-change-when-ready';

/** A promise settled from outside, as a request's answer arrives. */
function deferred() {
  let resolve = () => {};
  let reject = (_: unknown) => {};
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('useChangeWhenReady', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => renderHook(() => useChangeWhenReady());
  /** Lets the promise callbacks run (fake timers do not hold microtasks). */
  const settle = () => act(async () => {});

  it('changes the view once its data is here, and says it is slow only after a moment', async () => {
    const { result } = setup();
    const answer = deferred();
    const apply = vi.fn();
    act(() => result.current.change(answer.promise, apply));
    act(() => vi.advanceTimersByTime(SLOW_AFTER_MS - 1));
    expect(apply).not.toHaveBeenCalled();
    expect(result.current.slow).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.slow).toBe(true);
    answer.resolve();
    await settle();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(result.current.slow).toBe(false);
  });

  it('changes the view after a failed request too (the new view shows the error)', async () => {
    const { result } = setup();
    const answer = deferred();
    const apply = vi.fn();
    act(() => result.current.change(answer.promise, apply));
    answer.reject(new Error('refused'));
    await settle();
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('with waitAtMostMs, changes the view when the time is up, and not again when the data comes', async () => {
    const { result } = setup();
    const answer = deferred();
    const apply = vi.fn();
    act(() => result.current.change(answer.promise, apply, { waitAtMostMs: 100 }));
    act(() => vi.advanceTimersByTime(100));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(result.current.slow).toBe(false);
    answer.resolve();
    await settle();
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('a later change wins over one still waiting', async () => {
    const { result } = setup();
    const [first, second] = [deferred(), deferred()];
    const [applyFirst, applySecond] = [vi.fn(), vi.fn()];
    act(() => result.current.change(first.promise, applyFirst));
    act(() => result.current.change(second.promise, applySecond));
    second.resolve();
    await settle();
    first.resolve();
    await settle();
    act(() => vi.advanceTimersByTime(SLOW_AFTER_MS));
    expect(applyFirst).not.toHaveBeenCalled();
    expect(applySecond).toHaveBeenCalledTimes(1);
    expect(result.current.slow).toBe(false);
  });

  it('forgets a change still waiting when the view that asked is gone', async () => {
    const { result, unmount } = setup();
    const answer = deferred();
    const apply = vi.fn();
    act(() => result.current.change(answer.promise, apply, { waitAtMostMs: 100 }));
    unmount();
    answer.resolve();
    await settle();
    vi.advanceTimersByTime(100);
    expect(apply).not.toHaveBeenCalled();
  });
});
