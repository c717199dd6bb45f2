// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Tabs, type TabDef } from './tabs';

const TABS: TabDef[] = [
  { id: 'general', title: 'General', content: <p>General settings</p> },
  { id: 'details', title: 'Details', content: <p>More details</p> },
  { id: 'security', title: 'Security', content: <p>Who may do what</p> },
];

function setup(tabs: TabDef[] = TABS) {
  const user = userEvent.setup();
  render(
    <>
      <button type="button">Before</button>
      <Tabs label="Item properties" tabs={tabs} />
      <button type="button">After</button>
    </>,
  );
  return { user };
}

const tab = (name: string) => screen.getByRole('tab', { name });

/** Checks that this tab is the selected one, that only it is in the tab order, and that the panel shows its content. */
function expectSelected(name: string, content: string) {
  for (const other of screen.getAllByRole('tab')) {
    const isIt = other === tab(name);
    expect(other).toHaveAttribute('aria-selected', String(isIt));
    expect(other).toHaveAttribute('tabindex', isIt ? '0' : '-1');
  }
  const panel = screen.getByRole('tabpanel');
  expect(panel).toHaveAccessibleName(name);
  expect(panel).toHaveTextContent(content);
}

describe('Tabs: roles and names', () => {
  it('is a tab list named by its label, with a tab per page named by its title', () => {
    setup();
    const tablist = screen.getByRole('tablist', { name: 'Item properties' });
    expect(tablist).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((element) => element.textContent)).toEqual([
      'General',
      'Details',
      'Security',
    ]);
  });

  it('selects the first tab and shows its panel, labelled by the tab', () => {
    setup();
    expectSelected('General', 'General settings');
    expect(screen.getByRole('tabpanel', { name: 'General' })).toBeInTheDocument();
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it('points the selected tab at its panel with aria-controls', () => {
    setup();
    const panel = screen.getByRole('tabpanel');
    expect(tab('General')).toHaveAttribute('aria-controls', panel.id);
  });

  it('renders nothing in the panel area when there are no tabs', () => {
    setup([]);
    expect(screen.getByRole('tablist')).toBeInTheDocument();
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    expect(screen.queryByRole('tabpanel')).not.toBeInTheDocument();
  });
});

describe('Tabs: mouse', () => {
  it('shows a tab on click', async () => {
    const { user } = setup();
    await user.click(tab('Security'));
    expectSelected('Security', 'Who may do what');
  });
});

describe('Tabs: keyboard', () => {
  it('has one tab stop in the tab list, then the panel', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(tab('General')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('tabpanel')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
  });

  it('Tab lands on the selected tab, not the first', async () => {
    const { user } = setup();
    await user.click(tab('Details'));
    await user.click(screen.getByRole('button', { name: 'After' }));
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(tab('Details')).toHaveFocus();
  });

  it('ArrowRight and ArrowLeft show the next and the previous tab and move the focus to it', async () => {
    const { user } = setup();
    await user.click(tab('General'));

    await user.keyboard('{ArrowRight}');
    expect(tab('Details')).toHaveFocus();
    expectSelected('Details', 'More details');

    await user.keyboard('{ArrowRight}');
    expect(tab('Security')).toHaveFocus();
    expectSelected('Security', 'Who may do what');

    await user.keyboard('{ArrowLeft}');
    expect(tab('Details')).toHaveFocus();
    expectSelected('Details', 'More details');
  });

  it('the arrows wrap around at both ends', async () => {
    const { user } = setup();
    await user.click(tab('General'));
    await user.keyboard('{ArrowLeft}');
    expect(tab('Security')).toHaveFocus();
    expectSelected('Security', 'Who may do what');
    await user.keyboard('{ArrowRight}');
    expect(tab('General')).toHaveFocus();
    expectSelected('General', 'General settings');
  });

  it('Home and End show the first and the last tab and move the focus to it', async () => {
    const { user } = setup();
    await user.click(tab('Details'));
    await user.keyboard('{End}');
    expect(tab('Security')).toHaveFocus();
    expectSelected('Security', 'Who may do what');
    await user.keyboard('{Home}');
    expect(tab('General')).toHaveFocus();
    expectSelected('General', 'General settings');
  });

  it('other keys leave the tabs alone', async () => {
    const { user } = setup();
    await user.click(tab('Details'));
    await user.keyboard('{ArrowDown}{ArrowUp}a');
    expect(tab('Details')).toHaveFocus();
    expectSelected('Details', 'More details');
  });

  it('keys pressed in the panel do not switch tabs', async () => {
    const { user } = setup();
    await user.click(tab('General'));
    await user.tab();
    expect(screen.getByRole('tabpanel')).toHaveFocus();
    await user.keyboard('{ArrowRight}{End}');
    expectSelected('General', 'General settings');
  });
});
