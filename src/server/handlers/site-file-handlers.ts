import { http, HttpResponse } from 'msw';
import { isBuildableStage } from '@/domain/scenario/contoso-stage';
import type { StageId } from '@/domain/scenario/contoso-names';
import { RuleViolation } from '@/domain/rule-violation';
import type { Backend } from '../backend';
import { ApiError, badRequest } from '../errors';
import { savedSiteSchema, type SavedSite } from '../persistence/saved-site';
import { migrateSavedSite } from '../persistence/saved-site-migrations';
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
        // A file exported by an older console is upgraded first; one from a newer console is refused, not misread.
        const migration = migrateSavedSite(await jsonBodyOf(request));
        if (migration.kind === 'unreadable') {
          throw badRequest('schemaVersion', `schemaVersion: the file cannot be read: ${migration.why}.`);
        }
        const site = parseOr400(savedSiteSchema.strict(), migration.value);
        if (!isBuildableStage(site.stage as StageId)) {
          throw badRequest('stage', `stage: the ${site.stage} stage cannot be built by this console.`);
        }
        try {
          await backend.importSite(site);
          backend.notice = importNotice(site, migration.kind === 'migrated' ? migration.from : null);
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

/** What the trainee is told after an import: which save it was, and whether an older file was upgraded. */
function importNotice(site: SavedSite, migratedFrom: number | null): string {
  const when = site.savedAt
    ? `saved on ${new Date(site.savedAt).toUTCString().replace(' GMT', ' UTC')}`
    : 'saved before files recorded when';
  const done = site.log.length === 1 ? '1 change' : `${site.log.length} changes`;
  const upgraded =
    migratedFrom === null
      ? ''
      : ` It was written by an earlier version of the console (schema version ${migratedFrom}) and was upgraded as it was read.`;
  return `Imported the site file ${when}: the ${site.stage} stage and ${done} made since.${upgraded}`;
}
