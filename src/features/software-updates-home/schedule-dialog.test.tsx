// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTOSO } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { installDialogPolyfill } from '@/test/dialog-polyfill';
import { ScheduleHomePageSummarizationDialog } from './schedule-dialog';

const { smsadmin, patchadmin } = CONTOSO.administrators;

installDialogPolyfill();
const sent: Array<{ method: string; path: string }> = [];
type Harness = Awaited<ReturnType<typeof startTestBackend>>;
let harness: Harness;
beforeEach(async () => {
  harness = await startTestBackend();
  sent.length = 0;
  stubFetchToTestBackend((request) => sent.push({ method: request.method, path: request.path }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  harness.stop();
});

function open(admin: string = smsadmin) {
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ScheduleHomePageSummarizationDialog admin={admin} onClose={onClose} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), onClose };
}

describe('Schedule Home Page Summarization (the Custom Schedule dialog)', () => {
  it('opens on the schedule in force, checks the interval before sending it, then saves it', async () => {
    const { user, onClose } = open();
    const dialog = await screen.findByRole('dialog', { name: 'Custom Schedule' });
    const every = within(dialog).getByRole('textbox', { name: 'Recur every' });
    await waitFor(() => expect(every).toHaveValue('4'));
    expect(within(dialog).getByRole('combobox', { name: 'Unit' })).toHaveValue('Hours');
    await user.clear(every);
    await user.type(every, '30');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await within(dialog).findByText('Hours must be from 1 to 23.')).toBeVisible();
    expect(every).toHaveAttribute('aria-invalid', 'true');
    expect(sent.filter((request) => request.method === 'PUT')).toEqual([]);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'Minutes');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toContainEqual({ method: 'PUT', path: '/api/homepage-summary/schedule' });
    expect(harness.backend.state.homepageSummary?.intervalMinutes).toBe(30);
  });

  it('says why CONTOSO\\patchadmin may not change it, and sends nothing', async () => {
    open(patchadmin);
    const dialog = await screen.findByRole('dialog', { name: 'Custom Schedule' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The schedule cannot be changed: CONTOSO\\patchadmin has no Modify right on site CEN.',
    );
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();
    expect(sent.filter((request) => request.method === 'PUT')).toEqual([]);
  });
});
