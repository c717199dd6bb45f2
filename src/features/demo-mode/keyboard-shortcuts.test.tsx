// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyboardShortcuts, setKeyboardShortcutsOpen } from './keyboard-shortcuts';

beforeEach(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(() => {
  cleanup();
  act(() => setKeyboardShortcutsOpen(false));
});

describe('the keyboard shortcuts sheet', () => {
  it('opens on ? pressed outside a field, and lists the console’s shortcuts', async () => {
    render(
      <>
        <button type="button">somewhere</button>
        <KeyboardShortcuts />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'somewhere' }));
    await userEvent.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard Shortcuts' });
    expect(sheet).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Results pane' }).textContent).toContain('Ctrl+A');
    expect(screen.getByRole('table', { name: 'Console tree' }).textContent).toContain('A letter');
  });

  it('does not open while typing in a field', async () => {
    render(
      <>
        <input aria-label="Look for" />
        <KeyboardShortcuts />
      </>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Look for' }), 'a?b');
    expect((screen.getByRole('textbox', { name: 'Look for' }) as HTMLInputElement).value).toBe('a?b');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
