import { describe, expect, it } from 'vitest';
import { findNode, buildConsoleTree } from '../console-tree/console-tree';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '../deployments/deployment-rules';
import { KB954474 } from '../after-upgrade/catalog-rules';
import { DEFAULT_SUP_SETTINGS } from '../after-upgrade/software-update-point';
import { ITMU_SYNC_ADVERTISEMENT_ID } from '../after-upgrade/site-after-setup';
import { currentView, type Operation } from '../operations/operations';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED, runSteps, type StageStep } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { RuleViolation } from '../rule-violation';
import { NOT_STARTED, PLANNING_SECTIONS, type Walkthrough, type WalkthroughProgress } from './walkthrough-model';
import {
  completesByViewing,
  recordStepViewed,
  walkthroughStatus,
  type ProgressByAccount,
} from './walkthrough-progress';
import { walkthroughById, WALKTHROUGHS } from './walkthroughs';

const { smsadmin, patchadmin } = CONTOSO.administrators;

const wait: StageStep = { waitForJobs: true };
const step = (operation: Operation): StageStep => ({ operation });

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

const SUP: Operation = {
  type: 'configure-software-update-point',
  serverName: CONTOSO.sites.central.serverName,
  ...DEFAULT_SUP_SETTINGS,
  by: smsadmin,
};
const SYNC: Operation = { type: 'synchronize-software-updates', by: smsadmin };

const templateOperation = (name: string, by: string, sms2003: boolean): Operation => ({
  type: 'create-deployment-template',
  name,
  description: '',
  settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'SMS000GS', deployToSms2003Clients: sms2003 },
  by,
});

const deployment = (name: string, updateIds: string[], templateId: string | null, sms2003: boolean): Operation => ({
  type: 'create-deployment',
  name,
  description: '',
  updateIds,
  templateId,
  settings: { ...DEFAULT_DEPLOYMENT_SETTINGS, collectionId: 'SMS000GS', deployToSms2003Clients: sms2003 },
  availableTime: null,
  deadline: null,
  deploymentPackage: {
    kind: 'new',
    name,
    description: '',
    sourcePath: `\\\\CEN-SMS01\\PkgSrc$\\Updates\\${name.replace(/\W/g, '')}`,
  },
  downloadFrom: { kind: 'internet' },
  languages: ['English'],
  acknowledgeLegacy: false,
  saveAsTemplate: null,
  by: smsadmin,
});

const activeEnglish = (site: SiteState, match: (title: string, bulletin: string) => boolean) =>
  site.softwareUpdates
    .filter((u) => !u.legacy && !u.expired && u.language === 'English' && match(u.title, u.bulletinId))
    .map((u) => u.id);

/**
 * What a trainee does for each walkthrough, as operations (the console's actions make the same ones): applied to the
 * walkthrough's stage, they must complete every step that the site completes.
 */
const SOLUTIONS: Record<string, StageStep[]> = {
  'tour-the-upgrade': [],
  'run-the-upgrade': [step({ type: 'run-setup', runBy: smsadmin, catalogSource: 'internet' })],
  'bring-updates-back': [
    step(SUP),
    step(SYNC),
    wait,
    step({ type: 'install-site-server-update', articleId: KB954474, by: smsadmin }),
    step({ type: 'run-advertisement', advertisementId: ITMU_SYNC_ADVERTISEMENT_ID, by: smsadmin }),
    wait,
  ],
  'clean-up-legacy-updates': [
    step({ type: 'run-legacy-cleanup-script', by: smsadmin }),
    {
      operationFor: (site) => ({
        type: 'delete-sms2003-advertisement',
        advertisementId: must(
          site.sms2003Advertisements.find((a) => a.name === CONTOSO.distributions.securityUpdates200801),
          'Security Updates 2008-01',
        ).id,
        by: smsadmin,
      }),
    },
  ],
  'deploy-to-sms-2003-clients': [
    step(templateOperation(CONTOSO.templates.workstationsSms2003, smsadmin, true)),
    {
      operationFor: (site) =>
        deployment(
          'MS08-067',
          activeEnglish(site, (_title, bulletin) => bulletin === 'MS08-067'),
          must(site.deploymentTemplates[0], 'template').id,
          true,
        ),
    },
    {
      operationFor: (site) =>
        deployment(
          'KB890830',
          activeEnglish(site, (title) => title === CONTOSO.notDeployableToSms2003[0]),
          null,
          false,
        ),
    },
  ],
  'delegate-after-the-upgrade': [
    step({
      type: 'grant-rights',
      by: smsadmin,
      account: patchadmin,
      objectType: 'DeploymentTemplate',
      instanceIds: null,
      rights: ['Read', 'Create'],
    }),
    step(templateOperation('Patch Tuesday - Pilot', patchadmin, false)),
  ],
  'republish-custom-updates': [step(SUP), step({ type: 'republish-custom-catalog', by: smsadmin }), step(SYNC), wait],
};

const stageOf = (walkthrough: Walkthrough) => buildWorld(walkthrough.stage, DEFAULT_SEED, DEFAULT_SCALE);
const solved = (walkthrough: Walkthrough) =>
  currentView(
    runSteps(stageOf(walkthrough), must(SOLUTIONS[walkthrough.id], 'solution'), DEFAULT_SCALE),
    DEFAULT_SCALE,
  );
/** Every step completed by opening a node, opened by the administrator it is done as. */
const everyViewed = (walkthrough: Walkthrough): ProgressByAccount => {
  const progress: Record<string, WalkthroughProgress> = {};
  for (const s of walkthrough.steps.filter((candidate) => completesByViewing(candidate.done))) {
    const mine = progress[s.as] ?? { startedAt: null, viewedStepIds: [] };
    progress[s.as] = { ...mine, viewedStepIds: [...mine.viewedStepIds, s.id] };
  }
  return progress;
};
const NONE: ProgressByAccount = {};

describe('the walkthroughs', () => {
  it('are at least the seven of issue 11, with unique IDs and step IDs', () => {
    expect(WALKTHROUGHS.map((w) => w.id)).toEqual([
      'tour-the-upgrade',
      'run-the-upgrade',
      'bring-updates-back',
      'clean-up-legacy-updates',
      'deploy-to-sms-2003-clients',
      'delegate-after-the-upgrade',
      'republish-custom-updates',
    ]);
    for (const walkthrough of WALKTHROUGHS) {
      const ids = walkthrough.steps.map((s) => s.id);
      expect(new Set(ids).size, walkthrough.id).toBe(ids.length);
      expect(walkthroughById(walkthrough.id)).toBe(walkthrough);
    }
  });

  it('cite the planning topic in almost every step, by a section it has', () => {
    const steps = WALKTHROUGHS.flatMap((w) => w.steps);
    const cited = steps.filter((s) => s.planningSection !== null);
    expect(cited.length).toBeGreaterThanOrEqual(steps.length - 1);
    for (const s of cited) expect(PLANNING_SECTIONS).toContain(s.planningSection);
  });

  it.each(WALKTHROUGHS.map((w) => [w.id, w] as const))(
    '%s points at nodes its administrators can find in the console tree, at the stage where the step happens',
    (_id, walkthrough) => {
      const start = currentView(stageOf(walkthrough), DEFAULT_SCALE);
      const end = solved(walkthrough);
      for (const s of walkthrough.steps) {
        const everything = {
          updates: [],
          searchFolders: [],
          updateLists: [],
          deployments: [],
          collections: [],
          deploymentPackages: [],
          sms2003Advertisements: [],
        };
        const inTree = (site: SiteState) => findNode(buildConsoleTree(site, everything), s.target.nodeId) !== undefined;
        expect(inTree(start) || inTree(end), `${walkthrough.id}/${s.id}: ${s.target.nodeId}`).toBe(true);
        expect(s.target.place.split(' > ').at(-1)).toBeTruthy();
      }
    },
  );

  it.each(WALKTHROUGHS.map((w) => [w.id, w] as const))(
    '%s: no step is complete when it starts; what its steps say to do completes each of them',
    (_id, walkthrough) => {
      const start = currentView(stageOf(walkthrough), DEFAULT_SCALE);
      expect(walkthroughStatus(walkthrough, start, NONE).completedCount).toBe(0);
      expect(walkthroughStatus(walkthrough, start, NONE).currentStepId).toBe(walkthrough.steps[0]?.id);

      const end = solved(walkthrough);
      // Done but nothing opened: exactly the steps completed by opening a node are left.
      const notViewed = walkthroughStatus(walkthrough, end, NONE);
      expect(notViewed.steps.filter((s) => !s.complete).map((s) => s.id)).toEqual(
        walkthrough.steps.filter((s) => completesByViewing(s.done)).map((s) => s.id),
      );
      const status = walkthroughStatus(walkthrough, end, everyViewed(walkthrough));
      expect(status.complete).toBe(true);
      expect(status.currentStepId).toBeNull();
    },
  );

  it('the Synchronized stage is the "bringing updates back" path already taken; the Configured stage the LEGACY clean-up', () => {
    const synchronized = currentView(buildWorld('synchronized', DEFAULT_SEED, DEFAULT_SCALE), DEFAULT_SCALE);
    const back = must(walkthroughById('bring-updates-back'), 'walkthrough');
    expect(walkthroughStatus(back, synchronized, everyViewed(back)).complete).toBe(true);
    const configured = currentView(buildWorld('configured', DEFAULT_SEED, DEFAULT_SCALE), DEFAULT_SCALE);
    const cleanUp = must(walkthroughById('clean-up-legacy-updates'), 'walkthrough');
    // The script ran, but the migrated deployment Security Updates 2008-01 still holds its updates.
    expect(walkthroughStatus(cleanUp, configured, everyViewed(cleanUp)).currentStepId).toBe(
      'release-migrated-deployment',
    );
  });

  it('removing updates from the migrated deployment completes "let a migrated deployment go" as deleting it does', () => {
    const cleanUp = must(walkthroughById('clean-up-legacy-updates'), 'walkthrough');
    const world = runSteps(
      stageOf(cleanUp),
      [
        step({ type: 'run-legacy-cleanup-script', by: smsadmin }),
        {
          operationFor: (site) => {
            const ad = must(
              site.sms2003Advertisements.find((a) => a.name === CONTOSO.distributions.securityUpdates200801),
              'advertisement',
            );
            return {
              type: 'remove-updates-from-sms2003-advertisement',
              advertisementId: ad.id,
              updateIds: ad.updateIds.slice(0, 1),
              by: smsadmin,
            };
          },
        },
      ],
      DEFAULT_SCALE,
    );
    const status = walkthroughStatus(cleanUp, currentView(world, DEFAULT_SCALE), everyViewed(cleanUp));
    expect(status.complete).toBe(true);
  });

  it('the KB 954474 step of "bringing updates back" waits for the failure and for Status Messages to be opened', () => {
    const back = must(walkthroughById('bring-updates-back'), 'walkthrough');
    const viewedOnly = { [smsadmin]: { startedAt: null, viewedStepIds: ['itmu-failure'] } };
    const beforeFailure = currentView(runSteps(stageOf(back), [step(SUP), step(SYNC)], DEFAULT_SCALE), DEFAULT_SCALE);
    expect(walkthroughStatus(back, beforeFailure, viewedOnly).steps[2]?.complete).toBe(false);
    const failed = currentView(runSteps(stageOf(back), [step(SUP), step(SYNC), wait], DEFAULT_SCALE), DEFAULT_SCALE);
    expect(walkthroughStatus(back, failed, NONE).steps[2]?.complete).toBe(false);
    expect(walkthroughStatus(back, failed, viewedOnly).steps[2]?.complete).toBe(true);
    expect(walkthroughStatus(back, failed, viewedOnly).currentStepId).toBe('install-kb954474');
  });

  it('a step is recorded as viewed only when it completes by opening its own node', () => {
    const tour = must(walkthroughById('tour-the-upgrade'), 'walkthrough');
    const first = must(tour.steps[0], 'step');
    const viewed = recordStepViewed(tour, smsadmin, NOT_STARTED, first.id, first.target.nodeId);
    expect(viewed.viewedStepIds).toEqual([first.id]);
    expect(recordStepViewed(tour, smsadmin, viewed, first.id, first.target.nodeId)).toBe(viewed);
    expect(() =>
      recordStepViewed(tour, smsadmin, NOT_STARTED, first.id, 'software-updates/deployment-templates'),
    ).toThrow(RuleViolation);
    // Done as CONTOSO\smsadmin: patchadmin opening the node does not do it.
    expect(() => recordStepViewed(tour, patchadmin, NOT_STARTED, first.id, first.target.nodeId)).toThrow(
      /done connected as CONTOSO\\smsadmin/,
    );
    const back = must(walkthroughById('bring-updates-back'), 'walkthrough');
    const sup = must(back.steps[0], 'step');
    expect(() => recordStepViewed(back, smsadmin, NOT_STARTED, sup.id, sup.target.nodeId)).toThrow(
      /completed by the site/,
    );
    expect(() => recordStepViewed(back, smsadmin, NOT_STARTED, 'no-such-step', sup.target.nodeId)).toThrow(
      RuleViolation,
    );
  });
});
