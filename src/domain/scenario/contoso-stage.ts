import { CONTOSO, type StageId } from './contoso-names';
import { generateContosoSms2003Site } from './generate-sms2003-site';
import type { Scale } from './scale';
import type { SiteState } from '../site-state';
import { upgradeSite } from '../upgrade/upgrade-site';

/** The seed of the built-in Contoso site. Any other seed gives another site with the same named objects. */
export const DEFAULT_SEED = 2008;

/** The stages this build of the console can produce; the rest are described in scenario-contoso.md. */
export const BUILDABLE_STAGES: readonly StageId[] = ['just-upgraded'];

export function isBuildableStage(stage: StageId): boolean {
  return BUILDABLE_STAGES.includes(stage);
}

/**
 * The Contoso site at the start of a stage. "Just upgraded" is the Before upgrade site upgraded by CONTOSO\smsadmin
 * with Setup's default choices, so every migrated object is exactly what the upgrade makes of it.
 */
export function buildContosoStage(stage: StageId, seed: number, scale: Scale): SiteState {
  if (stage !== 'just-upgraded') throw new Error(`The ${stage} stage cannot be built yet`);
  const sms2003 = generateContosoSms2003Site(seed, scale);
  return upgradeSite(
    sms2003,
    {
      runBy: CONTOSO.administrators.smsadmin,
      catalogSource: 'internet',
      startedAt: '2008-12-18T06:30:00Z',
      siteCode: CONTOSO.sites.central.code,
    },
    scale,
  );
}
