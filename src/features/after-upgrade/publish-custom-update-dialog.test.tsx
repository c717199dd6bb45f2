// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StageId } from '@/domain/scenario/contoso-names';
// A component test talks to the real mock backend (msw/node), as the app does through its service worker.
// eslint-disable-next-line no-restricted-imports -- the app code of this feature reaches the server only through src/api
import { startTestBackend } from '@/server/test-harness';
import { stubFetchToTestBackend } from '@/test/fetch-to-backend';
import { installDialogPolyfill } from '@/test/dialog-polyfill';
import { PublishCustomUpdateDialog } from './publish-custom-update-dialog';

installDialogPolyfill();

const HOSTILE_TITLE = '<script>window.__hacked=1</script><img src=x onerror="window.__hacked=1"> Contoso Fix';

type Harness = Awaited<ReturnType<typeof startTestBackend>>;
let harness: Harness | undefined;
const sent: Array<{ method: string; url: string; body: unknown }> = [];

async function startSite(stage: StageId) {
  harness = await startTestBackend({ stage });
  sent.length = 0;
  stubFetchToTestBackend((request) => sent.push({ method: request.method, url: request.url, body: request.body }));
  return harness;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  harness?.stop();
  harness = undefined;
});

function renderDialog(admin = 'CONTOSO\\smsadmin') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const onClose = vi.fn();
  render(<PublishCustomUpdateDialog admin={admin} onClose={onClose} />, { wrapper });
  const dialog = screen.getByRole('dialog', { name: 'Create Update Wizard' });
  return { user: userEvent.setup(), onClose, dialog };
}

const posts = () => sent.filter((request) => request.method === 'POST');

describe('Publish Custom Update... (the Create Update Wizard, Information page)', () => {
  it('says what is wrong with each field beside it, and sends nothing until the page is right', async () => {
    await startSite('synchronized');
    const { user, dialog } = renderDialog();
    const finish = within(dialog).getByRole('button', { name: 'Finish' });
    await vi.waitFor(() => expect(finish).toBeEnabled());
    expect(within(dialog).getByRole('textbox', { name: /^Title:/ })).toHaveFocus();

    await user.click(finish);
    const title = within(dialog).getByRole('textbox', { name: /^Title:/ });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('The title cannot be empty.');
    expect(within(dialog).getByRole('textbox', { name: /^Vendor:/ })).toHaveAccessibleDescription(
      'The vendor cannot be empty.',
    );
    expect(title).toHaveFocus();

    const url = within(dialog).getByRole('textbox', { name: 'More info URL:' });
    await user.type(url, 'ftp://contoso.com/fix');
    expect(url).toHaveAccessibleDescription('The More info URL must be an http:// or https:// address, or empty.');
    expect(posts()).toEqual([]);
  });

  it('publishes with POST /api/site/custom-updates and says the update reaches the console at the next synchronization', async () => {
    await startSite('synchronized');
    const { user, dialog, onClose } = renderDialog();
    const finish = within(dialog).getByRole('button', { name: 'Finish' });
    await vi.waitFor(() => expect(finish).toBeEnabled());
    await user.type(within(dialog).getByRole('textbox', { name: /^Title:/ }), HOSTILE_TITLE);
    await user.type(within(dialog).getByRole('textbox', { name: /^Description:/ }), 'Fixes the export.');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /^Classification:/ }), 'Critical Updates');
    await user.type(within(dialog).getByRole('textbox', { name: /^Vendor:/ }), 'Contoso');
    await user.type(within(dialog).getByRole('textbox', { name: /^Product:/ }), 'Contoso Timesheets');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Severity:' }), 'Important');
    await user.click(finish);

    const note = await within(dialog).findByRole('status');
    expect(note).toHaveTextContent(`${HOSTILE_TITLE} was published to WSUS on CEN-SMS01`);
    expect(note).toHaveTextContent('at the next synchronization of the software update point');
    // The title is text: no element was made of it.
    expect(dialog.querySelector('img, script')).toBeNull();
    expect(posts()).toEqual([
      {
        method: 'POST',
        url: 'http://console.test/api/site/custom-updates',
        body: {
          title: HOSTILE_TITLE,
          description: 'Fixes the export.',
          classification: 'Critical Updates',
          vendor: 'Contoso',
          product: 'Contoso Timesheets',
          bulletinId: '',
          articleId: '',
          severity: 'Important',
          infoUrl: '',
        },
      },
    ]);
    expect(harness?.backend.state.facts.publishedCustomUpdates.map((update) => update.title)).toEqual([HOSTILE_TITLE]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows the server refusal of a rule in place (a vendor spelt unlike its folder), and publishes nothing', async () => {
    await startSite('synchronized');
    const { user, dialog } = renderDialog();
    const finish = within(dialog).getByRole('button', { name: 'Finish' });
    await vi.waitFor(() => expect(finish).toBeEnabled());
    await user.type(within(dialog).getByRole('textbox', { name: /^Title:/ }), 'Payroll fix');
    await user.type(within(dialog).getByRole('textbox', { name: /^Description:/ }), 'A fix.');
    await user.type(within(dialog).getByRole('textbox', { name: /^Vendor:/ }), 'CONTOSO');
    await user.type(within(dialog).getByRole('textbox', { name: /^Product:/ }), 'Contoso Payroll');
    await user.click(finish);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/spell the vendor exactly Contoso/);
    expect(harness?.backend.state.facts.publishedCustomUpdates).toEqual([]);
  });

  it('is greyed out with the reason before the software update point exists', async () => {
    await startSite('just-upgraded');
    const { dialog } = renderDialog();
    expect(await within(dialog).findByText(/create the software update point first/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Finish' })).toBeDisabled();
  });
});
