import type { ReactNode } from 'react';
import { Dialog } from './dialog';

export interface WizardPage {
  id: string;
  title: string;
}

interface WizardProps {
  title: string;
  pages: WizardPage[];
  currentId: string;
  /** The banner over the page: what this step is for. */
  banner: string;
  children: ReactNode;
  onClose: () => void;
  footer: ReactNode;
}

/**
 * A wizard in the product's style: the page list on the left with the current page marked, a banner, the page, and
 * Previous / Next / Cancel (the caller decides which apply to each page).
 */
export function Wizard({ title, pages, currentId, banner, children, onClose, footer }: WizardProps) {
  const current = pages.find((page) => page.id === currentId);
  return (
    <Dialog title={title} onClose={onClose} width={760} footer={footer}>
      <div className="flex min-h-[380px] gap-0">
        <nav aria-label="Wizard pages" className="wizard-steps w-[170px] shrink-0">
          <ol>
            {pages.map((page) => (
              <li key={page.id} aria-current={page.id === currentId ? 'step' : undefined} className="wizard-step">
                {page.title}
              </li>
            ))}
          </ol>
        </nav>
        <section aria-label={current?.title ?? title} className="min-w-0 flex-1 bg-white">
          <div className="wizard-banner">
            <h3 className="text-[15px] font-semibold">{current?.title}</h3>
            <p className="mt-0.5">{banner}</p>
          </div>
          <div className="p-4">{children}</div>
        </section>
      </div>
    </Dialog>
  );
}
