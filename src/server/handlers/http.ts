import { HttpResponse, type JsonBodyType } from 'msw';
import type { z } from 'zod';
import { ADMIN_HEADER } from '@/domain/contract/api-contract';
import type { Backend } from '../backend';
import { RuleViolation } from '@/domain/rule-violation';
import { ApiError, badRequest, conflict, unauthenticated } from '../errors';
import { auditRefusedRequest } from '../audit-refusals';

type Resolver = (info: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => unknown;

/** Who made a request (once `requireAdmin` knew them) and the body it sent: what the audit log keeps of a refusal. */
const connectedAs = new WeakMap<Request, { backend: Backend; account: string }>();
const bodyOf = new WeakMap<Request, unknown>();

/**
 * Wraps a handler body: its return value becomes a JSON 200, an ApiError its status and error body. Anything else is a
 * bug, answered as 500 with what went wrong rather than a hung request. A change refused for a right (403) or a rule
 * (409) is kept in the audit log first (src/server/audit-refusals.ts).
 */
export function json(resolver: (info: Parameters<Resolver>[0]) => Promise<JsonBodyType> | JsonBodyType) {
  return async (info: Parameters<Resolver>[0]) => {
    try {
      return HttpResponse.json(await resolver(info));
    } catch (error) {
      const refused =
        error instanceof RuleViolation ? conflict(error.message, error.rule) : error instanceof ApiError ? error : null;
      if (refused) {
        const who = connectedAs.get(info.request);
        if (who) {
          await auditRefusedRequest(who.backend, {
            account: who.account,
            method: info.request.method,
            url: info.request.url,
            body: bodyOf.get(info.request),
            error: refused,
          });
        }
        return HttpResponse.json(refused.toBody(), { status: refused.status });
      }
      const message = error instanceof Error ? error.message : String(error);
      return HttpResponse.json(
        { error: { code: 'INTERNAL', message: `The mock backend failed: ${message}` } },
        { status: 500 },
      );
    }
  };
}

/** The connected administrator, from the X-Admin header; 401 when it is missing or not an administrator of the site. */
export function requireAdmin(request: Request, backend: Backend): string {
  const account = request.headers.get(ADMIN_HEADER);
  if (!account) {
    throw unauthenticated(`No administrator is connected: send the ${ADMIN_HEADER} header, e.g. CONTOSO\\smsadmin.`);
  }
  // Windows account names are case-blind: CONTOSO\SMSADMIN is CONTOSO\smsadmin.
  const known = backend.state.administrators.find(
    (administrator) => administrator.account.toLowerCase() === account.toLowerCase(),
  );
  if (!known) {
    throw unauthenticated(`${account} is not an administrator of site ${backend.state.sites[0]?.code ?? ''}.`);
  }
  connectedAs.set(request, { backend, account: known.account });
  return known.account;
}

/** Parses with a zod schema; the first problem becomes a 400 naming the field and the reason. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  const message = !issue
    ? 'The request is not valid'
    : issue.message.startsWith(field)
      ? issue.message
      : `${field}: ${issue.message}`;
  throw badRequest(field, message);
}

/** Parses a request body; a field the endpoint does not take is a 400 naming that field. */
export function parseBodyOr400<T extends z.ZodType>(schema: T, input: unknown, endpoint: string): z.infer<T> {
  const result = schema.safeParse(input);
  const issue = result.success ? undefined : result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const field = [...issue.path.map(String), issue.keys[0] ?? ''].join('.');
    throw badRequest(field, `${field}: ${endpoint} takes no field "${issue.keys[0] ?? ''}"`);
  }
  return parseOr400(schema, input);
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

export async function jsonBodyOf(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('body', 'The request body is not valid JSON');
  }
  bodyOf.set(request, body);
  return body;
}
