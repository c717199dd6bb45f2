import { ADMIN_HEADER, errorBodySchema } from '@/domain/contract/api-contract';
import type { z } from 'zod';

/** A refused or failed request, with the server's code and message (DESIGN.md's error body). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The rule that refused a 409, so the console can tell one refusal from another (and offer to go on). */
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * TanStack Query's retry rule for this API: a refusal (4xx: no right, not found, invalid) is an answer, asked again
 * it stays the same, so only other failures are retried, twice.
 */
export function retryUnlessRefused(failureCount: number, error: Error): boolean {
  const refused = error instanceof ApiRequestError && error.status >= 400 && error.status < 500;
  return !refused && failureCount < 2;
}

/** A 409 refused by this rule. */
export function isRuleConflict(error: unknown, rule: string): error is ApiRequestError {
  return error instanceof ApiRequestError && error.status === 409 && error.rule === rule;
}

export function isForbidden(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && error.status === 403;
}

interface RequestOptions {
  admin?: string | null;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API and parses the answer with the schema the server used to write it. */
export async function apiRequest<T extends z.ZodType>(path: string, schema: T, options: RequestOptions = {}) {
  const headers = new Headers({ Accept: 'application/json' });
  if (options.admin) headers.set(ADMIN_HEADER, options.admin);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const payload: unknown = await response.json().catch(() => {
    throw new ApiRequestError(
      response.status,
      'INTERNAL',
      `The server answered ${path} with something other than JSON`,
    );
  });
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(payload);
    if (parsed.success) {
      const { code, message, field, rule } = parsed.data.error;
      throw new ApiRequestError(response.status, code, message, field, rule);
    }
    throw new ApiRequestError(response.status, 'INTERNAL', `${path} failed with status ${response.status}`);
  }
  return schema.parse(payload) as z.infer<T>;
}
