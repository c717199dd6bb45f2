/** The attribute "Show me" puts on the action it points at, until the action is used or another is shown. */
const HIGHLIGHT = 'data-walkthrough-highlight';
/** How long "Show me" waits for the action to appear (the node's actions load after it opens). */
const WAIT_MS = 4_000;

/**
 * "Show me": finds the action of the Actions pane named exactly `label`, once the node's actions are there, marks it
 * and moves the focus to it (Enter then runs it). Returns false when it never appeared.
 */
export function highlightAction(label: string): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const look = () => {
      const pane = document.querySelector('section[aria-label="Actions"]');
      const button = Array.from(pane?.querySelectorAll<HTMLButtonElement>('button.actions-item') ?? []).find(
        (candidate) => candidate.textContent?.trim() === label,
      );
      if (button) {
        for (const marked of document.querySelectorAll(`[${HIGHLIGHT}]`)) marked.removeAttribute(HIGHLIGHT);
        button.setAttribute(HIGHLIGHT, '');
        button.scrollIntoView({ block: 'nearest' });
        button.focus();
        button.addEventListener('click', () => button.removeAttribute(HIGHLIGHT), { once: true });
        resolve(true);
      } else if (performance.now() - started < WAIT_MS) {
        requestAnimationFrame(look);
      } else {
        resolve(false);
      }
    };
    requestAnimationFrame(look);
  });
}

/** The panel's look (MMC's task pane colours) and the highlight "Show me" puts on an action. */
export const HIGHLIGHT_STYLE = `
[${HIGHLIGHT}] { outline: 2px solid #e08a00 !important; outline-offset: -2px; background: #fff3d6 !important; }
.walkthrough-panel { font-size: 12px; border-left: 1px solid #b7c6db; }
.walkthrough-card { border: 1px solid #cdd9ea; padding: 4px 6px; background: #f7faff; }
.walkthrough-link { color: #0b4aa2; text-decoration: underline; text-align: left; font-weight: 600; }
.walkthrough-step { border: 1px solid transparent; padding: 3px 4px; }
.walkthrough-step.is-current { border-color: #7da2ce; background: #eef5fd; }
.walkthrough-mark { display: inline-flex; width: 16px; height: 16px; flex: none; align-items: center;
  justify-content: center; border: 1px solid #8a9bb3; border-radius: 50%; font-size: 10px; color: #15365f; }
.walkthrough-mark.is-done { background: #2e8b2e; border-color: #2e8b2e; color: #fff; }
.walkthrough-progress { height: 10px; border: 1px solid #8a9bb3; background: #fff; }
.walkthrough-progress > div { height: 100%; background: #3c9b3c; }
.walkthrough-facts { display: grid; grid-template-columns: auto 1fr; gap: 1px 6px; font-size: 11px; color: #333; }
.walkthrough-facts dt { font-weight: 600; }
.walkthrough-done { border: 1px solid #2e8b2e; background: #eaf6ea; padding: 3px 6px; }
`;
