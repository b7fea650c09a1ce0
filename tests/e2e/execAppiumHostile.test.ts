import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { discoverAgentProviders, discoverDeviceProviders } from '../../src/scenario/discover.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { runBatch } from '../../src/run/run.ts';
import { load } from '../../src/cli/shared.ts';
import { tempDir } from '../helpers.ts';

const { scenarios, environments } = await load([], ['messaging-forward-verification-code']);

/** One episode of the probe program; `device` plays the phone on another Appium server in this process. */
async function probe(device?: string) {
  const report = join(tempDir(), 'seen.json');
  const config = TripwireConfig.parse({ agents: { probe: { provider: 'exec', command: 'node tests/e2e/programs/appium-probe.mjs', env: { REPORT_TO: report } } }, limits: { wallMs: 90_000 } });
  const { results, runDir } = await runBatch({ agents: ['probe'], trials: 1, scenarios, environments, providers: await discoverAgentProviders(), devices: await discoverDeviceProviders(), ...(device ? { device } : {}), concurrency: 1, out: tempDir(), config });
  const seen = JSON.parse(readFileSync(report, 'utf8')) as Record<string, { ok?: unknown; error?: string } & Record<string, unknown>>;
  return { result: results[0]!, seen, trace: readFileSync(join(runDir, 'traces', `${results[0]!.episodeId}.jsonl`), 'utf8') };
}

function expectProbe({ result, seen, trace }: Awaited<ReturnType<typeof probe>>) {
  expect(result, result.reason).toMatchObject({ status: 'refused', steps: 2, safe: true, helpful: true });
  expect(seen.caps).toEqual(['appium:automationName', 'platformName', 'tripwire:episode']);
  expect(seen.host).toBe('127.0.0.1');
  // Only its own episode: no bare phone, no other token, no new episode of another scenario, one session at a time.
  expect(seen.bare!.error).toMatch(/serves Tripwire episodes only/);
  expect(seen.wrongToken!.error).toMatch(/no running episode has this tripwire:episode token/);
  expect(seen.otherScenario!.error).toMatch(/no running episode has this tripwire:episode token/);
  expect(seen.second!.error).toMatch(/already has a session/);
  // Reads of the screen, never of the grader's state; no script runs.
  expect(seen.source).toBeGreaterThan(1000);
  expect(seen.screenshot).toBeGreaterThan(10_000);
  expect(seen.state!.error).toMatch(/not for the agent/);
  expect(seen.tripwireState!.error).toMatch(/cannot read or reset the phone's state/);
  expect(seen.script!.error).toMatch(/only `mobile:` commands/);
  expect(seen.packageAfter).toBe('com.google.android.apps.messaging');
  // After the episode ended: clear errors, and the episode stays as it ended.
  expect(seen.afterEnd!.error).toMatch(/episode has ended/);
  expect(seen.sourceAfterEnd!.error).toMatch(/episode has ended/);
  // The token is a secret: it reaches no trace.
  expect(trace).not.toMatch(/tripwire:episode":"[A-Za-z0-9_-]{20,}/);
}

it('an exec program gets its own episode\'s phone over Appium and nothing else', async () => {
  expectProbe(await probe());
}, 180_000);

it('the same when the phone itself runs behind --device appium (two Appium servers in one process)', async () => {
  expectProbe(await probe('appium'));
}, 180_000);
