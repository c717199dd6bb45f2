// Where the system Chromium is: CHROMIUM_PATH first, then the usual binary names on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATE_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const name of CANDIDATE_NAMES) {
    const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const path = which.stdout.trim();
    if (which.status === 0 && path) return path;
  }
  return null;
}
