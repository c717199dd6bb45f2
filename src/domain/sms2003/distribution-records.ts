import type { Package, Sms2003Advertisement } from '../model/site-objects';
import type { Sms2003Distribution, Sms2003ScanToolPackage } from './sms2003-site';

/**
 * SMS 2003 distributions and scan tool packages as console objects. The Before upgrade view and the upgrade build
 * them the same way; only the note on what the upgrade did differs.
 */
export function advertisementRecord(
  distribution: Sms2003Distribution,
  collectionName: string,
  updateIds: string[],
): Sms2003Advertisement {
  return {
    id: distribution.advertisementId,
    name: distribution.name,
    packageId: distribution.packageId,
    packageName: distribution.name,
    programName: distribution.programName,
    collectionId: distribution.collectionId,
    collectionName,
    createdAtSite: distribution.advertisementCreatedAt,
    availableAfter: distribution.availableAfter,
    mandatory: distribution.mandatory,
    updateIds,
  };
}

export function distributionPackageRecord(
  distribution: Sms2003Distribution,
  updateIds: string[],
  migrationNote: string,
): Package {
  return {
    id: distribution.packageId,
    name: distribution.name,
    manufacturer: 'Microsoft',
    version: '',
    programName: distribution.programName,
    sourcePath: distribution.sourcePath,
    sourceValid: distribution.sourceValid,
    contentStatus: distribution.sourceValid
      ? 'Content valid on the distribution points.'
      : `Source validation failed: ${distribution.sourcePath} does not exist. The content is invalid until it is downloaded again from a valid source.`,
    createdAtSite: distribution.packageCreatedAt,
    purpose: 'Software update distribution',
    updateIds,
    migrationNote,
  };
}

export function scanToolPackageRecord(scanToolPackage: Sms2003ScanToolPackage, migrationNote: string): Package {
  return {
    id: scanToolPackage.packageId,
    name: scanToolPackage.name,
    manufacturer: 'Microsoft',
    version: '',
    programName: scanToolPackage.programName,
    sourcePath: scanToolPackage.sourcePath,
    sourceValid: true,
    contentStatus: 'Content valid on the distribution points.',
    createdAtSite: scanToolPackage.createdAt,
    purpose: 'Scan tool',
    updateIds: [],
    migrationNote,
  };
}
