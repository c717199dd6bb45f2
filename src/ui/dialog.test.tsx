// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog';

// jsdom (27) has HTMLDialogElement but does not implement showModal() or close(), so they are stubbed here: showModal
// sets the open attribute, as the browser does (without it jsdom's stylesheet hides the dialog, display: none, and it
// has no role in the accessibility tree), and close removes it. jsdom does not turn Escape into a cancel event either,
// so the tests fire the cancel event that the browser fires when Escape is pressed in a modal dialog.
const showModal = vi.fn(function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
});
const close = vi.fn(function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
});

beforeEach(() => {
  showModal.mockClear();
  close.mockClear();
  HTMLDialogElement.prototype.showModal = showModal;
  HTMLDialogElement.prototype.close = close;
});

afterEach(() => {
  // Unmount first: unmounting calls close(), and Testing Library's own cleanup would run after this hook.
  cleanup();
  delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
  delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).close;
});

function setup() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <Dialog title="Item Properties" onClose={onClose} footer={<button type="button">OK</button>}>
      <p>The body of the dialog</p>
    </Dialog>,
  );
  return { user, onClose, view };
}

describe('Dialog', () => {
  it('is a dialog named by its title', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Item Properties' });
    expect(dialog).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Item Properties' })).toBeInTheDocument();
  });

  it('shows its body and its footer', () => {
    setup();
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('The body of the dialog');
    expect(screen.getByRole('button', { name: 'OK' })).toBeInTheDocument();
  });

  it('opens as a modal dialog, once, and closes when it goes away', () => {
    const { view } = setup();
    const dialog = screen.getByRole('dialog');
    expect(showModal).toHaveBeenCalledOnce();
    expect(showModal.mock.contexts[0]).toBe(dialog);
    expect(dialog).toHaveAttribute('open');
    view.unmount();
    expect(close).toHaveBeenCalled();
    expect(close.mock.contexts.at(-1)).toBe(dialog);
  });

  it("calls onClose when the title bar's Close button (✕) is pressed", async () => {
    const { user, onClose } = setup();
    await user.click(screen.getByRole('button', { name: 'Close dialog' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('calls onClose on the cancel event (Escape), and keeps the browser from closing it on its own', () => {
    const { onClose } = setup();
    const dialog = screen.getByRole('dialog');
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(dialog, cancel);
    expect(onClose).toHaveBeenCalledOnce();
    // The owner closes the dialog by unmounting it; the browser must not close it behind React's back.
    expect(cancel.defaultPrevented).toBe(true);
  });

  it('does not call onClose when something else in it is pressed', async () => {
    const { user, onClose } = setup();
    await user.click(screen.getByRole('button', { name: 'OK' }));
    await user.click(screen.getByText('The body of the dialog'));
    expect(onClose).not.toHaveBeenCalled();
  });
});
