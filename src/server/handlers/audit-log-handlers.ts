import { http } from 'msw';
import type { Backend } from '../backend';

/** GET /api/audit-log, /api/audit-log/:id, /api/ids/audit-log and /api/export/audit-log.csv (or .tsv). */
const AUDIT_LOG_READS = /\/api\/(audit-log(\/[^/]*)?|ids\/audit-log|export\/audit-log\.(csv|tsv))$/;

/**
 * The audit log is served by the list machinery (RESOURCES['audit-log']: find, sort, export, IDs). This handler only
 * comes first: another tab may have kept refused attempts since this one read them (they are saved apart from the
 * site, so no tab reloads for one), so they are read again, cheaply when none were kept, and the request goes on to
 * the list handlers.
 */
export function auditLogHandlers(backend: Backend) {
  return [
    http.get(
      ({ request }) => AUDIT_LOG_READS.test(new URL(request.url).pathname),
      async () => {
        await backend.refreshRefusals().catch(() => undefined);
        return undefined;
      },
    ),
  ];
}
