import { HttpHandler, type RequestHandler } from 'msw';

// MSW tries a request against each handler in turn, and each try clones the request, parses its URL, reads
// document.cookie and the cookie store (appending them to the request's headers) before it looks at the method and the
// path. With some 170 handlers, and the list windows' handlers last, a window of the Update Repository spent more time
// being routed than answered (most of the main thread's JavaScript while scrolling fast). This puts a cheap test before
// each handler's own: a handler whose method or fixed path segments cannot match the request is skipped without that
// work. It only skips what MSW would not have matched (quick-route.test.ts checks it against MSW's own matching for
// every handler); whatever it cannot judge cheaply (a predicate function, a wildcard inside a path, a %-escape in the
// request, a pattern longer than the path) goes to MSW as before.

/** A path pattern's segments, each a literal (lower case) or null for a `:param`. */
type PatternSegments = (string | null)[];

interface HandlerShape {
  method: string | RegExp;
  /** The pattern's segments, or null when the path cannot be judged cheaply. */
  segments: PatternSegments | null;
  /** A leading wildcard (`*` then `/api/...`): any prefix may come first (MSW matches the whole URL, origin included). */
  anyPrefix: boolean;
}

const PARAM = /^:[A-Za-z0-9_]+$/;
const LITERAL = /^[A-Za-z0-9._~!$&'=@,;-]+$/;

function shapeOf(handler: RequestHandler): HandlerShape | null {
  if (!(handler instanceof HttpHandler)) return null;
  const { method, path } = handler.info;
  if (typeof path !== 'string') return { method, segments: null, anyPrefix: false };
  const anyPrefix = path.startsWith('*/');
  const rest = anyPrefix ? path.slice(1) : path;
  if (!rest.startsWith('/')) return { method, segments: null, anyPrefix };
  const parts = rest.split('/').filter((part) => part !== '');
  const judgeable = parts.length > 0 && parts.every((part) => PARAM.test(part) || LITERAL.test(part));
  const segments = judgeable ? parts.map((part) => (PARAM.test(part) ? null : part.toLowerCase())) : null;
  return { method, segments, anyPrefix };
}

// The request's segments, worked out once per request (MSW hands the same Request to every handler): those of the whole
// URL without its query, "http:", "" and the host first, since a leading wildcard may end anywhere before a "/".
const segmentsOfRequest = new WeakMap<Request, string[] | null>();

function requestSegments(request: Request): string[] | null {
  let segments = segmentsOfRequest.get(request);
  if (segments === undefined) {
    const { protocol, host, pathname } = new URL(request.url);
    // An escape may decode to a literal, and an empty segment is matched in ways not worth copying: MSW judges.
    segments =
      pathname.includes('%') || pathname.includes('//')
        ? null
        : [
            protocol,
            '',
            host,
            ...pathname
              .split('/')
              .filter((part) => part !== '')
              .map((part) => part.toLowerCase()),
          ];
    segmentsOfRequest.set(request, segments);
  }
  return segments;
}

/** How many of the request's segments belong to its origin ("http:", "" and the host). */
const ORIGIN_SEGMENTS = 3;

function methodMatches(method: string | RegExp, actual: string): boolean {
  return typeof method === 'string' ? method.toUpperCase() === actual.toUpperCase() : method.test(actual);
}

/** True only when MSW's own matching would certainly refuse this request for this handler. */
function cannotMatch(shape: HandlerShape, request: Request): boolean {
  if (!methodMatches(shape.method, request.method)) return true;
  const pattern = shape.segments;
  if (!pattern) return false;
  const actual = requestSegments(request);
  if (!actual) return false;
  // Matching is case-insensitive and a trailing slash is optional (path-to-regexp's defaults, which MSW keeps). A
  // pattern without the wildcard matches the path exactly; with it, the URL's last segments (as many as the pattern's).
  if (!shape.anyPrefix && actual.length - ORIGIN_SEGMENTS !== pattern.length) return true;
  const offset = actual.length - pattern.length;
  if (offset < 0) return true;
  return pattern.some((literal, index) => {
    const segment = actual[offset + index] as string;
    return segment === '' || (literal !== null && literal !== segment);
  });
}

/** Whether a handler would be skipped for a request (exported for the test that checks it against MSW). */
export function isSkippedFor(handler: RequestHandler, request: Request): boolean {
  const shape = shapeOf(handler);
  return shape !== null && cannotMatch(shape, request);
}

/** The same handlers, each trying MSW's matching only when the cheap test says it might match. */
export function withQuickRouting<T extends RequestHandler>(handlers: T[]): T[] {
  for (const handler of handlers) {
    const shape = shapeOf(handler);
    if (!shape) continue;
    const run = handler.run.bind(handler);
    handler.run = (args) => (cannotMatch(shape, args.request) ? Promise.resolve(null) : run(args));
  }
  return handlers;
}
