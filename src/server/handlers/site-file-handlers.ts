import { http, HttpResponse } from 'msw';
import { isBuildableStage } from '@/domain/scenario/contoso-stage';
import type { StageId } from '@/domain/scenario/contoso-names';
import { RuleViolation } from '@/domain/rule-violation';
import type { Backend } from '../backend';
import { ApiError, badRequest } from '../errors';
import { savedSiteSchema } from '../persistence/saved-site';
import { json, jsonBodyOf, parseOr400, requireAdmin } from './http';
import { sessionOf } from './site-handlers';

/** The largest site file accepted: a saved site is kilobytes (seed + log), so this leaves a wide margin. */
const MAX_SITE_FILE_BYTES = 2_000_000;

/**
 * GET /api/site/export: the site as a file (what it started from and what was done since); POST /api/site/import:
 * a file exported before. The whole file is validated, and its log replayed, before anything changes.
 */
export function siteFileHandlers(backend: Backend) {
  return [
    http.get('*/api/site/export', ({ request }) => {
      try {
        requireAdmin(request, backend);
        return HttpResponse.json(backend.exportSite(), {
          headers: { 'Content-Disposition': 'attachment; filename="contoso-site.json"' },
        });
      } catch (error) {
        if (error instanceof ApiError) return HttpResponse.json(error.toBody(), { status: error.status });
        throw error;
      }
    }),
    http.post(
      '*/api/site/import',
      json(async ({ request }) => {
        requireAdmin(request, backend);
        const length = Number(request.headers.get('Content-Length') ?? '0');
        if (length > MAX_SITE_FILE_BYTES) {
          throw badRequest('body', `The file is too large (${length} bytes): a site file is at most 2 MB.`);
        }
        const site = parseOr400(savedSiteSchema.strict(), await jsonBodyOf(request));
        if (!isBuildableStage(site.stage as StageId)) {
          throw badRequest('stage', `stage: the ${site.stage} stage cannot be built by this console.`);
        }
        try {
          await backend.importSite(site);
        } catch (error) {
          // A conflict with another tab stays a 409; anything the file itself causes is the file's fault: 400.
          if (error instanceof ApiError) throw error;
          const why = error instanceof RuleViolation || error instanceof Error ? error.message : String(error);
          throw badRequest('log', `log: the file's operations cannot be replayed: ${why}`);
        }
        return sessionOf(backend);
      }),
    ),
  ];
}
