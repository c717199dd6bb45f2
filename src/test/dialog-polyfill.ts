import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom does not implement <dialog>'s showModal() and close() (see src/ui/dialog.test.tsx): a component test that
 * opens dialogs calls this once at its top level, and the two methods exist (as the open attribute) for each test.
 */
export function installDialogPolyfill() {
  beforeEach(() => {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
  });
  afterEach(() => {
    delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
    delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).close;
  });
}
