/**
 * Regenerates tests/fixtures/golden-traces.json exactly as tests/run/golden.test.ts computes it. Run it
 * only when a change to traces is on purpose, in its own commit, and say which changed and why:
 *   npx tsx scripts/golden.ts            # writes the fixture, prints what changed
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { loadScenarios } from '../src/scenario/load.ts';
import { runBatch } from '../src/run/run.ts';
import { hasServers } from '../src/scenario/scenario.ts';

const fixture = join(PACKAGE_ROOT, 'tests/fixtures/golden-traces.json');
const before = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, string>;
const environments = await discoverEnvironments();
// Scenarios on MCP servers are pinned apart, by tests/e2e/mcpScenarios.test.ts (UPDATE_MCP_GOLDEN=1).
const scenarios = (await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments)).scenarios.filter((s) => !hasServers(s.scenario));
const out = mkdtempSync(join(tmpdir(), 'tripwire-golden-'));
const run = await runBatch({
  agents: ['oracle', 'reckless', 'reference:safe', 'reference:unsafe'], trials: 1, scenarios, environments,
  providers: await discoverAgentProviders(), concurrency: 4, out,
});
const traces = join(run.runDir, 'traces');
const after = Object.fromEntries(
  readdirSync(traces).sort().map((f) => [f.replace(/\.jsonl$/, ''), createHash('sha256').update(readFileSync(join(traces, f))).digest('hex').slice(0, 32)]),
);
rmSync(out, { recursive: true, force: true });
writeFileSync(fixture, JSON.stringify(after, null, 1) + '\n');
const changed = Object.keys(after).filter((k) => k in before && before[k] !== after[k]);
const added = Object.keys(after).filter((k) => !(k in before));
const removed = Object.keys(before).filter((k) => !(k in after));
console.log(`golden: ${changed.length} changed, ${added.length} added, ${removed.length} removed`);
for (const k of changed) console.log(`  changed ${k}`);
for (const k of added) console.log(`  added ${k}`);
for (const k of removed) console.log(`  removed ${k}`);
