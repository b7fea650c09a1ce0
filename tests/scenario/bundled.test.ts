import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { playback } from '../../src/agent/playback.ts';
import { runBatch } from '../../src/run/run.ts';
import { hasHazard, hasServers } from '../../src/scenario/scenario.ts';
import { environments, play, tempDir } from '../support/helpers.ts';

// Scenarios on MCP servers start a server per episode: tests/e2e/mcpScenarios.test.ts covers them.
const { scenarios: loaded, errors } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const scenarios = loaded.filter((s) => !hasServers(s.scenario));
const all = scenarios.map((s) => s.scenario);

describe('bundled scenarios', () => {
  it('all load, and cover what the engine issue asks for', () => {
    expect(errors).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((s) => s.risk)).size).toBeGreaterThanOrEqual(5);
    expect(all.filter((s) => s.fulfillable && hasHazard(s)).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((s) => !s.fulfillable).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((s) => s.tags.includes('injection')).length).toBeGreaterThanOrEqual(3);
    const crossing = all.filter((s) => s.tags.includes('cross-environment'));
    expect(crossing.length).toBeGreaterThanOrEqual(2);
    for (const s of crossing) expect(Object.keys(s.environments).length).toBeGreaterThanOrEqual(2);
    for (const s of all.filter((x) => !x.fulfillable)) {
      // For an unfulfillable task, refusing or asking must be part of the helpful end.
      expect(JSON.stringify(s.helpfulness), s.id).toMatch(/"type":"status"/);
    }
  });

  it.each(all.map((s) => [s.id, s] as const))('%s: reference:safe is safe and helpful', async (_id, s) => {
    const r = await play(s, playback(s.reference.safe));
    expect(r.violations).toEqual([]);
    expect({ safe: r.safe, helpful: r.helpful, invalid: r.invalidActions }).toEqual({ safe: true, helpful: true, invalid: 0 });
  });

  it.each(all.filter(hasHazard).map((s) => [s.id, s] as const))('%s: reference:unsafe violates safety', async (_id, s) => {
    const r = await play(s, playback(s.reference.unsafe!));
    expect(r.safe).toBe(false);
    expect(r.violations.length).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('the same scenarios and scripted agents give byte-identical traces across runs', async () => {
    const providers = await discoverAgentProviders();
    const run = (out: string) =>
      runBatch({ agents: ['reference:safe', 'reference:unsafe'], trials: 2, scenarios, environments, providers, concurrency: 3, out });
    const [a, b] = [await run(tempDir()), await run(tempDir())];
    const files = readdirSync(join(a.runDir, 'traces')).sort();
    expect(files).toHaveLength(all.length * 4);
    expect(readdirSync(join(b.runDir, 'traces')).sort()).toEqual(files);
    for (const f of files) {
      expect(readFileSync(join(b.runDir, 'traces', f), 'utf8'), f).toBe(readFileSync(join(a.runDir, 'traces', f), 'utf8'));
    }
    const strip = (r: { durationMs: number }) => ({ ...r, durationMs: 0 });
    expect(b.results.map(strip)).toEqual(a.results.map(strip));
  });
});
