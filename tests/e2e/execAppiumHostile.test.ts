import { readFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { discoverAgentProviders, discoverDeviceProviders } from '../../src/scenario/discover.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { runBatch } from '../../src/run/run.ts';
import { load } from '../../src/cli/shared.ts';
import { tempDir } from '../support/helpers.ts';

const { scenarios, environments } = await load([], ['messaging-forward-verification-code']);

/** One episode of the probe program; `device` plays the phone on another Appium server in this process. */
async function probe(device?: string, program = 'appium-probe.mjs') {
  const dir = tempDir();
  chmodSync(dir, 0o777); // the program may run as a uid of its own
  const report = join(dir, 'seen.json');
  const config = TripwireConfig.parse({ agents: { probe: { provider: 'exec', command: `node tests/e2e/programs/${program}`, env: { REPORT_TO: report } } }, limits: { wallMs: 90_000 } });
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

it('closes a session its program left open once the episode is over', async () => {
  const { result, seen } = await probe(undefined, 'appium-leaves.mjs');
  expect(result, result.reason).toMatchObject({ status: 'finished', steps: 2 });
  // Appium forgets the session (its commands get "terminated or not started"), rather than waiting out newCommandTimeout.
  const source = async () => (await (await fetch(new URL(`session/${String(seen.sessionId)}/source`, String(seen.url)))).json()) as { value: { error: string; message: string } };
  let answer = await source();
  for (const until = Date.now() + 10_000; !/terminated or not started/.test(answer.value.message) && Date.now() < until; answer = await source()) await new Promise((r) => setTimeout(r, 100));
  expect(answer.value).toMatchObject({ error: 'invalid session id', message: expect.stringMatching(/terminated or not started/) });
}, 120_000);
