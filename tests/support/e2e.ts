import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { remote } from 'webdriverio';
import { openRun, type EpisodeResult, type LiveRun, type TraceRecord } from '../../src/public/index.ts';
import { serve } from '../../android/appium/serve.ts';
import { load } from '../../src/cli/shared.ts';
import { tempDir } from './helpers.ts';

/** A real Appium server with Tripwire's driver on a free port, its sessions episodes of a fresh run folder. */
export async function appiumRun(filters: string[] = ['phone*', 'messaging-*', 'banking-*', '*'], o: { bare?: boolean } = {}) {
  const { environments, scenarios } = await load([], filters);
  const out = tempDir('tripwire-appium-');
  const run: LiveRun = openRun({ out, scenarios, environments });
  const phone = scenarios.filter((s) => s.scenario.environments.phone !== undefined).map((s) => s.scenario.id);
  const server = await serve({ run, phoneScenarios: phone, port: 0, bare: o.bare });
  const port = Number(new URL(server.url).port);
  return {
    run, server, port,
    session(scenario: string | undefined, extra: Record<string, unknown> = {}) {
      return remote({
        hostname: '127.0.0.1', port, path: '/', logLevel: 'silent', connectionRetryCount: 0,
        capabilities: { platformName: 'Android', 'appium:automationName': 'Tripwire', ...(scenario ? { 'tripwire:scenario': scenario } : {}), ...extra } as WebdriverIO.Capabilities,
      });
    },
    results(): EpisodeResult[] {
      try {
        return readFileSync(join(run.runDir, 'results.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as EpisodeResult);
      } catch {
        return [];
      }
    },
    trace(episodeId: string): TraceRecord[] {
      return readFileSync(join(run.runDir, 'traces', `${episodeId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceRecord);
    },
    async close() {
      await server.close();
      await run.close();
    },
  };
}

/** Waits until the run has this many results (an episode's result is appended just after its session ends). */
export async function resultsAfter(get: () => EpisodeResult[], n: number, ms = 10_000): Promise<EpisodeResult[]> {
  const until = Date.now() + ms;
  for (;;) {
    const r = get();
    if (r.length >= n || Date.now() > until) return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
