import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect } from 'react-router';
import { consoleTreeQuery } from '@/api/console-tree';
import { getConnectedAdmin } from '@/api/connection';
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
    { path: '/', loader: () => redirect(consolePath({ nodeId: DEFAULT_NODE_ID })), element: <BootMessage /> },
    {
      path: '/console/*',
      element: <ConsoleLayout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <BootMessage />,
      loader: async () => {
        await Promise.all([
          queryClient.ensureQueryData(sessionQuery()),
          queryClient.ensureQueryData(consoleTreeQuery(getConnectedAdmin())).catch(() => undefined),
        ]);
        return null;
      },
    },
    { path: '*', loader: () => redirect(consolePath({ nodeId: DEFAULT_NODE_ID })), element: <BootMessage /> },
  ]);
}
