import { http } from 'msw';
import { whyNoRightFor } from '@/domain/after-upgrade/after-upgrade-rights';
import type { PublishCustomUpdate } from '@/domain/after-upgrade/custom-update-publishing';
import {
  publishCustomUpdateRequestSchema,
  type PublishCustomUpdateResponse,
} from '@/domain/contract/custom-update-contract';
import type { Backend } from '../backend';
import { forbidden } from '../errors';
import { json, jsonBodyOf, parseBodyOr400, requireAdmin } from './http';

/**
 * Custom updates authored and published with System Center Updates Publisher: POST /api/site/custom-updates publishes
 * one to the WSUS server of the software update point (400 naming the field, 403 without Modify on site CEN, 409
 * without a software update point or when a rule refuses it). The update reaches Update Repository at the next
 * synchronization of the software update point.
 */
export function customUpdateHandlers(backend: Backend) {
  return [
    http.post(
      '*/api/site/custom-updates',
      json(async ({ request }): Promise<PublishCustomUpdateResponse> => {
        const account = requireAdmin(request, backend);
        const body = parseBodyOr400(
          publishCustomUpdateRequestSchema,
          await jsonBodyOf(request),
          'POST /api/site/custom-updates',
        );
        const operation: PublishCustomUpdate = { type: 'publish-custom-update', ...body, by: account };
        const noRight = whyNoRightFor(backend.rights, account, operation);
        if (noRight) throw forbidden(noRight);
        await backend.apply(operation);
        const item = backend.state.facts.publishedCustomUpdates.at(-1);
        if (!item) throw new Error('The published custom update is not in the site facts');
        return {
          item,
          message: `${item.title} was published to WSUS on ${backend.state.softwareUpdatePoint?.serverName ?? 'the software update point'}. It reaches Update Repository at the next synchronization of the software update point (Update Repository > Run Synchronization).`,
        };
      }),
    ),
  ];
}
