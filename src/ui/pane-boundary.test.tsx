// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PaneBoundary } from './pane-boundary';

let failing = true;
function Fragile() {
  if (failing) throw new Error('The list could not be drawn');
  return <p>The pane works</p>;
}

function Console() {
  const [count, setCount] = useState(0);
  return (
    <div>
      <PaneBoundary what="the results pane">
        <Fragile />
      </PaneBoundary>
      <button type="button" onClick={() => setCount(count + 1)}>
        Still working {count}
      </button>
    </div>
  );
}

describe('PaneBoundary: failures stay local', () => {
  it('shows what failed with a Try Again in place, the rest keeps working, and Try Again recovers', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    failing = true;
    render(<Console />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong in the results pane.');
    expect(alert).toHaveTextContent('The list could not be drawn');
    await userEvent.click(screen.getByRole('button', { name: /Still working/ }));
    expect(screen.getByRole('button', { name: 'Still working 1' })).toBeInTheDocument();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try Again' }));
    expect(screen.getByText('The pane works')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });
});
