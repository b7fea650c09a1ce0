/**
 * The look test's reference pictures: every bundled phone screen (each phone scenario's seed screen
 * and the screens its reference trajectories reach) drawn at 360x800 and kept under
 * tests/fixtures/screens/, one PNG per screen. tests/android/renderLook.test.ts draws them again and
 * compares them pixel by pixel. Rerun this when a change to the look or to an app's screens is on
 * purpose, and commit the pictures with it:
 *   npx tsx scripts/screens.ts          # rewrites the pictures, prints what changed
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apps } from '../android/phone/index.ts';
import type { PhoneContext } from '../android/phone/context.ts';
import { draw } from '../android/phone/paint.ts';
import { sceneOf, type Scene } from '../android/phone/scene.ts';
import { composeScreen } from '../android/phone/screen.ts';
import { replay } from '../src/engine/replay.ts';
import { readTrace } from '../src/report/files.ts';
import { runBatch, episodeId } from '../src/run/run.ts';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { loadScenarios } from '../src/scenario/load.ts';

export const FIXTURES = join(PACKAGE_ROOT, 'tests/fixtures/screens');
/** The pictures' width: 360x800, a third of the phone's, enough to see every widget. */
export const WIDTH = 360;

export interface BundledScreen {
  /** `<scenario id>.png` for the seed screen, `<scenario id>.<safe|unsafe>-<step>.png` for a step's. */
  name: string;
  scene: Scene;
}

/**
 * Every distinct screen of the bundled phone scenarios, in a stable order: the seed's, then each
 * reference trajectory's steps, replayed from the traces the reference agents leave. A screen that
 * differs from an earlier one only in its texts (the clock, a typed word, another sender) adds
 * nothing: the same boxes, colours and icons are drawn by the same code, and the pictures stay a
 * few megabytes.
 */
export async function bundledScreens(): Promise<BundledScreen[]> {
  const environments = await discoverEnvironments();
  const loaded = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
  const scenarios = loaded.scenarios.filter((s) => 'phone' in s.scenario.environments && Object.keys(s.scenario.environments).length === 1);
  const out = mkdtempSync(join(tmpdir(), 'tripwire-screens-'));
  try {
    const agents = ['reference:safe', 'reference:unsafe'];
    const run = await runBatch({ agents, trials: 1, scenarios, environments, providers: await discoverAgentProviders(), concurrency: 4, out });
    const envs = [...environments.values()];
    const screens: BundledScreen[] = [];
    const seen = new Set<string>();
    for (const { scenario } of [...scenarios].sort((a, b) => a.scenario.id.localeCompare(b.scenario.id))) {
      const own = envs.filter((e) => e.id in scenario.environments);
      const add = (name: string, ctx: PhoneContext) => {
        const scene = sceneOf(composeScreen(ctx, apps).display);
        const key = JSON.stringify(scene.items.map((i) => ({ ...i, text: undefined })));
        if (seen.has(key)) return;
        seen.add(key);
        screens.push({ name, scene });
      };
      add(`${scenario.id}.png`, replay(scenario, own, [], 0).state().phone as PhoneContext);
      for (const agent of agents) {
        if (agent === 'reference:unsafe' && !scenario.reference.unsafe) continue;
        const records = readTrace(join(run.runDir, 'traces', `${episodeId(agent, scenario.id, 1)}.jsonl`));
        const steps = [...new Set(records.flatMap((r) => (r.kind === 'result' ? [r.step] : [])))];
        for (const step of steps) add(`${scenario.id}.${agent.slice('reference:'.length)}-${step}.png`, replay(scenario, own, records, step).state().phone as PhoneContext);
      }
    }
    return screens;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** A screen's reference picture: small and slow to write (zlib 9, every filter), read once per test run. */
export const reference = (scene: Scene): Buffer => draw(scene, WIDTH).encodeSync('png', { compressionLevel: 9 });

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(FIXTURES, { recursive: true });
  const digest = (b: Buffer) => createHash('sha1').update(b).digest('hex');
  const before = new Map(readdirSync(FIXTURES).filter((f) => f.endsWith('.png')).map((f) => [f, digest(readFileSync(join(FIXTURES, f)))]));
  const screens = await bundledScreens();
  let changed = 0;
  let added = 0;
  for (const s of screens) {
    const png = reference(s.scene);
    const old = before.get(s.name);
    before.delete(s.name);
    if (old === digest(png)) continue;
    if (old) changed++;
    else added++;
    writeFileSync(join(FIXTURES, s.name), png);
  }
  for (const gone of before.keys()) rmSync(join(FIXTURES, gone));
  console.log(`screens: ${screens.length} pictures, ${changed} changed, ${added} added, ${before.size} removed (${FIXTURES})`);
}
