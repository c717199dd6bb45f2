import type { Severity } from '../model/software-update';
import { BULLETINS_TSV } from './bulletins-data';

export interface Bulletin {
  id: string;
  kb: string;
  released: string;
  outOfBand: boolean;
  maxSeverity: Severity;
  title: string;
  affectedSoftware: string;
}

const SEVERITY_WORDS: Record<string, Severity> = {
  Critical: 'Critical',
  Important: 'Important',
  Moderate: 'Moderate',
  Low: 'Low',
};

export function parseBulletins(tsv: string): Bulletin[] {
  const [header, ...lines] = tsv.trim().split('\n');
  const expected = 'bulletin\tkb\treleased\tout_of_band\tmax_severity\ttitle\taffected_software';
  if (header !== expected) throw new Error(`Unexpected bulletin table header: ${header}`);
  return lines.map((line, index) => {
    const cells = line.split('\t');
    if (cells.length !== 7) throw new Error(`Bulletin table line ${index + 2} has ${cells.length} cells, not 7`);
    const [id, kb, released, outOfBand, severity, title, affectedSoftware] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const maxSeverity = SEVERITY_WORDS[severity];
    if (!maxSeverity) throw new Error(`Bulletin ${id} has an unknown severity ${severity}`);
    return { id, kb, released, outOfBand: outOfBand === 'yes', maxSeverity, title, affectedSoftware };
  });
}

export const BULLETINS: readonly Bulletin[] = parseBulletins(BULLETINS_TSV);

export function bulletinById(id: string): Bulletin {
  const bulletin = BULLETINS.find((candidate) => candidate.id === id);
  if (!bulletin) throw new Error(`No bulletin ${id} in the reference list`);
  return bulletin;
}
