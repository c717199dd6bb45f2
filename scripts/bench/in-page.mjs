/* global window, document, location, requestAnimationFrame, CSS, HTMLInputElement, InputEvent, KeyboardEvent, MouseEvent */
// The benchmark's measuring side, run inside the page (installed with context.addInitScript, so it is there from the
// first byte of every document, before the console's own scripts). Every figure is taken with performance.now():
// start, do the DOM action, poll the condition on each animation frame, and stop once the frame that shows it has been
// painted (the rAF that sees it, then a message posted from it, which runs after that frame's rendering: the usual
// "after next paint" idiom). Nothing here sleeps for a fixed time.

/**
 * Installs `globalThis.__bench`. Serialised by Playwright: it must not refer to anything outside its own body.
 */
export function installBenchHelpers() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  /** Resolves after the frame being prepared now has been painted. */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );

  /** Waits for a condition (checked now, then on every frame) and returns performance.now() once it is painted. */
  async function untilPainted(condition, what, timeoutMs = 60_000) {
    const start = performance.now();
    for (;;) {
      if (condition()) return afterPaint();
      if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      const alert = document.querySelector('main [role=alert]');
      if (alert) throw new Error(`the console shows an error while waiting for ${what}: ${alert.textContent}`);
      await frame();
    }
  }

  /** Starts the clock, does the action, and returns the milliseconds until the condition is painted. */
  async function measure(action, condition, what) {
    const start = performance.now();
    action();
    const end = await untilPainted(condition, what);
    return end - start;
  }

  const text = (element) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const tree = () => document.querySelector('[role=tree][aria-label="Console tree"]');
  const treeItem = (nodeId) => document.querySelector(`[role=treeitem][data-node-id="${CSS.escape(nodeId)}"]`);
  const status = () => document.querySelector('main [role=status]');
  const grid = () => document.querySelector('main [role=grid]');
  const searchBox = () => document.querySelector('main input[type=search][aria-label="Look for"]');
  const buttonNamed = (root, name) => [...(root?.querySelectorAll('button') ?? [])].find((b) => text(b) === name);
  // The console's dialogs are native <dialog> elements (role dialog), opened with showModal().
  const dialog = () => document.querySelector('dialog[open], [role=dialog]');
  /** The count the results pane shows ("50,000 items", "6 items found"), or null while it is loading. */
  const shownCount = () => {
    const match = /^([\d,]+) items?( found)?$/.exec(text(status()));
    return match ? Number(match[1].replace(/,/g, '')) : null;
  };
  /** The results pane's first rows are painted with their data (or the list is empty). */
  const rowsShown = () => {
    const count = shownCount();
    if (count === null) return false;
    if (count === 0) return true;
    const row = grid()?.querySelector('[role=row][aria-rowindex="2"]');
    const cells = row ? [...row.querySelectorAll('[role=gridcell]')] : [];
    return cells.length > 0 && !text(row).includes('Loading…') && cells.some((cell) => text(cell) !== '');
  };
  const selectedNodeId = () => tree()?.querySelector('[role=treeitem][aria-selected=true]')?.dataset.nodeId ?? null;
  /** The node is selected in the tree and its results pane shows its rows. */
  const nodeShown = (nodeId) => () =>
    selectedNodeId() === nodeId && location.pathname.endsWith(`/console/${nodeId}`) && rowsShown();
  const isVisible = (element) => !!element && element.getClientRects().length > 0;

  // From the first byte: the tree and the first rows painted (cold and warm start), and long tasks while starting.
  const startupLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) startupLongTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the figure stays empty.
  }
  const startup = (async () => {
    const treeAt = await untilPainted(() => !!tree()?.querySelector('[role=treeitem]'), 'the console tree');
    const rowsAt = await untilPainted(rowsShown, 'the first rows');
    const resources = performance.getEntriesByType('resource');
    const api = resources.filter((entry) => new URL(entry.name).pathname.startsWith('/api/'));
    const firstList = api.find((entry) => new URL(entry.name).searchParams.has('limit'));
    const scripts = resources.filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
    // Initial JavaScript as the performance issue defines it: what had loaded when the tree became interactive
    // (painted with its items), whatever the build's manifest says is loaded at boot.
    const scriptsByTree = scripts.filter((entry) => entry.responseEnd <= treeAt);
    const before = startupLongTasks.filter((task) => task.start < rowsAt);
    return {
      treeMs: treeAt,
      rowsMs: rowsAt,
      // Phases, from the resource timings: scripts loaded, first API request (the mock backend answers: the site is
      // generated and the worker runs), the first list window answered, its rows painted.
      scriptsLoadedMs: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
      firstApiRequestMs: api[0]?.startTime ?? null,
      firstListAnsweredMs: firstList?.responseEnd ?? null,
      longTasksMs: before.reduce((sum, task) => sum + task.ms, 0),
      longestTaskMs: Math.max(0, ...before.map((task) => task.ms)),
      scriptsLoaded: scripts.map((entry) => new URL(entry.name).pathname),
      scriptsLoadedByTree: scriptsByTree.map((entry) => new URL(entry.name).pathname),
    };
  })();
  // Read only when the benchmark asks (a document it leaves early must not report an unhandled rejection).
  startup.catch(() => undefined);

  globalThis.__bench = {
    startup: () => startup,
    shownCount,

    /** Clicks a node's label in the console tree; the node's rows painted. */
    clickNode(nodeId) {
      const row = treeItem(nodeId)?.querySelector('.tree-row');
      if (!row) throw new Error(`no tree item ${nodeId}`);
      return measure(() => row.click(), nodeShown(nodeId), `the rows of ${nodeId}`);
    },

    /** Expands a node of the console tree (not measured: it only shows its children). */
    async expandNode(nodeId) {
      const item = treeItem(nodeId);
      if (!item) throw new Error(`no tree item ${nodeId}`);
      if (item.getAttribute('aria-expanded') === 'false') item.querySelector('.tree-twisty').click();
      await untilPainted(() => treeItem(nodeId)?.getAttribute('aria-expanded') === 'true', `${nodeId} expanded`);
    },

    /** Every node of the tree as shown now: id, name, level. */
    treeNodes() {
      return [...(tree()?.querySelectorAll('[role=treeitem]') ?? [])].map((item) => ({
        id: item.dataset.nodeId,
        name: text(document.getElementById(item.getAttribute('aria-labelledby'))),
        level: Number(item.getAttribute('aria-level')),
        expanded: item.getAttribute('aria-expanded'),
      }));
    },

    /**
     * Types into "Look for" one key at a time, as the browser delivers a key (keydown, the value changes, input,
     * keyup), each measured to the next paint of the changed box. Returns the milliseconds per key and whether the
     * list changed while typing (the console filters per keystroke) or not (it waits for Find Now).
     */
    async typeLookFor(term) {
      const box = searchBox();
      if (!box) throw new Error('no "Look for" box');
      box.focus();
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const countBefore = text(status());
      const times = [];
      for (const key of term) {
        const expected = box.value + key;
        times.push(
          await measure(
            () => {
              box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
              setValue.call(box, expected);
              box.dispatchEvent(new InputEvent('input', { data: key, inputType: 'insertText', bubbles: true }));
              box.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
            },
            () => searchBox()?.value === expected,
            `"${expected}" in Look for`,
          ),
        );
      }
      return { times, filtersPerKeystroke: text(status()) !== countBefore };
    },

    /** Find Now: "N items found" and the found rows painted. */
    findNow() {
      const button = buttonNamed(document.querySelector('main [role=search]'), 'Find Now');
      if (!button) throw new Error('no Find Now button');
      return measure(
        () => button.click(),
        () => / found$/.test(text(status())) && rowsShown(),
        'the found rows',
      ).then((ms) => ({ ms, found: shownCount() }));
    },

    /** Clear: every item again. */
    clear() {
      const button = buttonNamed(document.querySelector('main [role=search]'), 'Clear');
      if (!button) throw new Error('no Clear button');
      return measure(
        () => button.click(),
        () => /items?$/.test(text(status())) && rowsShown(),
        'every item again',
      );
    },

    /** Clicks a column header: the header shows the new order and the re-sorted rows are painted. */
    sortBy(caption) {
      const header = [...(grid()?.querySelectorAll('[role=columnheader]') ?? [])].find(
        (candidate) => text(candidate.querySelector('button span')) === caption,
      );
      if (!header) throw new Error(`no column header ${caption}`);
      const headerNow = () =>
        [...(grid()?.querySelectorAll('[role=columnheader]') ?? [])].find(
          (candidate) => text(candidate.querySelector('button span')) === caption,
        );
      const before = header.getAttribute('aria-sort');
      // The order lives in the URL: the header's new order and the new list (loading, then its rows) come together.
      return measure(
        () => header.querySelector('button').click(),
        () => headerNow()?.getAttribute('aria-sort') !== before && rowsShown(),
        `the rows sorted by ${caption}`,
      ).then((ms) => ({ ms, order: headerNow()?.getAttribute('aria-sort') ?? null }));
    },

    /** Double-clicks the first row: its Properties dialog with the General tab shown. Then closes it (not measured). */
    async openProperties() {
      const row = grid()?.querySelector('[role=row][aria-rowindex="2"]');
      if (!row) throw new Error('no first row');
      const cell = row.querySelector('[role=gridcell]');
      const mouse = (type, detail) =>
        cell.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, detail, view: window }));
      const ms = await measure(
        () => {
          mouse('mousedown', 1);
          mouse('mouseup', 1);
          mouse('click', 1);
          mouse('mousedown', 2);
          mouse('mouseup', 2);
          mouse('click', 2);
          mouse('dblclick', 2);
        },
        () => {
          const general = [...(dialog()?.querySelectorAll('[role=tab]') ?? [])].find((tab) => text(tab) === 'General');
          return isVisible(general) && isVisible(dialog().querySelector('[role=tabpanel]'));
        },
        'the Properties dialog',
      );
      buttonNamed(dialog(), 'OK')?.click();
      await untilPainted(() => !dialog(), 'the Properties dialog closed');
      return ms;
    },

    /**
     * Scrolls the results grid from top to bottom, one page per frame (each row passes through the viewport, as when
     * Page Down is held), or in `maxFrames` equal steps when the list is longer than that many pages (a fast drag of
     * the scroll thumb), watching every frame's length and the long tasks. Ends when the last rows are painted.
     */
    async scrollToBottom(maxFrames) {
      const box = grid();
      if (!box) throw new Error('no grid');
      box.scrollTop = 0;
      await untilPainted(rowsShown, 'the top of the list');
      await frame();
      const longTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const header = box.querySelector('[role=row][aria-rowindex="1"]');
      const headerHeight = header?.offsetHeight ?? 0;
      const rowHeight = box.querySelector('[role=row][aria-rowindex="2"]')?.offsetHeight || 20;
      const page = Math.max(1, box.clientHeight - headerHeight);
      const step = Math.max(page, Math.ceil((box.scrollHeight - box.clientHeight) / maxFrames));
      const bottom = () => box.scrollHeight - box.clientHeight;
      // Rows on screen still showing "Loading…", found by their index (no layout is read per row: reading each
      // row's rectangle every frame would cost more than the console's own work).
      const visibleLoading = () => {
        const first = Math.floor(box.scrollTop / rowHeight) - 1;
        const last = Math.ceil((box.scrollTop + box.clientHeight - headerHeight) / rowHeight);
        return [...box.querySelectorAll('[role=row][aria-rowindex]')].some((row) => {
          const index = Number(row.getAttribute('aria-rowindex')) - 2;
          return index >= first && index <= last && (row.textContent ?? '').includes('Loading…');
        });
      };
      /** The next frame's start time, once that frame has been painted. */
      const paintedFrame = () =>
        new Promise((resolve) =>
          requestAnimationFrame((time) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(time);
            channel.port2.postMessage(null);
          }),
        );
      const start = performance.now();
      let last = await paintedFrame();
      let longestFrame = 0;
      let frames = 0;
      let framesShowingLoading = 0;
      // One step per frame: the scroll is set after a frame is painted, and shows in the next one.
      while (box.scrollTop < bottom() - 1) {
        box.scrollTop = Math.min(bottom(), box.scrollTop + step);
        const time = await paintedFrame();
        longestFrame = Math.max(longestFrame, time - last);
        last = time;
        frames += 1;
        if (visibleLoading()) framesShowingLoading += 1;
      }
      await untilPainted(() => !visibleLoading(), 'the last rows');
      const durationMs = performance.now() - start;
      // Long tasks are reported after they end: give the last ones a frame to arrive.
      await frame();
      await frame();
      observer.disconnect();
      return {
        longestFrameMs: longestFrame,
        longTasks: longTasks.length,
        longestTaskMs: Math.max(0, ...longTasks),
        frames,
        framesShowingLoading,
        stepPx: step,
        pagePx: page,
        scrolledPx: box.scrollTop,
        durationMs,
      };
    },
  };
}
