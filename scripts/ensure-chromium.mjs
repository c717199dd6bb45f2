#!/usr/bin/env node
// Finds a Chromium for Playwright, installing Debian's `chromium` package when none is found and we run as root.
// Playwright cannot download its own browser on these machines (no network but the package registries), so the
// tests drive the system Chromium; playwright.config.ts reads the path this script settles on.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const found = findChromium();
if (found) {
  console.log(`Chromium for the end-to-end tests: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasAptGet) {
  console.error(
    'No Chromium found for the end-to-end tests. Install one (on Debian: `sudo apt-get install -y chromium`) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.',
  );
  process.exit(1);
}

console.log("No Chromium found: installing Debian's chromium package with apt-get (about a minute)...");
try {
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
} catch {
  console.error('apt-get could not install chromium; see the messages above.');
  process.exit(1);
}
const installed = findChromium();
if (!installed || !existsSync(installed)) {
  console.error('apt-get finished but no chromium binary was found afterwards.');
  process.exit(1);
}
console.log(`Installed Chromium: ${installed}`);
