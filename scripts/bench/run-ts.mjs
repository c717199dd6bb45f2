// Runs a TypeScript script of scripts/bench through Vite's module runner (the same transform the app gets), e.g.
//   node scripts/bench/run-ts.mjs scripts/bench/world-fingerprint.ts 1000 10000 50000
// The script exports `main(args: string[])`.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [file, ...args] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/bench/run-ts.mjs <script.ts> [args...]');
const { module } = await runnerImport(path.resolve(file), {
  root,
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: { '@': path.join(root, 'src') } },
});
await module.main(args);
