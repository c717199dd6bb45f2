#!/usr/bin/env node
// Where the time goes: a CPU profile (Chrome DevTools Protocol) of one cold start, the first Find Now and a scroll to
// the bottom at one scale, on an unminified production build, printed as the functions with the most time (inclusive:
// the function and what it calls; self: the function's own code). For digging into what `npm run bench` reports.
//
//   node scripts/bench/profile.mjs [--scale 50000] [--port 4177] [--top 25]
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { findChromium } from '../find-chromium.mjs';
import { installBenchHelpers } from './in-page.mjs';

const { values: options } = parseArgs({
  options: { scale: { type: 'string' }, port: { type: 'string' }, top: { type: 'string' } },
});
const scale = Number(options.scale ?? 50_000);
const port = Number(options.port ?? 4177);
const top = Number(options.top ?? 25);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Inclusive and self milliseconds per function (name, file, line) of a Profiler.Profile. */
function timeByFunction(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.split('/').pop() : '';
    return `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
  };
  const inclusive = new Map();
  const self = new Map();
  let total = 0;
  profile.samples.forEach((sample, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const leaf = byId.get(sample);
    if (!leaf || ['(idle)', '(program)', '(root)'].includes(leaf.callFrame.functionName)) return;
    total += ms;
    self.set(keyOf(leaf), (self.get(keyOf(leaf)) ?? 0) + ms);
    const seen = new Set();
    for (let id = sample; id !== undefined; id = parentOf.get(id)) {
      const key = keyOf(byId.get(id));
      if (seen.has(key) || key.startsWith('(root)')) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { total, inclusive: sorted(inclusive), self: sorted(self) };
}

function print(title, wallMs, profile) {
  const { total, inclusive, self } = timeByFunction(profile);
  console.log(`\n== ${title}: ${Math.round(wallMs)} ms in the page, ${Math.round(total)} ms of it running JavaScript`);
  console.log('   inclusive ms  function');
  for (const [key, ms] of inclusive) console.log(`   ${ms.toFixed(0).padStart(12)}  ${key}`);
  console.log('   self ms       function');
  for (const [key, ms] of self) console.log(`   ${ms.toFixed(0).padStart(12)}  ${key}`);
}

const outDir = await mkdtemp(path.join(os.tmpdir(), 'configmgr-profile-'));
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false } });
const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: 'localhost', port, strictPort: true },
});
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(installBenchHelpers);
  const page = await context.newPage();
  // A same-origin page first, so the navigation below stays in this renderer (and in this profiler session).
  await page.goto(`http://localhost:${port}/favicon.svg`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  const call = (name, argument) => page.evaluate(([n, a]) => globalThis.__bench[n](a), [name, argument ?? null]);
  const profiled = async (title, action) => {
    await cdp.send('Profiler.start');
    const wallMs = await action();
    const { profile } = await cdp.send('Profiler.stop');
    print(title, wallMs, profile);
  };

  console.log(
    `Profiling at ${scale.toLocaleString('en-US')} software updates (unminified build, Chromium ${browser.version()})`,
  );
  await profiled('Cold start to first rows', async () => {
    await page.goto(`http://localhost:${port}/?scale=${scale}`, { waitUntil: 'commit' });
    const startup = await call('startup');
    console.log(`   phases: ${JSON.stringify({ ...startup, scriptsLoaded: undefined })}`);
    return startup.rowsMs;
  });
  await profiled('Warm start to first rows', async () => {
    await page.reload({ waitUntil: 'commit' });
    return (await call('startup')).rowsMs;
  });
  await call('typeLookFor', 'KB941644');
  await profiled('First Find Now (KB941644)', async () => (await call('findNow')).ms);
  await call('clear');
  await profiled('Sort by Title', async () => (await call('sortBy', 'Title')).ms);
  await profiled('Properties', async () => call('openProperties'));
  await profiled('Scroll to bottom (at most 400 frames)', async () => (await call('scrollToBottom', 400)).durationMs);
  await context.close();
} finally {
  await browser.close();
  server.httpServer.close();
  await rm(outDir, { recursive: true, force: true });
}
