#!/usr/bin/env node
/* global document, MutationObserver */
// What the console's initial JavaScript is made of: builds the console (vite build, with sourcemaps, into a temp
// directory), takes the initial chunks the way `npm run bench` counts them (scripts/bench/bundle.mjs) and, for each,
// lists its biggest modules. A module's share is read from the chunk's sourcemap (every minified byte is put down to
// the source its mapping segment names, the way source-map-explorer does); its gzip size is that share of the chunk's
// gzip size (an estimate: gzip does not split by module).
//
//   node scripts/bench/initial-js.mjs              the initial chunks, 12 modules each, and a summary by package
//   node scripts/bench/initial-js.mjs --top 30     more modules per chunk
//   node scripts/bench/initial-js.mjs --all        every chunk of the build, not only the initial ones
//   node scripts/bench/initial-js.mjs --json       one JSON line (BUNDLE_JSON ...) after the tables
//   node scripts/bench/initial-js.mjs --out DIR    build into DIR (kept) instead of a temp directory (removed)
//   node scripts/bench/initial-js.mjs --browser    then check it in Chromium: serves the build (vite preview, --port,
//                                                  4191 by default), opens / in a fresh profile and lists every script
//                                                  the page had fetched when the console tree showed its items (and
//                                                  those still in flight then), with the mock backend's set apart;
//                                                  --runs N more cold starts for the tree's and the first rows' times
//                                                  (and the scripts loaded before the rows, as `npm run bench` counts)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { findChromium } from '../find-chromium.mjs';
import { measureBundle } from './bundle.mjs';
import { installBenchHelpers } from './in-page.mjs';

const { values: options } = parseArgs({
  options: {
    top: { type: 'string', default: '12' },
    all: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    browser: { type: 'boolean', default: false },
    port: { type: 'string', default: '4191' },
    runs: { type: 'string', default: '1' },
  },
});
const top = Number(options.top);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = options.out ? path.resolve(options.out) : await mkdtemp(path.join(os.tmpdir(), 'configmgr-initial-js-'));

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/** The source-map "mappings" of one line: [generatedColumn, sourceIndex | -1] pairs, in column order. */
function decodeLine(line, state) {
  const segments = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const fields = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64_VALUE.get(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0];
    if (fields.length > 1) {
      state.source += fields[1];
      segments.push([column, state.source]);
    } else segments.push([column, -1]);
  }
  return segments;
}

/** Minified bytes of `code` put down to each source of `map` (bytes no segment names: "[unmapped]"). */
function bytesBySource(code, map) {
  const totals = new Map();
  const add = (name, count) => totals.set(name, (totals.get(name) ?? 0) + count);
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const state = { source: 0 };
  lines.forEach((line, index) => {
    const segments = decodeLine(mappingLines[index] ?? '', state);
    const length = Buffer.byteLength(line) + 1;
    if (segments.length === 0) return add('[unmapped]', length);
    if (segments[0][0] > 0) add('[unmapped]', Buffer.byteLength(line.slice(0, segments[0][0])));
    segments.forEach(([column, source], at) => {
      const end = at + 1 < segments.length ? segments[at + 1][0] : line.length + 1;
      const bytes = Buffer.byteLength(line.slice(column, end));
      add(source >= 0 ? (map.sources[source] ?? '[unmapped]') : '[unmapped]', bytes);
    });
  });
  return totals;
}

/** A source path, short: "zod/v4/classic/schemas.js" for a package, "src/api/http.ts" for ours. */
function shortName(source) {
  const normalised = source.replace(/\\/g, '/').replace(/\?.*$/, '');
  const nodeModules = normalised.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return normalised.slice(nodeModules + 'node_modules/'.length);
  const src = normalised.lastIndexOf('/src/');
  if (src >= 0) return normalised.slice(src + 1);
  return normalised.replace(/^(\.\.\/)+/, '');
}
function packageOf(name) {
  if (name.startsWith('src/')) return name.split('/').slice(0, 2).join('/') + '/';
  if (name.startsWith('[')) return name;
  const parts = name.split('/');
  return name.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

try {
  console.log(`building the console into ${outDir}`);
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: true },
  });
  const bundle = await measureBundle(outDir);
  const chunks = bundle.files.filter((file) => options.all || file.initial);
  const byPackage = new Map();
  const report = [];
  for (const chunk of chunks) {
    const code = await readFile(path.join(outDir, chunk.file), 'utf8');
    // A chunk the bundler writes itself (its runtime) has no sourcemap: it is one "module".
    const map = await readFile(path.join(outDir, `${chunk.file}.map`), 'utf8').then(JSON.parse, () => null);
    const sources = map ? bytesBySource(code, map) : new Map([[`[${chunk.file}]`, Buffer.byteLength(code)]]);
    const modules = [...sources]
      .map(([source, bytes]) => ({
        module: shortName(source),
        bytes,
        gzip: Math.round((bytes / Buffer.byteLength(code)) * chunk.gzip),
      }))
      .sort((a, b) => b.bytes - a.bytes);
    if (chunk.initial) {
      for (const module of modules) {
        const name = packageOf(module.module);
        byPackage.set(name, (byPackage.get(name) ?? 0) + module.gzip);
      }
    }
    report.push({ ...chunk, modules });
  }

  const kB = (bytes) => (bytes / 1000).toFixed(1).padStart(7);
  for (const chunk of report) {
    const tag = chunk.initial ? 'initial' : chunk.mockBackend || chunk.mockBackendPart ? 'mock backend' : 'lazy';
    console.log(`\n${chunk.file}  ${kB(chunk.gzip)} kB gzip  ${kB(chunk.bytes)} kB min  (${tag})`);
    for (const module of chunk.modules.slice(0, top)) {
      console.log(`   ${kB(module.gzip)} kB gzip ~ ${kB(module.bytes)} kB min  ${module.module}`);
    }
    if (chunk.modules.length > top) {
      const rest = chunk.modules.slice(top);
      const restGzip = rest.reduce((sum, module) => sum + module.gzip, 0);
      console.log(`   ${kB(restGzip)} kB gzip ~ ${rest.length} more modules`);
    }
  }
  console.log('\nInitial JavaScript by package or src/ folder (gzip, estimated from sourcemaps):');
  for (const [name, gzip] of [...byPackage].sort((a, b) => b[1] - a[1])) {
    console.log(`   ${kB(gzip)} kB  ${name}`);
  }
  console.log(
    `\nInitial JavaScript: ${bundle.initialJsKB.toFixed(1)} kB gzip in ${bundle.initialFiles.length} files; ` +
      `total JavaScript ${bundle.totalJsKB.toFixed(1)} kB gzip`,
  );
  if (options.json) {
    const summary = {
      initialJsKB: bundle.initialJsKB,
      totalJsKB: bundle.totalJsKB,
      chunks: report
        .filter((chunk) => chunk.initial)
        .map((chunk) => ({ file: chunk.file, gzip: chunk.gzip, modules: chunk.modules.slice(0, top) })),
    };
    console.log(`BUNDLE_JSON ${JSON.stringify(summary)}`);
  }
  if (options.browser) await checkInBrowser(bundle);
} finally {
  if (!options.out) await rm(outDir, { recursive: true, force: true });
}

/**
 * The same figure seen from a page: the scripts fetched before the console tree ([role=tree] "Console tree") has its
 * items, on a cold start (fresh profile, no service worker), from the resource timings read the moment the first item
 * is in the DOM. Scripts requested by then but not yet arrived are listed apart: they competed for the network too.
 */
async function checkInBrowser(bundle) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  const port = Number(options.port);
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: 'localhost', port, strictPort: true },
  });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await scriptsBeforeTree(browser, port, bundle);
    // Cold starts as `npm run bench` times them (scripts/bench/in-page.mjs): the tree, then the first rows, painted.
    const times = [];
    for (let run = 0; run < Number(options.runs); run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(installBenchHelpers);
      const page = await context.newPage();
      await page.goto(`http://localhost:${port}/`, { waitUntil: 'commit' });
      const cold = await page.evaluate(() => globalThis.__bench.startup());
      times.push(cold);
      // What `npm run bench` reports as its "Initial JavaScript": the scripts loaded before the first rows.
      const loaded = new Set(cold.scriptsLoaded.map((pathname) => pathname.replace(/^\//, '')));
      const beforeRows = bundle.files
        .filter((file) => loaded.has(file.file) && !file.mockBackend && !file.mockBackendPart)
        .reduce((sum, file) => sum + file.gzip, 0);
      console.log(
        `   cold start ${run + 1}: tree ${cold.treeMs.toFixed(0)} ms, first rows ${cold.rowsMs.toFixed(0)} ms; ` +
          `scripts loaded before the first rows (mock backend left out) ${(beforeRows / 1000).toFixed(1)} kB gzip`,
      );
      await context.close();
    }
    if (times.length > 1) {
      const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(0);
      console.log(
        `   median of ${times.length}: tree ${median(times.map((t) => t.treeMs))} ms, ` +
          `first rows ${median(times.map((t) => t.rowsMs))} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The scripts a cold start fetched before the console tree showed its first item. */
async function scriptsBeforeTree(browser, port, bundle) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const requested = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') requested.push(request);
  });
  await context.addInitScript(() => {
    const seen = () => document.querySelector('[role=tree][aria-label="Console tree"] [role=treeitem]');
    const snapshot = () => {
      const entries = performance.getEntriesByType('resource');
      globalThis.__treeShown = {
        at: performance.now(),
        epochMs: performance.timeOrigin + performance.now(),
        scripts: entries
          .filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
          .map((entry) => ({ path: new URL(entry.name).pathname.replace(/^\//, ''), end: entry.responseEnd })),
      };
    };
    new MutationObserver((_, observer) => {
      if (!seen()) return;
      snapshot();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForFunction(() => globalThis.__treeShown, null, { timeout: 60_000 });
  const shown = await page.evaluate(() => globalThis.__treeShown);
  await page.waitForLoadState('networkidle');
  // Requested before the tree showed (by the wall clock; Playwright times a request from the epoch).
  const requestedBefore = new Set(
    requested
      .filter((request) => request.timing().startTime <= shown.epochMs)
      .map((request) => new URL(request.url()).pathname.replace(/^\//, '')),
  );
  const byFile = new Map(bundle.files.map((file) => [file.file, file]));
  const fetched = shown.scripts.filter((script) => byFile.has(script.path));
  const fetchedPaths = new Set(fetched.map((script) => script.path));
  const inFlight = [...requestedBefore].filter((file) => byFile.has(file) && !fetchedPaths.has(file));
  const isBackend = (file) => byFile.get(file).mockBackend || byFile.get(file).mockBackendPart;
  const kB = (bytes) => (bytes / 1000).toFixed(1).padStart(7);
  console.log(`\nIn Chromium: the console tree had its items at ${shown.at.toFixed(0)} ms; scripts fetched by then:`);
  let shell = 0;
  for (const script of fetched.sort((a, b) => a.end - b.end)) {
    const file = byFile.get(script.path);
    const backend = isBackend(script.path);
    if (!backend) shell += file.gzip;
    const tag = backend ? 'mock backend' : file.initial ? 'initial' : 'NOT COUNTED by bundle.mjs';
    console.log(`   ${kB(file.gzip)} kB gzip  at ${script.end.toFixed(0).padStart(5)} ms  ${script.path}  (${tag})`);
  }
  for (const path of inFlight) {
    console.log(`   ${kB(byFile.get(path).gzip)} kB gzip  in flight        ${path}  (requested, not arrived)`);
  }
  const missing = bundle.initialFiles.filter((file) => !fetchedPaths.has(file));
  console.log(
    `Fetched before the tree showed, mock backend left out: ${(shell / 1000).toFixed(1)} kB gzip ` +
      `(bundle.mjs: ${bundle.initialJsKB.toFixed(1)} kB)` +
      (missing.length ? `; counted by bundle.mjs but not fetched: ${missing.join(', ')}` : ''),
  );
  await context.close();
}
