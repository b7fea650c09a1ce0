import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { runBatch } from '../../src/run/run.ts';
import { hasServers } from '../../src/scenario/scenario.ts';
import { environments, tempDir } from '../support/helpers.ts';

/**
 * The bundled scenarios' traces with the built-in agents, as digests taken before the engine learnt
 * about devices and push agents (tests/fixtures/golden-traces.json). A change to any trace must be
 * on purpose: regenerate the fixture in the same commit and say why.
 */
const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/golden-traces.json'), 'utf8')) as Record<string, string>;

describe('golden traces', () => {
  it('every bundled scenario with oracle, reckless and the reference agents gives the recorded trace, byte for byte', async () => {
    // Scenarios on MCP servers start a server per episode: tests/e2e/mcpScenarios.test.ts covers them.
    const scenarios = (await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments)).scenarios.filter((s) => !hasServers(s.scenario));
    const run = await runBatch({
      agents: ['oracle', 'reckless', 'reference:safe', 'reference:unsafe'], trials: 1, scenarios, environments,
      providers: await discoverAgentProviders(), concurrency: 4, out: tempDir(),
    });
    const traces = join(run.runDir, 'traces');
    const digests = Object.fromEntries(
      readdirSync(traces).sort().map((f) => [f.replace(/\.jsonl$/, ''), createHash('sha256').update(readFileSync(join(traces, f))).digest('hex').slice(0, 32)]),
    );
    expect(Object.keys(digests)).toEqual(Object.keys(golden).sort());
    const changed = Object.keys(golden).filter((id) => digests[id] !== golden[id]);
    expect(changed).toEqual([]);
  });
});
