/**
 * `adb shell input tap x y` through @devicefarmer/adbkit (and Debian's adb server) against `tripwire
 * adb`: the median of one tap, a graded step of an episode, from the shell call to its output.
 * Taps land on nothing (a no_op step) so the screen stays put (issue 28's target: 3 ms). Also the CPU
 * time per tap of this process (adbkit and `tripwire adb` both run here; Debian's adb server, which
 * relays, does not), which a shared machine's load inflates far less. Prints a table row, then one JSON
 * line. BENCH_ADB_ITERATIONS scales the count (default 1 = 200); TRIPWIRE_ADBKIT points at adbkit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveAdb } from '../android/adb/serve.ts';
import { load } from '../src/cli/shared.ts';
import { openRun } from '../src/public/index.ts';

const N = Math.max(20, Math.round(200 * Number(process.env.BENCH_ADB_ITERATIONS ?? 1)));
const SCENARIO = 'messaging-forward-verification-code';
const ADB_PORT = 25037;

const { environments, scenarios } = await load([], [SCENARIO]);
const run = openRun({ out: mkdtempSync(join(tmpdir(), 'tripwire-bench-adb-')), scenarios, environments });
const server = await serveAdb({ run, phoneScenarios: [SCENARIO], port: 0 });
execFileSync('adb', ['-P', String(ADB_PORT), 'start-server'], { stdio: 'ignore' });
const adbkit = ((await import(process.env.TRIPWIRE_ADBKIT ?? '@devicefarmer/adbkit')) as { default: any }).default;
const client = adbkit.createClient({ port: ADB_PORT });
await client.connect('127.0.0.1', server.port);
const device = client.getDevice(server.serial);
const shell = async (c: string) => (await adbkit.util.readAll(await device.shell(c))).toString();

const samples: number[] = [];
let cpu = 0;
for (let i = 0; i < N + 10; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  // The status bar's strip: no element of the app's window there, so the tap changes nothing.
  await shell('input tap 800 40');
  if (i < 10) continue; // the first ten warm up
  samples.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu += (d.user + d.system) / 1000;
}
await shell('tripwire refuse bench');
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)]!;
await client.disconnect('127.0.0.1', server.port);
await client.kill();
await server.close();
await run.close();
console.log(`${'adb shell input tap (adbkit)'.padEnd(38)}${median.toFixed(3).padStart(12)} ms median${(cpu / N).toFixed(3).padStart(10)} cpu ms/tap`);
console.log(JSON.stringify({ bench: 'adb', medianMs: { inputTap: Math.round(median * 1000) / 1000 }, cpuMsPerStep: { inputTap: Math.round((cpu / N) * 1000) / 1000 }, iterations: N }));
process.exit(0);
