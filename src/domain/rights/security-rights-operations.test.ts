import { describe, expect, it } from 'vitest';
import { whyCannotCreateDeploymentTemplate } from '../deployments/deployment-rights';
import { applyOperation, currentView, operationSchema, type Operation } from '../operations/operations';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { buildContosoStage, buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import { canOpenNodeOfType, RightsIndex, type ObjectType, type Right } from './rights';
import { securityRightRowId, securityRightRows } from './security-rights';
import {
  grantRights,
  reviewRightsRequest,
  revokeRights,
  rightsRequestRefusal,
  whyCannotGrant,
  whyCannotRevoke,
  type RightsRequest,
} from './security-rights-operations';

/**
 * Granting and revoking rights after the upgrade. The planning topic: "the user who ran the upgrade has access to all
 * of the software updates objects ... users who had full rights to all SMS 2003 software updates objects will have
 * full rights to the same objects in Configuration Manager 2007 but will not have any rights to new object types such
 * as deployment templates" (until an administrator grants them).
 */

const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
const justUpgraded = buildContosoStage('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
const configured = buildContosoStage('configured', DEFAULT_SEED, DEFAULT_SCALE);
const legacyUpdate = justUpgraded.softwareUpdates.find((update) => update.legacy);
const newUpdate = configured.softwareUpdates.find((update) => !update.legacy && !update.existedBeforeUpgrade);
if (!legacyUpdate || !newUpdate) throw new Error('The Contoso site has LEGACY and new software updates');

type Request = Omit<RightsRequest, 'instanceIds' | 'rights'> & {
  by: string;
  instanceIds: string[] | null;
  rights: Right[];
};
const request = (
  by: string,
  account: string,
  objectType: ObjectType,
  instanceIds: string[] | null,
  rights: Right[],
): Request => ({ by, account, objectType, instanceIds, rights });

const grant = (state: SiteState, r: Request) => grantRights(state, { type: 'grant-rights', ...r });
const revoke = (state: SiteState, r: Request) => revokeRights(state, { type: 'revoke-rights', ...r });

/** The rule a grant or revoke is refused with (and that it changed nothing), or null when it is done. */
function refusedRule(change: () => SiteState): string | null {
  try {
    change();
    return null;
  } catch (error) {
    if (error instanceof RuleViolation) return error.rule;
    throw error;
  }
}

describe('granting rights', () => {
  it('CONTOSO\\smsadmin grants CONTOSO\\patchadmin Read and Create on Deployment Templates: the node opens and templates can be made', () => {
    const before = new RightsIndex(justUpgraded.grants);
    expect(canOpenNodeOfType(before, patchadmin, 'DeploymentTemplate')).toBe(false);
    expect(whyCannotCreateDeploymentTemplate(before, patchadmin)).toBe(
      'CONTOSO\\patchadmin has no Create right on Deployment Templates',
    );
    const after = grant(justUpgraded, request(smsadmin, patchadmin, 'DeploymentTemplate', null, ['Create', 'Read']));
    const index = new RightsIndex(after.grants);
    expect(canOpenNodeOfType(index, patchadmin, 'DeploymentTemplate')).toBe(true);
    expect(whyCannotCreateDeploymentTemplate(index, patchadmin)).toBeNull();
    expect(after.grants.at(-1)).toEqual({
      account: patchadmin,
      objectType: 'DeploymentTemplate',
      instanceIds: null,
      rights: ['Read', 'Create'],
    });
    // The Security Rights node shows it as a class row.
    expect(securityRightRows(after).find((row) => row.id === `${patchadmin}:DeploymentTemplate:class`)).toMatchObject({
      scope: 'Class',
      className: 'Deployment Templates',
      rights: ['Read', 'Create'],
    });
    expect(justUpgraded.grants).not.toBe(after.grants);
  });

  it('is a log entry: replaying the log gives the same rights', () => {
    const operation = operationSchema.parse({
      type: 'grant-rights',
      by: smsadmin,
      account: auditor,
      objectType: 'Deployment',
      instanceIds: null,
      rights: ['Read'],
    }) as Operation;
    const replayed = currentView(buildWorld('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE, [operation]), DEFAULT_SCALE);
    expect(new RightsIndex(replayed.grants).hasClassRight(auditor, 'Deployment', 'Read')).toBe(true);
  });

  it('is refused before the upgrade: the SMS 2003 site is read-only in this console', () => {
    const world = buildWorld('before-upgrade', DEFAULT_SEED, DEFAULT_SCALE);
    const operation: Operation = {
      type: 'grant-rights',
      ...request(smsadmin, patchadmin, 'Collection', null, ['Modify']),
    };
    expect(() => applyOperation(world, operation, DEFAULT_SCALE)).toThrow(/still runs SMS 2003 SP3/);
  });

  // [who grants, to whom, type, instances, rights, the rule that refuses it or null, the reason]
  const cases: Array<[string, Request, string | null, string | RegExp | null]> = [
    [
      'an administrator without Administer or Delegate on the class',
      request(patchadmin, auditor, 'DeploymentTemplate', null, ['Read']),
      'no-right-to-grant',
      'CONTOSO\\patchadmin has no Administer or Delegate right on Deployment Templates',
    ],
    [
      'an administrator with only Read on the site',
      request(lonadmin, lonadmin, 'Site', ['CEN'], ['Modify']),
      'no-right-to-grant',
      'CONTOSO\\lonadmin has no Administer or Delegate right on site CEN',
    ],
    [
      'CONTOSO\\patchadmin, on a LEGACY update (every instance right on it, Administer included)',
      request(patchadmin, auditor, 'SoftwareUpdate', [legacyUpdate.id], ['Modify']),
      null,
      null,
    ],
    [
      'a right the object type does not have',
      request(smsadmin, patchadmin, 'Site', null, ['Delete']),
      'right-not-applicable',
      'Sites have no Delete right: their rights are Read, Modify, Administer and Delegate.',
    ],
    [
      'no right at all',
      request(smsadmin, patchadmin, 'Collection', null, []),
      'no-rights-chosen',
      'Choose at least one right to grant.',
    ],
    [
      'to an account that is not an administrator of the site',
      request(smsadmin, 'CONTOSO\\intruder', 'Collection', null, ['Read']),
      'unknown-administrator',
      'CONTOSO\\intruder is not an administrator of site CEN.',
    ],
    [
      'on an object that does not exist',
      request(smsadmin, auditor, 'DeploymentTemplate', ['DT000099'], ['Read']),
      'unknown-object',
      'There is no deployment template DT000099.',
    ],
    [
      'on no object',
      request(smsadmin, auditor, 'Package', [], ['Read']),
      'no-objects-chosen',
      /^Choose at least one package/,
    ],
    [
      'what the account holds already',
      request(smsadmin, auditor, 'Collection', null, ['Read']),
      'rights-already-held',
      'CONTOSO\\auditor already holds Read on Collections (a class right): there is nothing to grant.',
    ],
    [
      'an instance right the account holds through its class right',
      request(smsadmin, patchadmin, 'Collection', ['CEN00011'], ['Read']),
      'rights-already-held',
      'CONTOSO\\patchadmin already holds Read on collection CEN00011: there is nothing to grant.',
    ],
  ];
  it.each(cases)('%s', (_, r, rule, reason) => {
    const index = new RightsIndex(justUpgraded.grants);
    const why = whyCannotGrant(index, r.by, r) ?? rightsRequestRefusal(justUpgraded, index, r.by, r, 'grant')?.message;
    expect(refusedRule(() => grant(justUpgraded, r))).toBe(rule);
    if (reason === null) expect(why).toBeUndefined();
    else expect(why).toMatch(reason);
  });

  it('lets a Delegate holder grant only the rights they hold', () => {
    // smsadmin makes auditor a delegate on collections (auditor already reads every collection).
    const delegated = grant(justUpgraded, request(smsadmin, auditor, 'Collection', null, ['Delegate']));
    const index = new RightsIndex(delegated.grants);
    expect(whyCannotGrant(index, auditor, request(auditor, lonadmin, 'Collection', null, ['Read']))).toBeNull();
    expect(whyCannotGrant(index, auditor, request(auditor, lonadmin, 'Collection', null, ['Read', 'Modify']))).toBe(
      'CONTOSO\\auditor has no Modify right on Collections: Delegate lets an administrator grant only the rights they hold',
    );
    const granted = grant(delegated, request(auditor, lonadmin, 'Collection', null, ['Read']));
    expect(new RightsIndex(granted.grants).hasRight(lonadmin, 'Collection', 'CEN00011', 'Read')).toBe(true);
    // Revoking follows the same rule.
    expect(whyCannotRevoke(index, auditor, request(auditor, patchadmin, 'Collection', null, ['Modify']))).toMatch(
      /has no Modify right on Collections: Delegate lets an administrator revoke only/,
    );
  });

  it('an instance right needs Administer or Delegate on each object named', () => {
    const index = new RightsIndex(configured.grants);
    const r = request(patchadmin, auditor, 'SoftwareUpdate', [legacyUpdate.id, newUpdate.id], ['Read']);
    expect(whyCannotGrant(index, patchadmin, r)).toBe(
      `CONTOSO\\patchadmin has no Administer or Delegate right on software update ${newUpdate.id}`,
    );
  });
});

describe('revoking rights', () => {
  const withTemplates = grant(
    justUpgraded,
    request(smsadmin, patchadmin, 'DeploymentTemplate', null, ['Read', 'Create']),
  );

  it('takes a class right back', () => {
    const after = revoke(withTemplates, request(smsadmin, patchadmin, 'DeploymentTemplate', null, ['Create']));
    const index = new RightsIndex(after.grants);
    expect(index.hasClassRight(patchadmin, 'DeploymentTemplate', 'Read')).toBe(true);
    expect(index.hasClassRight(patchadmin, 'DeploymentTemplate', 'Create')).toBe(false);
  });

  it('takes an instance right back on the objects named only', () => {
    const others = justUpgraded.softwareUpdates.filter((update) => update.legacy && update.id !== legacyUpdate.id);
    const after = revoke(justUpgraded, request(patchadmin, auditor, 'SoftwareUpdate', [legacyUpdate.id], ['Read']));
    const index = new RightsIndex(after.grants);
    expect(index.hasRight(auditor, 'SoftwareUpdate', legacyUpdate.id, 'Read')).toBe(false);
    expect(others.every((update) => index.hasRight(auditor, 'SoftwareUpdate', update.id, 'Read'))).toBe(true);
    expect(
      securityRightRows(after).some((row) => row.id === securityRightRowId(auditor, 'SoftwareUpdate', legacyUpdate.id)),
    ).toBe(false);
  });

  const cases: Array<[string, SiteState, Request, string | null, string | RegExp | null]> = [
    [
      'what was never granted',
      justUpgraded,
      request(smsadmin, patchadmin, 'DeploymentTemplate', null, ['Read']),
      'rights-not-granted',
      'CONTOSO\\patchadmin holds no Read right on Deployment Templates as a class right: there is nothing to revoke.',
    ],
    [
      'an instance right that comes with the class right',
      justUpgraded,
      request(smsadmin, auditor, 'Collection', ['CEN00011'], ['Read']),
      'rights-not-granted',
      'CONTOSO\\auditor holds no Read right on collection CEN00011 as an instance right: it comes with the class right on Collections: revoke it on the class instead.',
    ],
    [
      "CONTOSO\\smsadmin's rights on the site, by CONTOSO\\smsadmin",
      justUpgraded,
      request(smsadmin, smsadmin, 'Site', null, ['Modify']),
      'protected-right',
      /^CONTOSO\\smsadmin ran Setup on site CEN: nobody can revoke their rights on the site/,
    ],
    [
      "CONTOSO\\smsadmin's Administer right on a class",
      justUpgraded,
      request(smsadmin, smsadmin, 'DeploymentTemplate', null, ['Administer']),
      'protected-right',
      /keeps Administer on every class/,
    ],
    [
      "CONTOSO\\smsadmin's Modify right on deployment templates, by CONTOSO\\smsadmin",
      justUpgraded,
      request(smsadmin, smsadmin, 'DeploymentTemplate', null, ['Modify']),
      null,
      null,
    ],
    [
      'by an administrator without Administer or Delegate',
      withTemplates,
      request(patchadmin, patchadmin, 'DeploymentTemplate', null, ['Create']),
      'no-right-to-revoke',
      'CONTOSO\\patchadmin has no Administer or Delegate right on Deployment Templates',
    ],
  ];
  it.each(cases)('refuses %s', (_, state, r, rule, reason) => {
    const index = new RightsIndex(state.grants);
    const why = whyCannotRevoke(index, r.by, r) ?? rightsRequestRefusal(state, index, r.by, r, 'revoke')?.message;
    expect(refusedRule(() => revoke(state, r))).toBe(rule);
    if (reason === null) expect(why).toBeUndefined();
    else expect(why).toMatch(reason);
  });

  it("protects CONTOSO\\smsadmin's rights on the site from another administrator with Administer on it too", () => {
    const siteAdmin = grant(justUpgraded, request(smsadmin, patchadmin, 'Site', null, ['Administer']));
    expect(refusedRule(() => revoke(siteAdmin, request(patchadmin, smsadmin, 'Site', ['CEN'], ['Read'])))).toBe(
      'protected-right',
    );
    expect(refusedRule(() => revoke(siteAdmin, request(patchadmin, smsadmin, 'Site', null, ['Administer'])))).toBe(
      'protected-right',
    );
  });
});

describe('reviewRightsRequest: what the dialogs grey out', () => {
  it('says, right by right, what a Delegate holder may grant', () => {
    const delegated = grant(justUpgraded, request(smsadmin, auditor, 'Collection', null, ['Delegate']));
    const review = reviewRightsRequest(
      delegated,
      new RightsIndex(delegated.grants),
      auditor,
      { account: lonadmin, objectType: 'Collection', instanceIds: null, rights: [] },
      'grant',
    );
    expect(review.scopeWhyNot).toBeNull();
    expect(review.whyNot).toBe('Choose at least one right to grant.');
    expect(review.rights.filter((entry) => entry.whyNot === null).map((entry) => entry.right)).toEqual([
      'Read',
      'Delegate',
    ]);
    expect(review.rights.find((entry) => entry.right === 'Modify')?.whyNot).toMatch(
      /has no Modify right on Collections/,
    );
  });

  it('tells the scope once when nothing can be granted there', () => {
    const review = reviewRightsRequest(
      justUpgraded,
      new RightsIndex(justUpgraded.grants),
      auditor,
      { account: lonadmin, objectType: 'DeploymentTemplate', instanceIds: null, rights: ['Read'] },
      'grant',
    );
    expect(review.scopeWhyNot).toBe('CONTOSO\\auditor has no Administer or Delegate right on Deployment Templates');
    expect(review.whyNot).toBe(review.scopeWhyNot);
  });

  it('offers to revoke only what is granted', () => {
    const review = reviewRightsRequest(
      justUpgraded,
      new RightsIndex(justUpgraded.grants),
      smsadmin,
      { account: lonadmin, objectType: 'Package', instanceIds: ['CEN00003'], rights: [] },
      'revoke',
    );
    expect(review.rights.filter((entry) => entry.whyNot === null).map((entry) => entry.right)).toEqual([
      'Read',
      'Modify',
      'Distribute',
    ]);
  });
});
