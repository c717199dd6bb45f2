// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTOSO } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { SiteClockMenu } from './site-clock-menu';
import { SiteJobsDialog } from './site-jobs-dialog';
import { runningJobsText, SiteJobsStatus } from './site-jobs-status';
import { installDialogPolyfill } from '@/test/dialog-polyfill';

const { smsadmin, patchadmin } = CONTOSO.administrators;
const ITMU_SYNC = 'Microsoft Updates Tool Sync';

installDialogPolyfill();

/** The requests the console sent, as method, path and JSON body. */
let sent: Array<{ method: string; path: string; body: unknown }> = [];
let harness: Awaited<ReturnType<typeof startTestBackend>>;

// A fresh site for each test: Just upgraded, 9:00 AM, the ITMU catalog synchronization running (75 minutes).
// Each request the console sends is noted (the stub goes in after msw/node has wrapped fetch).
beforeEach(async () => {
  sent = [];
  harness = await startTestBackend();
  stubFetchToTestBackend((request) => sent.push({ method: request.method, path: request.target, body: request.body }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  harness.stop();
});

function renderWithQueries(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return { user: userEvent.setup(), queryClient };
}

const posts = () => sent.filter((request) => request.method === 'POST');

describe('the Site Jobs dialog', () => {
  it("shows each job's progress, named after the job, with its times, requester and latest status", async () => {
    // Half an hour of site time passes (30 s at 60×): 30 of the 75 minutes.
    harness.passTime(30_000);
    renderWithQueries(<SiteJobsDialog admin={smsadmin} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Site Jobs' });
    const progress = await within(dialog).findByRole('progressbar', { name: ITMU_SYNC });
    expect(progress).toHaveAttribute('aria-valuenow', '40');
    const row = within(dialog).getByRole('row', { name: new RegExp(`^${ITMU_SYNC} Running`) });
    expect(row).toHaveTextContent('12/18/2008 9:00 AM');
    expect(row).toHaveTextContent('12/18/2008 10:15 AM');
    expect(row).toHaveTextContent(smsadmin);
    expect(dialog).toHaveTextContent('UpdateWUSCatalog.exe is processing the catalog.');
    expect(dialog).toHaveTextContent('Site clock: 12/18/2008 9:30 AM (60×)');
  });

  it('cancels a running job only after asking, and shows it cancelled', async () => {
    const { user } = renderWithQueries(<SiteJobsDialog admin={smsadmin} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Site Jobs' });
    await user.click(await within(dialog).findByRole('button', { name: `Cancel ${ITMU_SYNC}` }));
    const confirm = screen.getByRole('dialog', { name: 'Cancel Job' });
    expect(confirm).toHaveTextContent(`Cancel ${ITMU_SYNC} (JOB00001), requested by ${smsadmin}?`);
    expect(within(confirm).getByRole('button', { name: 'No' })).toHaveFocus();
    // No leaves the job running.
    await user.click(within(confirm).getByRole('button', { name: 'No' }));
    expect(screen.queryByRole('dialog', { name: 'Cancel Job' })).toBeNull();
    expect(posts()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: `Cancel ${ITMU_SYNC}` }));
    await user.click(within(screen.getByRole('dialog', { name: 'Cancel Job' })).getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Cancel Job' })).toBeNull());
    expect(posts()).toEqual([{ method: 'POST', path: '/api/site/jobs/JOB00001/cancel', body: undefined }]);
    expect(harness.backend.state.jobs[0]?.state).toBe('Cancelled');
    expect(within(dialog).getByRole('row', { name: new RegExp(`^${ITMU_SYNC} Cancelled`) })).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: `Cancel ${ITMU_SYNC}` })).toBeNull();
  });

  it("shows the server's refusal in place and leaves the job running", async () => {
    const { user } = renderWithQueries(<SiteJobsDialog admin={patchadmin} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Site Jobs' });
    await user.click(await within(dialog).findByRole('button', { name: `Cancel ${ITMU_SYNC}` }));
    const confirm = screen.getByRole('dialog', { name: 'Cancel Job' });
    await user.click(within(confirm).getByRole('button', { name: 'Yes' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      `${patchadmin} has no Modify right on site CEN`,
    );
    expect(harness.backend.state.jobs[0]?.state).toBe('Running');
  });
});

describe("the status bar's jobs", () => {
  it('says how many jobs run, shows the first one, and opens the dialog', async () => {
    const onOpen = vi.fn();
    const { user } = renderWithQueries(<SiteJobsStatus admin={smsadmin} onOpen={onOpen} />);
    const button = await screen.findByRole('button', { name: 'Site jobs: 1 job running' });
    expect(screen.getByRole('progressbar', { name: `Running job: ${ITMU_SYNC}` })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    await user.click(button);
    expect(onOpen).toHaveBeenCalled();
    expect([0, 1, 2].map(runningJobsText)).toEqual(['No jobs running', '1 job running', '2 jobs running']);
  });
});

describe('the Clock menu', () => {
  it('offers the speeds with the current one checked, and posts the one chosen', async () => {
    const { user } = renderWithQueries(<SiteClockMenu admin={smsadmin} />);
    const button = screen.getByRole('button', { name: 'Site clock options' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Site clock options' });
    const speeds = within(menu).getByRole('group', { name: 'Clock speed' });
    await waitFor(() =>
      expect(within(speeds).getByRole('menuitemradio', { name: '60× speed' })).toHaveAttribute('aria-checked', 'true'),
    );
    expect(within(speeds).getByRole('menuitemradio', { name: 'Real time' })).toHaveAttribute('aria-checked', 'false');
    await user.click(within(speeds).getByRole('menuitemradio', { name: '600× speed' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
    await waitFor(() =>
      expect(posts()).toEqual([{ method: 'POST', path: '/api/site/clock', body: { type: 'speed', speed: 600 } }]),
    );
    expect(harness.backend.clockSetting.speed).toBe(600);
    await user.click(button);
    await waitFor(() =>
      expect(screen.getByRole('menuitemradio', { name: '600× speed' })).toHaveAttribute('aria-checked', 'true'),
    );
  });

  it('works from the keyboard: Down opens it on its first item, arrows move, Escape closes it', async () => {
    const { user } = renderWithQueries(<SiteClockMenu admin={smsadmin} />);
    const button = screen.getByRole('button', { name: 'Site clock options' });
    button.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitemradio', { name: 'Real time' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Fast-forward to end of running jobs' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Pause clock' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
    expect(posts()).toEqual([]);
  });

  it('pauses the clock and fast-forwards to the end of the running jobs', async () => {
    const { user } = renderWithQueries(<SiteClockMenu admin={smsadmin} />);
    const button = screen.getByRole('button', { name: 'Site clock options' });
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Pause clock' }));
    await waitFor(() => expect(harness.backend.clockSetting.paused).toBe(true));
    await user.click(button);
    expect(await screen.findByRole('menuitem', { name: 'Resume clock' })).toBeVisible();
    await user.click(screen.getByRole('menuitem', { name: 'Fast-forward to end of running jobs' }));
    await waitFor(() => expect(harness.backend.state.jobs[0]?.state).toBe('Failed'));
    expect(harness.backend.now()).toBe('2008-12-18T10:15:00Z');
    expect(posts().map((request) => request.body)).toEqual([
      { type: 'pause', paused: true },
      { type: 'fast-forward-to-end-of-jobs' },
    ]);
    // No job runs now: there is nothing to fast-forward to, and the menu says so.
    await user.click(button);
    await waitFor(() =>
      expect(screen.getByRole('menuitem', { name: 'Fast-forward to end of running jobs' })).toHaveAttribute(
        'aria-disabled',
        'true',
      ),
    );
    expect(screen.getByRole('menuitem', { name: 'Fast-forward to end of running jobs' })).toHaveAccessibleDescription(
      'No job is running.',
    );
  });
});
