// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { createBrowserRouter, RouterProvider, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setConnectedAdmin } from '@/api/connection';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import { CONTOSO } from '@/domain/scenario/contoso-names';
import { backendForThisFile } from '@/test/fetch-to-backend';
import { installDialogPolyfill } from '@/test/dialog-polyfill';
import { consolePath, useConsoleView } from './console-url';
import { ResultsPane } from './results-pane';

installDialogPolyfill();

const backend = backendForThisFile();
afterAll(() => vi.restoreAllMocks());
// jsdom lays nothing out: the grid gets the height of a short pane, so the virtualised grid shows rows.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.getAttribute('role') === 'grid' ? 200 : 0;
  });
});
beforeEach(() => setConnectedAdmin(CONTOSO.administrators.smsadmin));
afterEach(() => {
  cleanup();
  backend().server.resetHandlers();
});

/** Holds the list requests that search for `q` until `release()`, then lets them on to the mock backend. */
function holdSearchesFor(q: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  backend().server.use(
    http.get('*/api/software-updates', async ({ request }) => {
      // Answering nothing passes the request on to the backend's own handler.
      if (new URL(request.url).searchParams.get('q') === q) await released;
    }),
  );
  return () => act(() => release());
}

function Location() {
  const location = useLocation();
  const [, setView] = useConsoleView();
  return (
    <>
      <output aria-label="URL">{location.pathname + location.search}</output>
      {/* As an action of the Actions pane opens a dialog on the selected object. */}
      <button type="button" onClick={() => setView({ wizard: 'site-jobs' })}>
        Open a dialog
      </button>
    </>
  );
}

/** The results pane on the Update Repository, as the console shows it, with the URL beside it. */
async function renderUpdateRepository() {
  window.history.replaceState(null, '', consolePath({ nodeId: NODE_IDS.updateRepository }));
  const router = createBrowserRouter([
    {
      path: '/console/*',
      element: (
        <>
          <ResultsPane />
          <Location />
        </>
      ),
    },
  ]);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const status = await screen.findByText(/^[\d,]+ items$/);
  const url = () => screen.getByRole('status', { name: 'URL' }).textContent ?? '';
  const user = userEvent.setup();
  const search = screen.getByRole('search', { name: 'Find' });
  const findNow = async (q: string) => {
    const box = within(search).getByRole('searchbox', { name: 'Look for' });
    await user.clear(box);
    await user.type(box, q);
    await user.click(within(search).getByRole('button', { name: 'Find Now' }));
  };
  return { router, status, url, user, findNow, allItems: status.textContent ?? '' };
}

/** Every text the results pane's count and rows showed from now on. */
function watchResults() {
  const seen = new Set<string>();
  const observer = new MutationObserver(() => {
    const count = document.querySelector('.results-header [role=status]')?.textContent;
    if (count) seen.add(count);
    if (document.querySelector('[role=grid]')?.textContent?.includes('Loading…')) seen.add('Loading…');
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('Find Now', () => {
  it('keeps the list until the found rows are here, says "Searching…" when they are slow, then shows them at once', async () => {
    const { url, findNow, allItems } = await renderUpdateRepository();
    const release = holdSearchesFor('KB941644');
    const watch = watchResults();
    await findNow('KB941644');
    // Held: the URL and the list are still those of every update, and after a moment the count says why.
    expect(url()).toBe(consolePath({ nodeId: NODE_IDS.updateRepository }));
    expect(await screen.findByText('Searching…')).toBeTruthy();
    expect(screen.getAllByRole('row').length).toBeGreaterThan(2);
    await release();
    expect(await screen.findByText(/^[\d,]+ items? found$/)).toBeTruthy();
    watch.stop();
    expect(url()).toBe(consolePath({ nodeId: NODE_IDS.updateRepository, q: 'KB941644' }));
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .every((row) => /KB941644/.test(row.textContent ?? '')),
    ).toBe(true);
    // Never a list of "Loading…" rows in between, and no count but every item's, "Searching…" and the found one.
    expect([...watch.seen].filter((text) => !/^[\d,]+ items? found$/.test(text))).toEqual(['Searching…']);
    expect(allItems).not.toBe('');
  });

  it('a later Find Now wins over one still on its way', async () => {
    const { url, findNow } = await renderUpdateRepository();
    const release = holdSearchesFor('KB941644');
    await findNow('KB941644');
    await findNow('Windows XP');
    expect(await screen.findByText(/^[\d,]+ items found$/)).toBeTruthy();
    expect(url()).toContain('q=Windows+XP');
    await release();
    // The first search's answer comes after: it changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(url()).toContain('q=Windows+XP');
    expect(screen.queryByText('Searching…')).toBeNull();
  });

  it('is forgotten when another node is opened while it is on its way', async () => {
    const { router, url, findNow } = await renderUpdateRepository();
    const release = holdSearchesFor('KB941644');
    await findNow('KB941644');
    await act(() => router.navigate(consolePath({ nodeId: NODE_IDS.deploymentTemplates })));
    await release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(url()).toBe(consolePath({ nodeId: NODE_IDS.deploymentTemplates }));
  });
});

describe('a row', () => {
  it('is selected at once, and the URL (?sel=) follows once the selection settles', async () => {
    const { url, user } = await renderUpdateRepository();
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    await user.click(within(row).getAllByRole('gridcell')[0] as HTMLElement);
    expect(row.getAttribute('aria-selected')).toBe('true');
    const id = row.getAttribute('data-row-id') as string;
    await waitFor(() => expect(url()).toBe(consolePath({ nodeId: NODE_IDS.updateRepository, selectedId: id })));
  });

  it('clicked, then an action at once: the action acts on it, though the URL had not said so yet', async () => {
    const { url, user } = await renderUpdateRepository();
    const row = screen.getAllByRole('row')[2] as HTMLElement;
    const id = row.getAttribute('data-row-id') as string;
    await user.click(within(row).getAllByRole('gridcell')[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Open a dialog' }));
    expect(url()).toBe(consolePath({ nodeId: NODE_IDS.updateRepository, selectedId: id, wizard: 'site-jobs' }));
  });

  it('double-clicked, opens its Properties with its tabs, and the URL names it (?sel=&props=)', async () => {
    const { url, user } = await renderUpdateRepository();
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    const id = row.getAttribute('data-row-id') as string;
    await user.dblClick(within(row).getAllByRole('gridcell')[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: /Properties$/ });
    expect(await within(dialog).findByRole('tab', { name: 'General' })).toBeTruthy();
    expect(url()).toBe(consolePath({ nodeId: NODE_IDS.updateRepository, selectedId: id, propertiesId: id }));
  });
});
