// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeKind } from '@/domain/console-tree/console-tree';
import { RESOURCE_NAMES } from '@/domain/query/resources';
import { UpdateStateIcon } from '@/features/software-updates/update-state-icon';
import { NodeIcon } from './node-icon';
import { ObjectIcon, withObjectIcon } from './object-icon';

// Every kind of node, checked by the compiler: a kind added to NodeKind must be added here (and drawn).
const KINDS: Record<NodeKind, true> = {
  root: true,
  'site-database': true,
  container: true,
  collections: true,
  packages: true,
  'software-updates': true,
  'update-repository': true,
  'search-folders': true,
  'search-folder': true,
  'classification-folder': true,
  'vendor-folder': true,
  'product-folder': true,
  'update-lists': true,
  'update-list': true,
  'deployment-templates': true,
  'deployment-management': true,
  deployment: true,
  'deployment-software-updates': true,
  'sms2003-advertisements': true,
  'deployment-packages': true,
  'deployment-package': true,
  'deployment-package-access-accounts': true,
  'deployment-package-distribution-points': true,
  'deployment-package-software-updates': true,
  'sms2003-advertisement': true,
  'site-management': true,
  'setup-log': true,
  collection: true,
  advertisements: true,
  site: true,
  'site-systems': true,
  'system-status': true,
  'status-messages': true,
  'audit-log': true,
  'hidden-software-updates': true,
  'security-rights': true,
  reports: true,
  'migration-report': true,
  'sms2003-root': true,
  'sms2003-software-updates': true,
  'sms2003-advertisements-list': true,
};
const ALL_KINDS = Object.keys(KINDS) as NodeKind[];

/** The nodes under Software Updates, and the node itself. */
const SOFTWARE_UPDATES_KINDS: NodeKind[] = [
  'software-updates',
  'update-repository',
  'search-folders',
  'search-folder',
  'classification-folder',
  'vendor-folder',
  'product-folder',
  'update-lists',
  'update-list',
  'deployment-templates',
  'deployment-management',
  'deployment',
  'deployment-software-updates',
  'sms2003-advertisements',
  'deployment-packages',
];

afterEach(cleanup);

/** The one SVG an icon renders, checked for being a decorative 16 × 16 drawing. */
function drawn(ui: React.ReactElement): SVGSVGElement {
  const { container } = render(ui);
  const svgs = container.querySelectorAll('svg');
  expect(svgs).toHaveLength(1);
  const svg = svgs[0] as SVGSVGElement;
  expect(svg.getAttribute('width')).toBe('16');
  expect(svg.getAttribute('height')).toBe('16');
  expect(svg.getAttribute('viewBox')).toBe('0 0 16 16');
  expect(svg.children.length).toBeGreaterThan(0);
  return svg;
}

/** What an icon draws, without the attributes of the <svg> element itself. */
function drawingOf(ui: React.ReactElement): string {
  const svg = drawn(ui);
  const markup = svg.innerHTML;
  cleanup();
  return markup;
}

describe('NodeIcon', () => {
  it.each(ALL_KINDS)('draws an aria-hidden SVG for %s', (kind) => {
    const svg = drawn(<NodeIcon kind={kind} />);
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg).not.toHaveAttribute('role');
    expect(svg.querySelector('title, text')).toBeNull();
  });

  it('draws every node kind differently', () => {
    const drawings = new Map<string, NodeKind>();
    for (const kind of ALL_KINDS) {
      const markup = drawingOf(<NodeIcon kind={kind} />);
      expect(drawings.get(markup), `${kind} looks like ${drawings.get(markup)}`).toBeUndefined();
      drawings.set(markup, kind);
    }
  });

  it('gives no two Software Updates nodes the same drawing', () => {
    const drawings = SOFTWARE_UPDATES_KINDS.map((kind) => drawingOf(<NodeIcon kind={kind} />));
    expect(new Set(drawings).size).toBe(SOFTWARE_UPDATES_KINDS.length);
  });

  it('shows a folder for a kind it does not know', () => {
    expect(drawingOf(<NodeIcon kind="something-new" />)).toBe(drawingOf(<NodeIcon kind="container" />));
  });

  it('keeps 1px outlines on the pixel grid: straight coordinates of stroked rectangles end in .5', () => {
    for (const kind of ALL_KINDS) {
      const svg = drawn(<NodeIcon kind={kind} />);
      for (const rect of svg.querySelectorAll('rect[stroke]')) {
        for (const attribute of ['x', 'y']) {
          expect(Number(rect.getAttribute(attribute)) % 1, `${kind}: rect ${attribute}`).toBe(0.5);
        }
      }
      cleanup();
    }
  });
});

describe('ObjectIcon', () => {
  it.each([...RESOURCE_NAMES])('draws an aria-hidden SVG for an object of %s', (resource) => {
    const svg = drawn(<ObjectIcon resource={resource} />);
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg.querySelector('title, text')).toBeNull();
  });

  it('draws the objects of each non-update list differently', () => {
    const lists = RESOURCE_NAMES.filter((resource) => resource !== 'software-updates');
    const drawings = lists.map((resource) => drawingOf(<ObjectIcon resource={resource} />));
    expect(new Set(drawings).size).toBe(lists.length);
  });

  it('puts the icon before the cell text, which stays the accessible text', () => {
    render(<div data-testid="cell">{withObjectIcon('collections', 'All Systems')}</div>);
    const cell = screen.getByTestId('cell');
    expect(cell).toHaveTextContent(/^All Systems$/);
    expect(cell.querySelector('svg[aria-hidden="true"] + span')).toHaveTextContent('All Systems');
  });
});

describe('UpdateStateIcon', () => {
  it('names each state and draws them apart', () => {
    render(
      <>
        <UpdateStateIcon update={{ expired: false, superseded: false }} />
        <UpdateStateIcon update={{ expired: true, superseded: false }} />
        <UpdateStateIcon update={{ expired: false, superseded: true }} />
      </>,
    );
    const icons = ['Normal', 'Expired', 'Superseded'].map((name) => screen.getByRole('img', { name }));
    expect(new Set(icons.map((icon) => icon.innerHTML)).size).toBe(3);
    for (const icon of icons) expect(icon).toHaveAttribute('viewBox', '0 0 16 16');
  });
});
