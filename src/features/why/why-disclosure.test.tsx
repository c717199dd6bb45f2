// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { WhyDisclosure } from './why-disclosure';

afterEach(cleanup);

describe('Why?', () => {
  it('opens and closes the reason with the rule and the planning topic section', async () => {
    render(<WhyDisclosure reason="CONTOSO\patchadmin has no Read right on Deployment Templates" />);
    const button = screen.getByRole('button', { name: 'Why?' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const note = screen.getByRole('note', { name: 'Why' });
    expect(note.textContent).toContain('Deployment Templates are a new object type');
    expect(note.textContent).toContain(
      '(Planning for Software Updates Site Upgrade, "Upgraded Software Updates Metadata")',
    );
    await userEvent.keyboard('{Enter}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
