import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { listPageQuery } from '@/api/resources';
import { NODE_IDS } from '@/domain/console-tree/console-tree';
import type { ConsoleTreeNode } from '@/domain/contract/api-contract';
import { parseConsoleView } from './console-url';
import { listParamsOf, objectListOf, prefetchFirstListWindow } from './first-list';

const node = (id: string, kind: string, resource: string | null, children: ConsoleTreeNode[] = []) => ({
  id,
  name: id,
  kind,
  resource,
  children,
});
const repository = node(NODE_IDS.updateRepository, 'update-repository', 'software-updates');
const templates = node(NODE_IDS.deploymentTemplates, 'deployment-templates', 'deployment-templates');
const reports = node(NODE_IDS.reports, 'reports', 'reports');
const home = node(NODE_IDS.softwareUpdates, 'software-updates', 'software-updates', [repository, templates]);
const tree = node('root', 'root', null, [home, reports]);
const viewOf = (url: string) => parseConsoleView(new URL(url, 'http://console.test').pathname, url.split('?')[1] ?? '');
const ADMIN = 'CONTOSO\\smsadmin';

describe('objectListOf', () => {
  it('is the resource the results pane lists, or null where it shows something else', () => {
    expect(objectListOf(repository, viewOf(`/console/${repository.id}?q=KB941644`))).toBe('software-updates');
    expect(objectListOf(templates, viewOf(`/console/${templates.id}`))).toBe('deployment-templates');
    // A compliance drill-down, a report in its viewer, the home page and a node of nodes list no objects of theirs.
    expect(objectListOf(repository, viewOf(`/console/${repository.id}?clients=12&state=required`))).toBeNull();
    expect(objectListOf(reports, viewOf(`/console/${reports.id}?report=compliance-1`))).toBeNull();
    expect(objectListOf(home, viewOf(`/console/${home.id}`))).toBeNull();
    expect(objectListOf(tree, viewOf('/console/root'))).toBeNull();
  });
});

describe('prefetchFirstListWindow', () => {
  const prefetched = (url: string) => {
    const queryClient = new QueryClient();
    const prefetch = vi.spyOn(queryClient, 'prefetchQuery').mockResolvedValue(undefined);
    prefetchFirstListWindow(queryClient, ADMIN, tree, viewOf(url));
    return prefetch.mock.calls.map(([options]) => options.queryKey);
  };

  it("asks for the first window under the key the results pane reads it by (the URL's search and sort)", () => {
    const view = viewOf(`/console/${repository.id}?q=Windows+XP&sort=required:desc`);
    expect(prefetched(`/console/${repository.id}?q=Windows+XP&sort=required:desc`)).toEqual([
      listPageQuery(ADMIN, 'software-updates', listParamsOf(repository.id, 'software-updates', view), 0).queryKey,
    ]);
    expect(listParamsOf(repository.id, 'software-updates', view)).toEqual({
      node: repository.id,
      q: 'Windows XP',
      searchIn: 'all',
      sort: 'required:desc',
    });
  });

  it('asks for nothing where no list is shown, or for a node the tree does not have', () => {
    expect(prefetched(`/console/${repository.id}?clients=12&state=required`)).toEqual([]);
    expect(prefetched(`/console/${home.id}`)).toEqual([]);
    expect(prefetched('/console/software-updates/no-such-node')).toEqual([]);
  });
});
