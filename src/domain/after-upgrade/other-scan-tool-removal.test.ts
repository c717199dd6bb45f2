import { describe, expect, it } from 'vitest';
import { currentView } from '../operations/operations';
import { CONTOSO } from '../scenario/contoso-names';
import { buildWorld, DEFAULT_SEED } from '../scenario/contoso-stage';
import { DEFAULT_SCALE } from '../scenario/scale';
import { addMinutes } from '../site-clock/site-clock';
import type { SiteState } from '../site-state';
import { isOtherScanToolUpdate } from './catalog-rules';
import { deleteSms2003Advertisement, removeUpdatesFromSms2003Advertisement } from './legacy-cleanup';
import { removeOtherScanToolUpdates } from './other-scan-tool-removal';

const scale = DEFAULT_SCALE;
const T0 = CONTOSO.clockStart;
const smsadmin = 'CONTOSO\\smsadmin';

/** The Just upgraded site, with one other scan tool's update put in the first migrated deployment. */
function siteWithHeldOtherScanToolUpdate(): { state: SiteState; heldId: string; advertisementId: string } {
  const state = currentView(buildWorld('just-upgraded', DEFAULT_SEED, scale), scale);
  const other = state.softwareUpdates.find(isOtherScanToolUpdate);
  const advertisement = state.sms2003Advertisements[0];
  if (!other || !advertisement) throw new Error('the scenario has other scan tool updates and migrated deployments');
  return {
    heldId: other.id,
    advertisementId: advertisement.id,
    state: {
      ...state,
      sms2003Advertisements: state.sms2003Advertisements.map((ad) =>
        ad.id === advertisement.id ? { ...ad, updateIds: [...ad.updateIds, other.id] } : ad,
      ),
    },
  };
}

const otherScanToolIds = (state: SiteState) => state.softwareUpdates.filter(isOtherScanToolUpdate).map((u) => u.id);

describe("other scan tools' updates held by a migrated deployment when the retention period ends", () => {
  const { state, heldId, advertisementId } = siteWithHeldOtherScanToolUpdate();
  const removedAt = addMinutes(T0, 60);
  const afterRemoval = removeOtherScanToolUpdates(state, removedAt);

  it('stay while the deployment holds them; the others leave', () => {
    expect(otherScanToolIds(afterRemoval)).toEqual([heldId]);
    expect(afterRemoval.facts.otherScanToolUpdatesRemovedAt).toBe(removedAt);
  });

  it('leave when the deployment is deleted', () => {
    const deleted = deleteSms2003Advertisement(afterRemoval, advertisementId, smsadmin, addMinutes(T0, 90));
    expect(otherScanToolIds(deleted)).toEqual([]);
    // The removal keeps its first time; a status message says what left now.
    expect(deleted.facts.otherScanToolUpdatesRemovedAt).toBe(removedAt);
    expect(deleted.statusMessages.at(-1)?.description).toMatch(/^Removed 1 expired software updates/);
  });

  it('leave when they are removed from the deployment', () => {
    const removed = removeUpdatesFromSms2003Advertisement(afterRemoval, advertisementId, [heldId], smsadmin, removedAt);
    expect(otherScanToolIds(removed)).toEqual([]);
  });

  it('before the retention period ends, releasing them removes nothing', () => {
    const deleted = deleteSms2003Advertisement(state, advertisementId, smsadmin, removedAt);
    expect(otherScanToolIds(deleted)).toEqual(otherScanToolIds(state));
  });
});
