// The JavaScript a visitor downloads, from the build's manifest (dist/.vite/manifest.json), gzip-compressed with
// node:zlib at its default level (what Vite's own size report uses).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The lazily loaded mock backend: MSW and src/server (its own chunk; it runs in the page, not on a server). */
const MOCK_BACKEND_ENTRY = 'src/server/browser.ts';

/**
 * Initial JavaScript: what loads before the console tree is interactive. That is the entry script and its static
 * imports, plus the chunks main.tsx imports dynamically while it boots (display settings, the router and the console),
 * with their own static imports; the mock backend's entry chunk is left out (and so are chunks only it imports). The
 * rest of the window (results pane, menu bar, toolbar, Actions pane) is requested only once the tree is painted
 * (src/console/lazy-parts.tsx), so it is rightly left out: `node scripts/bench/initial-js.mjs --browser` checks this
 * figure against the scripts a cold start in Chromium has fetched when the tree shows its items, and lists what each
 * chunk is made of. Total JavaScript: every .js file of the build, mock backend included.
 */
export async function measureBundle(outDir) {
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('the build manifest has no entry');
  const sizes = new Map();
  const sizeOf = async (file) => {
    if (!sizes.has(file)) {
      const bytes = await readFile(path.join(outDir, file));
      sizes.set(file, { file, bytes: bytes.length, gzip: gzipSync(bytes).length });
    }
    return sizes.get(file);
  };

  const initial = new Set();
  const visit = (key, followDynamic) => {
    const chunk = manifest[key];
    if (!chunk || key === MOCK_BACKEND_ENTRY || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported, false);
    if (followDynamic) for (const imported of chunk.dynamicImports ?? []) visit(imported, false);
  };
  visit(entryKey, true);

  // The mock backend is one entry but several files: the bundler splits out the modules it shares with lazily loaded
  // dialogs. Every file its entry imports (statically) that the shell's own graph does not is part of it.
  const mockBackendFiles = new Set();
  const visitBackend = (key) => {
    const chunk = manifest[key];
    if (!chunk || mockBackendFiles.has(chunk.file)) return;
    if (!initial.has(chunk.file)) mockBackendFiles.add(chunk.file);
    for (const imported of chunk.imports ?? []) visitBackend(imported);
  };
  visitBackend(MOCK_BACKEND_ENTRY);

  const allFiles = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) =>
    file.endsWith('.js'),
  );
  const all = await Promise.all(allFiles.map(sizeOf));
  const initialFiles = await Promise.all([...initial].map(sizeOf));
  const mockBackendFile = manifest[MOCK_BACKEND_ENTRY]?.file ?? null;
  const kB = (files) => files.reduce((sum, file) => sum + file.gzip, 0) / 1000;
  return {
    initialJsKB: kB(initialFiles),
    totalJsKB: kB(all),
    initialFiles: initialFiles.map((file) => file.file).sort(),
    mockBackendFile,
    files: all
      .sort((a, b) => b.gzip - a.gzip)
      .map((file) => ({
        ...file,
        initial: initial.has(file.file),
        mockBackend: file.file === mockBackendFile,
        // Loaded with the mock backend (its entry's own imports), not by the shell.
        mockBackendPart: mockBackendFiles.has(file.file),
      })),
  };
}
