import { http } from 'msw';
import { buildConsoleTree, defaultNodeFor } from '@/domain/console-tree/console-tree';
import { resetRequestSchema, type Session } from '@/domain/contract/api-contract';
import { STAGES, type StageId } from '@/domain/scenario/contoso-names';
import { isBuildableStage } from '@/domain/scenario/contoso-stage';
import { scaleForSoftwareUpdates } from '@/domain/scenario/scale';
import type { Backend } from '../backend';
import { conflict } from '../errors';
import { canRead } from '@/domain/rights/rights';
import { readableSearchFolders, readableSoftwareUpdates, readableUpdateLists } from '../queries';
import { json, jsonBodyOf, parseOr400, requireAdmin } from './http';

export function sessionOf(backend: Backend): Session {
  const central = backend.state.sites.find((site) => site.parentCode === null);
  return {
    site: { code: central?.code ?? '', name: central?.name ?? '', version: central?.version ?? '' },
    phase: backend.state.phase,
    defaultNodeId: defaultNodeFor(backend.state.phase),
    stage: backend.stage,
    stages: STAGES.map((stage) => ({ id: stage.id, name: stage.name, available: isBuildableStage(stage.id) })),
    clock: backend.now(),
    clockSpeed: backend.clockSetting.speed,
    clockPaused: backend.clockSetting.paused,
    administrators: backend.state.administrators,
    notice: backend.notice,
  };
}

export function siteHandlers(backend: Backend) {
  return [
    // Open to anyone: the console needs the administrators to offer in "Connected as" before anyone connects.
    http.get(
      '*/api/session',
      json(() => sessionOf(backend)),
    ),
    http.post(
      '*/api/session/notice/dismiss',
      json(({ request }) => {
        requireAdmin(request, backend);
        backend.notice = null;
        return sessionOf(backend);
      }),
    ),
    http.get(
      '*/api/console-tree',
      json(({ request }) => {
        const account = requireAdmin(request, backend);
        return buildConsoleTree(backend.state, {
          updates: readableSoftwareUpdates(backend, account),
          searchFolders: readableSearchFolders(backend, account),
          updateLists: readableUpdateLists(backend, account),
          deployments: backend.state.deployments.filter((deployment) =>
            canRead(backend.rights, account, 'Deployment', deployment.id),
          ),
          collections: backend.state.collections.filter((collection) =>
            canRead(backend.rights, account, 'Collection', collection.id),
          ),
          deploymentPackages: backend.state.deploymentPackages.filter((pkg) =>
            canRead(backend.rights, account, 'DeploymentPackage', pkg.id),
          ),
          sms2003Advertisements: backend.state.sms2003Advertisements.filter((advertisement) =>
            canRead(backend.rights, account, 'Advertisement', advertisement.id),
          ),
        });
      }),
    ),
    http.post(
      '*/api/demo/reset',
      json(async ({ request }) => {
        requireAdmin(request, backend);
        const { stage, softwareUpdates } = parseOr400(resetRequestSchema, await jsonBodyOf(request));
        if (!isBuildableStage(stage as StageId)) {
          const name = STAGES.find((candidate) => candidate.id === stage)?.name ?? stage;
          throw conflict(`The ${name} stage cannot be built by this console yet.`, 'stage-not-available');
        }
        await backend.reset(
          stage as StageId,
          softwareUpdates === undefined ? undefined : scaleForSoftwareUpdates(softwareUpdates),
        );
        return sessionOf(backend);
      }),
    ),
  ];
}
