import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect } from 'react-router';
import { consoleTreeQuery } from '@/api/console-tree';
import { DEFAULT_ADMINISTRATOR, getConnectedAdmin, setConnectedAdmin } from '@/api/connection';
import { sessionQuery } from '@/api/session';
import { DEFAULT_NODE_ID } from '@/domain/console-tree/console-tree';
import { ConsoleLayout } from './console-layout';
import { consolePath } from './console-url';
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
        await queryClient.ensureQueryData(consoleTreeQuery(getConnectedAdmin())).catch(() => undefined);
        return null;
      },
    },
    { path: '*', loader: () => redirect(consolePath({ nodeId: DEFAULT_NODE_ID })), element: <BootMessage /> },
  ]);
}
