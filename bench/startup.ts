/**
 * Start-up time of the CLI, as ratios to `node -e 0` (the floor no CLI can beat): `tripwire --help`
 * and `tripwire list`, each the median of several runs in fresh processes. The budget:
 * --help within 4x, list within 8x. Ratios, because the machine is shared and its speed varies.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/scenario/discover.ts';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
// BENCH_TRIPWIRE_BIN: another checkout's bin, to compare (e.g. one from before the build existed).
const BIN = process.env.BENCH_TRIPWIRE_BIN ?? join(PACKAGE_ROOT, 'bin', 'tripwire.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(args: string[]): number {
  const ms: number[] = [];
  // One unmeasured run first: the file system cache, not the CLI, would dominate it.
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const elapsed = performance.now() - t0;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) ms.push(elapsed);
  }
  return median(ms);
}

const node = time(['-e', '0']);
const help = time([BIN, '--help']);
const list = time([BIN, 'list']);
const ratio = (ms: number) => (ms / node).toFixed(1);
console.log(`start-up (median of ${RUNS}): node -e 0 ${node.toFixed(0)} ms; tripwire --help ${help.toFixed(0)} ms (${ratio(help)}x, budget 4x); tripwire list ${list.toFixed(0)} ms (${ratio(list)}x, budget 8x)`);
console.log(JSON.stringify({ bench: 'startup', runs: RUNS, nodeMs: Math.round(node), helpMs: Math.round(help), listMs: Math.round(list), helpRatio: Number(ratio(help)), listRatio: Number(ratio(list)), budget: { help: 4, list: 8 } }));
