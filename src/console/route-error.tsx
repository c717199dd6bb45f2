import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Never a blank page: what went wrong, and a way back. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main className="m-6 max-w-xl">
      <h1 className="text-lg font-semibold">The console could not show this view</h1>
      <p className="mt-2">{message}</p>
      <a className="win-link mt-3 inline-block" href="/">
        Back to Update Repository
      </a>
    </main>
  );
}
