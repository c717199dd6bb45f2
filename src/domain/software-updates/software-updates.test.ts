import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SoftwareUpdate } from '../model/software-update';
import { readableCollectionOfClient, RightsIndex } from '../rights/rights';
import { RuleViolation } from '../rule-violation';
import { CONTOSO } from '../scenario/contoso-names';
import { buildContosoStage, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import type { SiteState } from '../site-state';
import {
  clientComplianceRows,
  clientsInState,
  COMPLIANCE_STATES,
  countOf,
  readableClientIds,
  type ComplianceState,
} from './client-compliance';
import { applySoftwareUpdateOperation, maxRunTimeProblem, whyMaxRunTimeIsFixedHere } from './max-run-time';
import { articleUrl, bulletinUrl, sms2003Deployability } from './update-properties';

const SYNCHRONIZED = buildContosoStage('synchronized', DEFAULT_SEED, DEFAULT_SCALE);
const JUST_UPGRADED = buildContosoStage('just-upgraded', DEFAULT_SEED, DEFAULT_SCALE);
const AT = '2008-12-18T12:00:00Z';
const find = (state: SiteState, test: (update: SoftwareUpdate) => boolean) => {
  const update = state.softwareUpdates.find(test);
  if (!update) throw new Error('No such update');
  return update;
};
const XP_MS08_067 = find(
  SYNCHRONIZED,
  (u) => u.title === 'Security Update for Windows XP (KB958644)' && u.language === 'English',
);
const DRILLS = ['required', 'installed', 'not-required', 'unknown'] as const;

describe('per-client compliance, derived on demand from the counts', () => {
  it.each([
    ['Just upgraded', JUST_UPGRADED],
    ['Synchronized', SYNCHRONIZED],
  ] as const)('gives every update of the %s site exactly its counts, each client once', (_name, state) => {
    for (const update of state.softwareUpdates.slice(0, 200)) {
      const rows = clientComplianceRows(state, update);
      expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
      for (const drill of DRILLS) {
        expect(clientsInState(rows, drill).length, `${update.title} ${drill}`).toBe(countOf(update.compliance, drill));
      }
    }
  });

  it('is the same every time for the same seed, and differs between updates', () => {
    const once = clientComplianceRows(SYNCHRONIZED, XP_MS08_067).map((row) => `${row.id}:${row.state}`);
    const again = clientComplianceRows(SYNCHRONIZED, XP_MS08_067).map((row) => `${row.id}:${row.state}`);
    expect(again).toEqual(once);
  });

  it('puts a synchronized update on the clients it applies to: SMS 2003 clients report Unknown', () => {
    const rows = clientComplianceRows(SYNCHRONIZED, XP_MS08_067);
    const clients = new Map(SYNCHRONIZED.clients.map((client) => [client.id, client]));
    for (const row of clientsInState(rows, 'unknown')) expect(clients.get(row.id)?.clientType).toBe('SMS 2003');
    for (const row of clientsInState(rows, 'required')) {
      expect(clients.get(row.id)?.operatingSystem).toContain('Windows XP');
      expect(clients.get(row.id)?.clientType).toBe('Configuration Manager 2007');
    }
  });

  it('moves clients the way the counts move: a rollout turns the first Required clients Installed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: XP_MS08_067.compliance.required }), (moved) => {
        const after: SoftwareUpdate = {
          ...XP_MS08_067,
          compliance: {
            ...XP_MS08_067.compliance,
            required: XP_MS08_067.compliance.required - moved,
            installed: XP_MS08_067.compliance.installed + moved,
          },
        };
        const stateOf = (update: SoftwareUpdate) =>
          new Map(clientComplianceRows(SYNCHRONIZED, update).map((row) => [row.id, row.state]));
        const before = stateOf(XP_MS08_067);
        const now = stateOf(after);
        let changed = 0;
        for (const [id, state] of before) {
          const next = now.get(id) as ComplianceState;
          if (next === state) continue;
          changed += 1;
          expect([state, next]).toEqual(['required', 'installed']);
        }
        expect(changed).toBe(moved);
      }),
      { numRuns: 25 },
    );
  });

  it('lists the compliance states in the order of their bands', () => {
    expect(COMPLIANCE_STATES).toEqual(['installed', 'required', 'unknown', 'not-required']);
  });

  it('lets an administrator read the clients of the collections they may read, as readableCollectionOfClient does', () => {
    const { smsadmin, patchadmin, lonadmin, auditor } = CONTOSO.administrators;
    const rights = new RightsIndex(JUST_UPGRADED.grants);
    for (const account of [smsadmin, patchadmin, lonadmin, auditor]) {
      const readable = readableClientIds(rights, account, JUST_UPGRADED.collectionMembers);
      for (const client of JUST_UPGRADED.clients.filter((_client, index) => index % 7 === 0)) {
        const viaCollection = readableCollectionOfClient(rights, account, JUST_UPGRADED.collectionMembers, client.id);
        expect(readable.has(client.id), `${account} ${client.id}`).toBe(viaCollection !== null);
      }
    }
  });
});

describe('Maximum Run Time', () => {
  const operation = (maxRunTimeMinutes: number, updateId = XP_MS08_067.id) => ({
    type: 'set-software-update-max-run-time' as const,
    updateId,
    maxRunTimeMinutes,
    by: CONTOSO.administrators.smsadmin,
    at: AT,
  });

  it('changes only that update', () => {
    const next = applySoftwareUpdateOperation(SYNCHRONIZED, operation(60));
    expect(next.softwareUpdates.find((u) => u.id === XP_MS08_067.id)?.maxRunTimeMinutes).toBe(60);
    const others = next.softwareUpdates.filter((u) => u.id !== XP_MS08_067.id);
    expect(
      others.every((u, index) => u === SYNCHRONIZED.softwareUpdates.filter((o) => o.id !== XP_MS08_067.id)[index]),
    ).toBe(true);
  });

  it.each([
    ['4', false],
    ['5', true],
    ['9999', true],
    ['10000', false],
    ['12.5', false],
    ['', false],
    ['ten', false],
  ])('"%s" is a maximum run time: %s', (text, valid) => {
    expect(maxRunTimeProblem(text) === null).toBe(valid);
  });

  it('"is only editable on the site that synchronizes with Microsoft Update (usually the central site)"', () => {
    expect(whyMaxRunTimeIsFixedHere(SYNCHRONIZED)).toBeNull();
    const child: SiteState = {
      ...SYNCHRONIZED,
      sites: [...SYNCHRONIZED.sites].reverse(),
    };
    expect(whyMaxRunTimeIsFixedHere(child)).toMatch(/only at the central site/);
    expect(() => applySoftwareUpdateOperation(child, operation(60))).toThrow(RuleViolation);
    expect(() => applySoftwareUpdateOperation(null, operation(60))).toThrow(/SMS 2003/);
    expect(() => applySoftwareUpdateOperation(SYNCHRONIZED, operation(60, 'none'))).toThrow(/no software update/);
  });
});

describe('the General and SMS 2003 tabs', () => {
  it('link the article and the bulletin at the addresses of 2008', () => {
    expect(articleUrl('958644')).toBe('http://support.microsoft.com/kb/958644');
    expect(articleUrl('CTS-2008-014')).toBeNull();
    expect(bulletinUrl('MS08-067')).toBe('http://www.microsoft.com/technet/security/bulletin/ms08-067.mspx');
    expect(bulletinUrl('')).toBeNull();
  });

  it.each([
    [
      'Windows Malicious Software Removal Tool - December 2008 (KB890830)',
      /^No: Microsoft does not publish it in the ITMU catalog/,
    ],
    ['Security Update for Windows XP (KB958644)', /^Yes: the ITMU catalog/],
  ])('says why %s is or is not Deployable to SMS 2003', (title, reason) => {
    const update = find(SYNCHRONIZED, (u) => u.title === title && u.language === 'English');
    expect(sms2003Deployability(update, SYNCHRONIZED).reason).toMatch(reason);
  });

  it('says an update of another scan tool can never be deployed to SMS 2003 clients', () => {
    const update = find(JUST_UPGRADED, (u) => u.sourceCatalog === 'Office Inventory Tool');
    expect(sms2003Deployability(update, JUST_UPGRADED)).toMatchObject({ deployable: false });
  });
});
