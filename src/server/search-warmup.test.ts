import { describe, expect, it, vi } from 'vitest';
import { RESOURCES } from '@/domain/query/resources';
import { Backend } from './backend';
import { MemorySiteStore } from './persistence/saved-site';
import { objectById } from './queries';
import { prepareSearchWhenIdle } from './search-warmup';

describe('prepareSearchWhenIdle', () => {
  it('prepares the big lists a slice at a time, then the index of updates by id, and then stops asking', async () => {
    const backend = await Backend.start({ store: new MemorySiteStore() });
    const queue: Array<(deadline: { timeRemaining: () => number }) => void> = [];
    prepareSearchWhenIdle(backend, (callback) => queue.push(callback));
    let slices = 0;
    // Each idle slice has time for a few objects only (the time left is checked every 64 objects).
    for (let callback = queue.shift(); callback; callback = queue.shift()) {
      let checks = 0;
      callback({ timeRemaining: () => (++checks < 3 ? 10 : 0) });
      slices++;
      expect(slices).toBeLessThan(1_000);
    }
    expect(slices).toBeGreaterThan(2);
    // The index is built: the first object request reads it rather than every update again.
    const items = vi.spyOn(RESOURCES['software-updates'], 'items');
    const [first] = RESOURCES['software-updates'].items(backend.state, backend.listSources);
    items.mockClear();
    expect(first && objectById(backend, 'software-updates', first.id)).toBe(first);
    expect(items).not.toHaveBeenCalled();
    items.mockRestore();
  });
});
