import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect } from 'react-router';
import { consoleTreeQuery } from '@/api/console-tree';
import { DEFAULT_ADMINISTRATOR, getConnectedAdmin, setConnectedAdmin } from '@/api/connection';
import { sessionQuery } from '@/api/session';
import { DEFAULT_NODE_ID } from '@/domain/console-tree/console-tree';
import { ConsoleLayout } from './console-layout';
import { consolePath, parseConsoleView } from './console-url';
import { RouteError } from './route-error';

function BootMessage() {
  return <p className="m-4">Connecting to site CEN…</p>;
}

/**
 * The routes (react-router data mode). The console's loader starts the session and the console tree while the
 * shell renders, so the first paint already has the tree.
 */
export function createConsoleRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: '/',
      loader: async () =>
        redirect(consolePath({ nodeId: (await queryClient.ensureQueryData(sessionQuery())).defaultNodeId })),
      element: <BootMessage />,
    },
    {
      path: '/console/*',
      element: <ConsoleLayout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <BootMessage />,
      loader: async ({ request }) => {
        const session = await queryClient.ensureQueryData(sessionQuery());
        const known = (account: string | null) =>
          session.administrators.find((a) => a.account.toLowerCase() === account?.toLowerCase())?.account;
        // A demo link may carry the administrator to connect as (?as=CONTOSO\patchadmin): connect, then drop it.
        const url = new URL(request.url);
        if (url.searchParams.has('as')) {
          const account = known(url.searchParams.get('as'));
          if (account) setConnectedAdmin(account);
          url.searchParams.delete('as');
          return redirect(`${url.pathname}${url.search}`);
        }
        // A remembered administrator the site no longer has falls back to the one who ran the upgrade.
        if (!known(getConnectedAdmin())) setConnectedAdmin(DEFAULT_ADMINISTRATOR);
        const admin = getConnectedAdmin();
        const tree = await queryClient.ensureQueryData(consoleTreeQuery(admin)).catch(() => undefined);
        // The node's first rows are asked for now, while the tree renders and the results pane's code arrives.
        if (tree) {
          const view = parseConsoleView(url.pathname, url.search);
          void import('./first-list').then((module) => module.prefetchFirstListWindow(queryClient, admin, tree, view));
        }
        return null;
      },
    },
    { path: '*', loader: () => redirect(consolePath({ nodeId: DEFAULT_NODE_ID })), element: <BootMessage /> },
  ]);
}
