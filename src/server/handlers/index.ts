import { http } from 'msw';
import type { Backend } from '../backend';
import { notFound } from '../errors';
import { json } from './http';
import { resourceHandlers } from './resource-handlers';
import { siteHandlers } from './site-handlers';

/** The one handler set: the service worker in the app, msw/node in Vitest and the Playwright runs all use it. */
export function createHandlers(backend: Backend) {
  return [
    ...siteHandlers(backend),
    ...resourceHandlers(backend),
    // Last: an unknown /api/ path is a JSON 404, never the single-page app's HTML.
    http.all(
      '*/api/*',
      json(({ request }) => {
        const url = new URL(request.url);
        throw notFound(`There is no endpoint ${request.method} ${url.pathname}. See docs/api.md.`);
      }),
    ),
  ];
}
