import { HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../backend';
import { createHandlers } from '.';
import { isSkippedFor } from './quick-route';

const ORIGIN = 'http://console.test';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];

// Building the handlers touches no backend state: only their matching is exercised here.
const handlers = createHandlers({} as Backend);

/** Requests near every handler's own path: the path itself and the variants a cheap test could get wrong. */
function corpus(): Request[] {
  const paths = new Set<string>();
  for (const handler of handlers) {
    const path = handler instanceof HttpHandler ? handler.info.path : null;
    if (typeof path !== 'string') continue;
    const plain = path.replace(/^\*/, '').replace(/:[A-Za-z0-9_]+/g, 'Ab-1');
    const segments = plain.split('/').filter(Boolean);
    for (const variant of [
      plain,
      `${plain}/`,
      plain.toUpperCase(),
      `/prefix${plain}`,
      `${plain}/extra`,
      `/${segments.slice(0, -1).join('/')}`,
      `/${segments.slice(1).join('/')}`,
      plain.replace(/-/g, '%2D'),
      plain.replace(/\//g, '//'),
      `${plain}?offset=0&limit=100`,
    ])
      paths.add(variant);
  }
  return [...paths].flatMap((path) => METHODS.map((method) => new Request(`${ORIGIN}${path}`, { method })));
}

async function mswMatches(handler: (typeof handlers)[number], request: Request) {
  if (!(handler instanceof HttpHandler)) return true;
  const parsedResult = await handler.parse({ request });
  return handler.predicate({ request, parsedResult });
}

describe('quick routing', () => {
  it('skips a handler only when MSW itself would not match the request', async () => {
    const requests = corpus();
    const wronglySkipped: string[] = [];
    let skipped = 0;
    for (const request of requests) {
      for (const handler of handlers) {
        if (!isSkippedFor(handler, request)) continue;
        skipped += 1;
        if (await mswMatches(handler, request))
          wronglySkipped.push(`${handler.info.header} <- ${request.method} ${request.url}`);
      }
    }
    expect(wronglySkipped).toEqual([]);
    // And it does skip: most handlers are ruled out for most requests.
    expect(skipped).toBeGreaterThan(requests.length * handlers.length * 0.8);
  });

  it('leaves a list window to at most a few handlers', () => {
    const request = new Request(`${ORIGIN}/api/software-updates?node=software-updates%2Fupdate-repository&offset=0`);
    const tried = handlers.filter((handler) => !isSkippedFor(handler, request)).map((handler) => handler.info.header);
    expect(tried).toContain('GET */api/software-updates');
    expect(tried.length).toBeLessThanOrEqual(4);
  });
});
