// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getUnwrittenSelection, setUnwrittenSelection } from './console-url';
import { SELECTION_TO_URL_MS, useSelectionInUrl } from './use-selection-in-url';

describe('useSelectionInUrl', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const write = vi.fn();
    const hook = renderHook(() => useSelectionInUrl('software-updates/update-repository', write));
    return { write, hook, selection: () => hook.result.current };
  };

  it('writes the selection once it has settled: rows passed on the way (arrow keys held) are not written', () => {
    const { write, selection } = setup();
    act(() => selection().schedule('1'));
    act(() => vi.advanceTimersByTime(SELECTION_TO_URL_MS - 1));
    act(() => selection().schedule('2'));
    act(() => selection().schedule('3'));
    expect(write).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(SELECTION_TO_URL_MS));
    expect(write.mock.calls).toEqual([['3']]);
  });

  it('a view change carrying its own selection (Properties, Find Now) cancels the one on its way', () => {
    const { write, selection } = setup();
    act(() => selection().schedule('1'));
    act(() => selection().cancel());
    act(() => vi.advanceTimersByTime(SELECTION_TO_URL_MS * 2));
    expect(write).not.toHaveBeenCalled();
    expect(getUnwrittenSelection()).toBeNull();
  });

  it('says what is on its way, so a view change made meanwhile carries it, and is then not written again', () => {
    const { write, selection } = setup();
    act(() => selection().schedule('7'));
    expect(getUnwrittenSelection()).toEqual({ nodeId: 'software-updates/update-repository', id: '7' });
    // A view change (console-url.ts) takes it along.
    setUnwrittenSelection(null);
    act(() => vi.advanceTimersByTime(SELECTION_TO_URL_MS));
    expect(write).not.toHaveBeenCalled();
  });

  it('writes nothing once the list is gone', () => {
    const { write, hook, selection } = setup();
    act(() => selection().schedule('1'));
    hook.unmount();
    vi.advanceTimersByTime(SELECTION_TO_URL_MS * 2);
    expect(write).not.toHaveBeenCalled();
    expect(getUnwrittenSelection()).toBeNull();
  });
});
