/**
 * Main-thread cost of building the Contoso site the way the backend does, phase by phase: medians of N runs (5 by
 * default) at 50,000 software updates, their minimum (steadier on a busy machine), and the garbage collector's share of
 * each phase (its median). Node's timings are a proxy for Chromium's (same engine).
 *
 *   node --expose-gc scripts/bench/run-ts.mjs scripts/bench/world-timing.ts [updates] [runs]
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { buildAuditedWorld } from '../../src/domain/audit/audit-log';
import { currentView, type SiteWorld } from '../../src/domain/operations/operations';
import { prepareSearchText } from '../../src/domain/query/list-query';
import { RESOURCES } from '../../src/domain/query/resources';
import { RightsIndex } from '../../src/domain/rights/rights';
import { DEFAULT_SEED, runSteps, stageSteps } from '../../src/domain/scenario/contoso-stage';
import { generateContosoSms2003Site } from '../../src/domain/scenario/generate-sms2003-site';
import { scaleForSoftwareUpdates } from '../../src/domain/scenario/scale';

const gcSpans: Array<{ start: number; end: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    gcSpans.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ['gc'] });

interface Sample {
  ms: number;
  start: number;
  end: number;
}
const samples = new Map<string, Sample[]>();

function timed<T>(phase: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  const end = performance.now();
  samples.set(phase, [...(samples.get(phase) ?? []), { ms: end - start, start, end }]);
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

export async function main(args: string[]) {
  const count = Number(args[0] ?? 50_000);
  const runs = Number(args[1] ?? 5);
  const scale = scaleForSoftwareUpdates(count);
  const steps = stageSteps('configured');
  const upgrade = stageSteps('just-upgraded');
  const toSynchronized = stageSteps('synchronized').slice(upgrade.length);
  const toConfigured = steps.slice(upgrade.length + toSynchronized.length);
  for (let run = 0; run < runs; run++) {
    collect();
    const sms2003 = timed('generation', () => generateContosoSms2003Site(DEFAULT_SEED, scale));
    timed('before-upgrade view', () => currentView({ sms2003, configMgr: null }, scale));
    const upgraded: SiteWorld = timed('upgrade (run-setup)', () =>
      runSteps({ sms2003, configMgr: null }, upgrade, scale),
    );
    const state = currentView(upgraded, scale);
    const index = timed('RightsIndex', () => new RightsIndex(state.grants));
    // Not part of a start as CONTOSO\\smsadmin: the other administrators' instance rights, indexed when first asked.
    timed('RightsIndex, first check as others', () =>
      ['CONTOSO\\patchadmin', 'CONTOSO\\auditor'].map((account) =>
        index.hasRight(account, 'SoftwareUpdate', '1', 'Read'),
      ),
    );
    for (const name of ['software-updates', 'clients'] as const) {
      const items = RESOURCES[name].items(state);
      timed(`prepareSearchText ${name}`, () => prepareSearchText(RESOURCES[name], items, 'all', 0, () => true));
    }
    collect();
    const synchronized = timed('steps to Synchronized', () => runSteps(upgraded, toSynchronized, scale));
    timed('steps to Configured', () => runSteps(synchronized, toConfigured, scale));
    collect();
    // The backend's own path for a cold start at the default stage: generation, Setup and the audit log.
    timed('buildAuditedWorld just-upgraded', () => buildAuditedWorld('just-upgraded', DEFAULT_SEED, scale));
    collect();
    timed('buildAuditedWorld configured', () => buildAuditedWorld('configured', DEFAULT_SEED, scale));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  const gcIn = (s: Sample) =>
    gcSpans.reduce((sum, gc) => sum + Math.max(0, Math.min(gc.end, s.end) - Math.max(gc.start, s.start)), 0);
  console.log(
    `${count} software updates, ${scale.clients} clients, ${scale.distributions} distributions: medians of ${runs} runs`,
  );
  // The goal: generation, Setup, the RightsIndex and the search text, run by run.
  const goal = [
    'generation',
    'upgrade (run-setup)',
    'RightsIndex',
    'prepareSearchText software-updates',
    'prepareSearchText clients',
  ];
  const goalSum = (run: number, of: (sample: Sample) => number) =>
    goal.reduce((sum, phase) => sum + of(samples.get(phase)?.[run] ?? { ms: 0, start: 0, end: 0 }), 0);
  const goalRuns = Array.from({ length: runs }, (_, run) => goalSum(run, (sample) => sample.ms));
  const goalGc = Array.from({ length: runs }, (_, run) => goalSum(run, gcIn));
  const row = (phase: string, ms: number[], gc: number[]) =>
    phase.padEnd(36) +
    [median(ms), Math.min(...ms), median(gc)].map((value) => value.toFixed(1).padStart(8)).join('') +
    '   ' +
    ms.map((value) => value.toFixed(0)).join(' ');
  console.log('phase'.padEnd(36) + ['median', 'min', 'gc ms'].map((title) => title.padStart(8)).join('') + '   runs');
  for (const [phase, list] of samples) {
    console.log(
      row(
        phase,
        list.map((s) => s.ms),
        list.map(gcIn),
      ),
    );
  }
  console.log(row('goal: gen+upgrade+rights+search', goalRuns, goalGc));
}
