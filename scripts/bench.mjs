#!/usr/bin/env node
// `npm run bench`: builds the console, serves the production build, and drives headless Chromium through the Contoso
// scenario at 1,000, 10,000 and 50,000 software updates (`/?scale=N`: 20,000 clients and 500 distributions at the
// largest), a warm-up then five measured runs each. It prints one table of medians [min–max], the issue's targets at
// 50,000, and the same figures as one JSON line starting with "BENCH_JSON ".
//
//   npm run bench                                  every scale, 1 warm-up + 5 runs each (7 to 9 minutes on 2 cores
//                                                  today; most of it is the console's own slowness at 50,000)
//   npm run bench -- --scales 1000,10000 --runs 1  a quick look
//   npm run bench -- --smoke   (or BENCH_SMOKE=1)  1,000 updates, one run, no warm-up: checks that every figure is a
//                                                  number, asserts no time (for CI)
//   --port 4176 (or BENCH_PORT), --warmup 1
//   node scripts/bench/profile.mjs --scale 50000   where the time goes: a CPU profile of the same steps
//
// Every figure is taken in the page (scripts/bench/in-page.mjs): performance.now() around a DOM action until the
// frame that shows its result is painted; cold and warm start from the navigation's start (performance.timeOrigin).
// Each run is a fresh browser context (no service worker, no IndexedDB): cold start, then a reload in the same context
// (worker installed, site saved) for the warm start, then the interactions on that page. A warm-up does the starts and
// the node switches only.
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { measureBundle } from './bench/bundle.mjs';
import { installBenchHelpers } from './bench/in-page.mjs';
import { formatTable, MEASURES, summarize, targetsAt } from './bench/report.mjs';
import { findChromium } from './find-chromium.mjs';

const TARGET_SCALE = 50_000;
const UPDATE_REPOSITORY = 'software-updates/update-repository';
const DEPLOYMENT_MANAGEMENT = 'software-updates/deployment-management';
const SMS_2003_ADVERTISEMENTS = 'software-updates/deployment-management/sms-2003-advertisements';
const SOFTWARE_UPDATES = 'software-updates';
/** What is typed into Look for: a narrow search (one article) and a broad one. */
const SEARCHES = ['KB941644', 'Windows XP'];
/**
 * Scrolling top to bottom takes at most this many frames: one page per frame up to 400 pages (about 12,000 rows), larger
 * equal steps beyond (at 50,000 updates about 3.6 pages a frame: a fast drag of the scroll thumb). One page per frame
 * at 50,000 would take some 1,450 frames, 50 s a run, and the whole benchmark over its ten minutes.
 */
const MAX_SCROLL_FRAMES = 400;

const { values: options } = parseArgs({
  options: {
    scales: { type: 'string' },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    port: { type: 'string' },
    smoke: { type: 'boolean', default: false },
  },
});
const smoke = options.smoke || process.env.BENCH_SMOKE === '1';
const wholeNumber = (value, name, min, max) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    console.error(`bench: ${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    process.exit(2);
  }
  return number;
};
const scales = smoke
  ? [1000]
  : (options.scales ?? '1000,10000,50000').split(',').map((value) => wholeNumber(value.trim(), '--scales', 0, 50_000));
const runs = smoke ? 1 : wholeNumber(options.runs ?? '5', '--runs', 1, 50);
const warmups = smoke ? 0 : wholeNumber(options.warmup ?? '1', '--warmup', 0, 10);
const port = wholeNumber(options.port ?? process.env.BENCH_PORT ?? '4176', '--port', 1024, 65535);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startedAt = performance.now();
// Other work on the machine skews every figure: the load average is printed with them.
const loadAtStart = os.loadavg().map((value) => Math.round(value * 100) / 100);
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`[bench ${elapsed()}] ${message}`);

// Built apart from dist/, so a build or a preview of dist/ running meanwhile (npm start, the e2e suite) is untouched.
const outDir = await mkdtemp(path.join(os.tmpdir(), 'configmgr-bench-'));
log(`building the console into ${outDir}`);
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
const bundle = await measureBundle(outDir);
const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: 'localhost', port, strictPort: true },
});
const base = `http://localhost:${port}`;
const executablePath = findChromium();
if (!executablePath) {
  console.error('bench: no Chromium found (set CHROMIUM_PATH, or run `node scripts/ensure-chromium.mjs`)');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});

/** One run at a scale: a fresh profile's cold start, a warm start, then the interactions. Returns its figures. */
async function oneRun(scale, figures, { warmUp = false } = {}) {
  let phaseStart = performance.now();
  figures.phaseSeconds = {};
  const phaseDone = (name) => {
    figures.phaseSeconds[name] = Math.round((performance.now() - phaseStart) / 100) / 10;
    phaseStart = performance.now();
  };
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(installBenchHelpers);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const call = (name, argument) => page.evaluate(([n, a]) => globalThis.__bench[n](a), [name, argument ?? null]);
  try {
    // Cold start: a fresh profile, the site generated at this scale.
    await page.goto(`${base}/?scale=${scale}`, { waitUntil: 'commit' });
    const cold = await call('startup');
    const shown = await call('shownCount');
    if (scale >= 1000 && shown !== scale) {
      throw new Error(`Update Repository lists ${shown} updates, not ${scale}: ?scale= was not applied`);
    }
    Object.assign(figures, {
      coldStartTree: cold.treeMs,
      coldStart: cold.rowsMs,
      coldScriptsLoaded: cold.scriptsLoadedMs,
      coldFirstApiRequest: cold.firstApiRequestMs,
      coldFirstListAnswered: cold.firstListAnsweredMs,
      coldLongestTask: cold.longestTaskMs,
      coldLongTasksTotal: cold.longTasksMs,
      initialJsKB: initialJsOf(cold.scriptsLoadedByTree),
      jsBeforeRowsKB: initialJsOf(cold.scriptsLoaded),
      initialScripts: cold.scriptsLoadedByTree.map((pathname) => pathname.replace(/^\//, '')),
      totalJsKB: bundle.totalJsKB,
    });

    // Warm start: the same profile again (the worker is installed, the site saved).
    await page.reload({ waitUntil: 'commit' });
    const warm = await call('startup');
    figures.warmStartTree = warm.treeMs;
    figures.warmStart = warm.rowsMs;

    phaseDone('starts');
    // Node switches: clicks in the console tree, each node's rows painted.
    await call('expandNode', UPDATE_REPOSITORY);
    const folders = (await call('treeNodes')).filter(
      (node) =>
        node.id.startsWith(`${UPDATE_REPOSITORY}/`) &&
        node.id.split('/').length === UPDATE_REPOSITORY.split('/').length + 1,
    );
    const classification =
      folders.find((node) => node.id.endsWith('/security-updates')) ?? folders.find((node) => node.expanded !== null);
    if (!classification) throw new Error('Update Repository has no classification folder');
    figures.nodeSwitchClassification = await call('clickNode', classification.id);
    figures.nodeSwitchDeploymentManagement = await call('clickNode', DEPLOYMENT_MANAGEMENT);
    await call('expandNode', DEPLOYMENT_MANAGEMENT);
    figures.nodeSwitchSms2003Advertisements = await call('clickNode', SMS_2003_ADVERTISEMENTS);
    figures.nodeSwitchBack = await call('clickNode', UPDATE_REPOSITORY);
    figures.nodeSwitch = [
      figures.nodeSwitchClassification,
      figures.nodeSwitchDeploymentManagement,
      figures.nodeSwitchSms2003Advertisements,
      figures.nodeSwitchBack,
    ];
    // A warm-up warms the server, the browser and the caches of the host; the rest of a run would only cost minutes.
    if (warmUp) return;

    phaseDone('nodeSwitches');
    // Look for (each keystroke), Find Now, Clear: the first search since the console started, then another.
    figures.keystroke = [];
    figures.clear = [];
    figures.found = {};
    for (const [index, term] of SEARCHES.entries()) {
      const typed = await call('typeLookFor', term);
      figures.keystroke.push(...typed.times);
      figures.filtersPerKeystroke = typed.filtersPerKeystroke;
      const found = await call('findNow');
      figures[index === 0 ? 'findNowFirst' : 'findNowNext'] = found.ms;
      figures.found[term] = found.found;
      figures.clear.push(await call('clear'));
    }

    phaseDone('search');
    // Sorting by a column (the server sorts every row), then Properties of the first row.
    figures.sortTitle = (await call('sortBy', 'Title')).ms;
    figures.sortRequired = (await call('sortBy', 'Required')).ms;
    figures.properties = await call('openProperties');

    phaseDone('sortAndProperties');
    // Scrolling Update Repository from top to bottom.
    const scroll = await call('scrollToBottom', MAX_SCROLL_FRAMES);
    figures.scrollLongestFrame = scroll.longestFrameMs;
    figures.scrollLongTasks = scroll.longTasks;
    figures.scrollDuration = scroll.durationMs;
    figures.scroll = scroll;

    phaseDone('scroll');
    // JS heap after visiting every node (not each collection's, and ten of each kind of object node: see visitEveryNode).
    figures.nodesVisited = await visitEveryNode(call);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    figures.heapMB = heap.usedSize / 1e6;
    phaseDone('visitEveryNode');
    if (pageErrors.length > 0) throw new Error(`the page reported errors: ${pageErrors.join('; ')}`);
  } catch (error) {
    // Say what the page showed and reported: a console that failed to start says why on its page.
    const shown = await page
      .evaluate(() => globalThis.document.body.innerText.replace(/\s+/g, ' ').slice(0, 300))
      .catch(() => '?');
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `${message} (the page shows: "${shown}"${pageErrors.length > 0 ? `; page errors: ${pageErrors.join('; ')}` : ''})`,
    );
  } finally {
    await context.close();
  }
}

/**
 * How many of one object type's nodes are visited (at 50,000 updates Deployment Management and SMS 2003
 * Advertisements hold 500 nodes each, all drawn by the same view; visiting every one would take a minute a run).
 */
const NODES_PER_KIND = 10;

/**
 * Expands every node except the collections, then clicks each one and waits for its rows: every node of the tree but
 * each collection's, and of the object nodes under one parent (deployments, advertisements, packages, update lists)
 * the first NODES_PER_KIND with their children. Returns how many.
 */
async function visitEveryNode(call) {
  const isObjectParent = (id) =>
    [
      DEPLOYMENT_MANAGEMENT,
      SMS_2003_ADVERTISEMENTS,
      'software-updates/deployment-packages',
      'software-updates/update-lists',
    ].includes(id);
  const kept = new Set();
  const skip = (node) => {
    if (node.id.startsWith('collections/')) return true;
    const parts = node.id.split('/');
    for (let length = parts.length - 1; length > 0; length--) {
      const parent = parts.slice(0, length).join('/');
      if (!isObjectParent(parent)) continue;
      const objectNode = parts.slice(0, length + 1).join('/');
      // SMS 2003 Advertisements sits among the deployments but is a node of the product, always visited.
      if (objectNode === SMS_2003_ADVERTISEMENTS) continue;
      if (!kept.has(objectNode) && [...kept].filter((id) => id.startsWith(`${parent}/`)).length >= NODES_PER_KIND) {
        return true;
      }
      kept.add(objectNode);
    }
    return false;
  };
  for (;;) {
    const closed = (await call('treeNodes')).find(
      (node) => node.expanded === 'false' && node.id !== 'collections' && !skip(node),
    );
    if (!closed) break;
    await call('expandNode', closed.id);
  }
  const nodes = (await call('treeNodes')).filter((node) => !skip(node));
  for (const node of nodes) await call('clickNode', node.id);
  // Back to where a visitor starts.
  await call('clickNode', nodes.some((node) => node.id === UPDATE_REPOSITORY) ? UPDATE_REPOSITORY : SOFTWARE_UPDATES);
  return nodes.length;
}

/**
 * Gzip kB of the scripts the page had loaded (by the tree, or by the first rows), the mock backend left out (its entry chunk and the
 * files only it imports: the bundler splits the backend into several files).
 */
function initialJsOf(scriptPaths) {
  const loaded = new Set(scriptPaths.map((pathname) => pathname.replace(/^\//, '')));
  return (
    bundle.files
      .filter((file) => loaded.has(file.file) && !file.mockBackend && !file.mockBackendPart)
      .reduce((sum, file) => sum + file.gzip, 0) / 1000
  );
}

const round = (value) => (Number.isFinite(value) ? Math.round(value * 10) / 10 : value);
const results = {};
const details = {};
const failures = [];
try {
  log(
    `Chromium ${browser.version()} (${executablePath}), ${os.cpus().length} cores, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; scales ${scales.join(', ')}; ${warmups} warm-up + ${runs} runs each`,
  );
  for (const scale of scales) {
    const samples = Object.fromEntries(MEASURES.map((measure) => [measure.key, []]));
    details[scale] = { runs: [] };
    for (let run = -warmups + 1; run <= runs; run++) {
      const name = run <= 0 ? 'warm-up' : `run ${run}/${runs}`;
      const runStarted = performance.now();
      // Filled as the run goes: a run that fails keeps the figures it took before it failed.
      const figures = {};
      try {
        await oneRun(scale, figures, { warmUp: run <= 0 });
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        failures.push(`${scale} updates, ${name}: ${message}`);
        log(`${scale} updates, ${name}: FAILED: ${message}`);
      }
      const seconds = ((performance.now() - runStarted) / 1000).toFixed(1);
      const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
      log(
        `${scale} updates, ${name} (${seconds} s): cold ${ms(figures.coldStart)}, warm ${ms(figures.warmStart)}, ` +
          `node switches ${(figures.nodeSwitch ?? []).map(ms).join(' / ')}, ` +
          `Find Now ${ms(figures.findNowFirst)} / ${ms(figures.findNowNext)}, sort ${ms(figures.sortTitle)}, ` +
          `properties ${ms(figures.properties)}, scroll: longest frame ${ms(figures.scrollLongestFrame)} ` +
          `and ${figures.scrollLongTasks ?? '?'} long tasks in ${figures.scroll?.frames ?? '?'} frames, ` +
          `heap ${figures.heapMB?.toFixed(1) ?? '?'} MB after ${figures.nodesVisited ?? '?'} nodes; seconds per phase ` +
          JSON.stringify(figures.phaseSeconds).replace(/"/g, ''),
      );
      if (run <= 0) continue;
      for (const measure of MEASURES) {
        if (figures[measure.key] !== undefined) samples[measure.key].push(...[figures[measure.key]].flat());
      }
      details[scale].runs.push({
        seconds: Number(seconds),
        phaseSeconds: figures.phaseSeconds,
        found: figures.found,
        nodesVisited: figures.nodesVisited,
        scroll: figures.scroll && {
          frames: figures.scroll.frames,
          framesShowingLoading: figures.scroll.framesShowingLoading,
          stepPx: figures.scroll.stepPx,
          pagePx: figures.scroll.pagePx,
          longestTaskMs: figures.scroll.longestTaskMs,
        },
      });
      details[scale].filtersPerKeystroke ??= figures.filtersPerKeystroke;
      details[scale].initialScripts ??= figures.initialScripts;
    }
    results[scale] = Object.fromEntries(
      MEASURES.map((measure) => [measure.key, summarize(samples[measure.key].map((value) => value ?? NaN))]),
    );
  }
} finally {
  await browser.close();
  server.httpServer.close();
  await rm(outDir, { recursive: true, force: true });
}

const totalSeconds = (performance.now() - startedAt) / 1000;
const targetScale = scales.includes(TARGET_SCALE) ? TARGET_SCALE : Math.max(...scales);
const filtersPerKeystroke = Object.values(details).find(
  (detail) => detail.filtersPerKeystroke !== undefined,
)?.filtersPerKeystroke;
console.log('');
console.log(formatTable(results, scales, targetScale));
if (targetScale !== TARGET_SCALE) {
  console.log(
    `  (the targets are for 50,000 updates; this run's largest scale is ${targetScale.toLocaleString('en-US')})`,
  );
}
console.log('');
console.log(
  `Look for: ${filtersPerKeystroke ? 'the console filters the list on each keystroke' : 'the console filters only on Find Now (or Enter); a keystroke repaints the Look for box, not the rows'}.`,
);
const initialScripts = Object.values(details).find((detail) => detail.initialScripts)?.initialScripts ?? [];
console.log(
  `Initial JavaScript: the scripts the page had loaded when the console tree was interactive (painted with its items), the mock backend chunk ` +
    `(${bundle.mockBackendFile}, ${((bundle.files.find((file) => file.mockBackend)?.gzip ?? NaN) / 1000).toFixed(1)} kB) left out: ` +
    `${bundle.files
      .filter((file) => initialScripts.includes(file.file) && !file.mockBackend && !file.mockBackendPart)
      .map((file) => `${file.file} ${(file.gzip / 1000).toFixed(1)} kB`)
      .join(
        ', ',
      )} (the build manifest's entry, its imports and boot's dynamic imports: ${bundle.initialJsKB.toFixed(1)} kB). The rest of the window (results pane, bars, Actions pane) is asked for once the tree is painted: see "JavaScript before the first rows".`,
);
const scrollNotes = scales.map((scale) => {
  const scroll = details[scale]?.runs[0]?.scroll;
  return scroll
    ? `${scale.toLocaleString('en-US')}: ${scroll.frames} frames of ${scroll.stepPx} px (${(scroll.stepPx / scroll.pagePx).toFixed(1)} pages)`
    : `${scale}: n/a`;
});
console.log(
  `Scroll: top to bottom, one page per frame or at most ${MAX_SCROLL_FRAMES} frames (${scrollNotes.join('; ')}). ` +
    `Heap: Runtime.getHeapUsage after a forced GC, MB = 10^6 bytes.`,
);
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `load average ${loadAtStart.join(' ')} at the start and ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')} at the end; total ${totalSeconds.toFixed(0)} s.`,
);
if (failures.length > 0) console.log(`Failed runs:\n  ${failures.join('\n  ')}`);

const json = {
  schema: 1,
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg().map(round),
    node: process.version,
    chromium: browser.version(),
  },
  scales,
  runs,
  warmups,
  totalSeconds: round(totalSeconds),
  filtersPerKeystroke: filtersPerKeystroke ?? null,
  bundle: {
    initialJsKB: round(bundle.initialJsKB),
    totalJsKB: round(bundle.totalJsKB),
    mockBackendFile: bundle.mockBackendFile,
    files: bundle.files.map((file) => ({ ...file, gzipKB: round(file.gzip / 1000) })),
  },
  results: Object.fromEntries(
    scales.map((scale) => [
      scale,
      Object.fromEntries(
        MEASURES.map((measure) => {
          const summary = results[scale]?.[measure.key] ?? summarize([]);
          return [
            measure.key,
            { median: round(summary.median), min: round(summary.min), max: round(summary.max), n: summary.n },
          ];
        }),
      ),
    ]),
  ),
  runDetails: details,
  targets: {
    scale: targetScale,
    ...Object.fromEntries(
      Object.entries(targetsAt(results, targetScale)).map(([key, target]) => [
        key,
        { ...target, median: round(target.median) },
      ]),
    ),
  },
  failures,
};
console.log(`BENCH_JSON ${JSON.stringify(json)}`);

// Smoke (CI): every figure must be a number; no time is asserted.
const missing = scales.flatMap((scale) =>
  MEASURES.filter((measure) => !Number.isFinite(results[scale]?.[measure.key]?.median)).map(
    (measure) => `${measure.key} at ${scale}`,
  ),
);
if (missing.length > 0) {
  console.error(`bench: no figure for ${missing.join(', ')}`);
  process.exit(1);
}
if (smoke) console.log('bench smoke: every figure is a number (no time is asserted).');
process.exit(0);
