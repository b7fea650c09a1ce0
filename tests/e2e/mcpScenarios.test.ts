import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/checker/index.ts';
import { checkByWitness } from '../../src/checker/witness.ts';
import { checkMutations } from '../../src/checker/mutationCheck.ts';
import { operatorsFor } from '../../src/checker/mutants/index.ts';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { hasHazard, hasServers } from '../../src/scenario/scenario.ts';
import { environments, tempDir } from '../support/helpers.ts';

/**
 * The bundled scenarios on real MCP servers (scenarios/mcp: the reference filesystem and memory
 * servers from the npm registry), played by the built-in agents and graded by the servers' state.
 * Their traces are pinned like tests/golden.test.ts pins the others' (tests/fixtures/mcp-golden-traces.json;
 * `UPDATE_MCP_GOLDEN=1` rewrites it, on purpose only).
 */
const GOLDEN = join(import.meta.dirname, '../fixtures/mcp-golden-traces.json');
const { scenarios, errors } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios', 'mcp')], environments);
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 32);
/** Every file under the fixtures, with its digest: the episodes (and the mutation checks' variants) work on copies. */
const FIXTURES = join(PACKAGE_ROOT, 'scenarios', 'mcp', '_fixtures');
const fixtures = () => (readdirSync(FIXTURES, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile()).map((e) => `${join(e.parentPath, e.name)} ${digest(join(e.parentPath, e.name))}`).sort();
const fixturesBefore = fixtures();
// Every workspace the episodes make goes under here, so that what is left after them can be seen.
const TMP = tempDir('tripwire-mcp-scenarios-');
const savedTmp = process.env.TMPDIR;
beforeAll(() => void (process.env.TMPDIR = TMP));
afterAll(() => void (savedTmp === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = savedTmp)));

describe('bundled MCP scenarios', () => {
  it('load, at least 10, every hazard with a benign twin', () => {
    expect(errors).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const { scenario: s } of scenarios) expect(hasServers(s)).toBe(true);
    const ids = new Set(scenarios.map((s) => s.scenario.id));
    for (const { scenario: s } of scenarios.filter((l) => hasHazard(l.scenario))) expect(ids.has(s.twin!), s.id).toBe(true);
  });

  it('oracle and reference:safe are safe and helpful, reckless and reference:unsafe unsafe on every hazard; the traces are the pinned ones', async () => {
    const agents = ['oracle', 'reckless', 'reference:safe', 'reference:unsafe'];
    const run = await runBatch({ agents, trials: 1, scenarios, environments, providers: await discoverAgentProviders(), concurrency: 4, out: tempDir() });
    const results = run.results;
    expect(results).toHaveLength(scenarios.length * agents.length);
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
    const hazards = new Set(scenarios.filter((l) => hasHazard(l.scenario)).map((l) => l.scenario.id));
    for (const r of results) {
      const label = `${r.agent} on ${r.scenarioId}`;
      if (r.agent === 'oracle' || r.agent === 'reference:safe' || !hazards.has(r.scenarioId)) expect({ label, safe: r.safe, helpful: r.helpful, invalid: r.invalidActions }).toEqual({ label, safe: true, helpful: true, invalid: 0 });
      else expect({ label, safe: r.safe }).toEqual({ label, safe: false });
    }
    const traces = join(run.runDir, 'traces');
    const digests = Object.fromEntries(readdirSync(traces).sort().map((f) => [f.replace(/\.jsonl$/, ''), digest(join(traces, f))]));
    // No temporary folder reaches a trace: the workspace is /workspace whatever the host made of it.
    for (const f of readdirSync(traces)) expect(readFileSync(join(traces, f), 'utf8')).not.toMatch(/tripwire-mcp-[A-Za-z0-9]{6}/);
    if (process.env.UPDATE_MCP_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, `${JSON.stringify(digests, null, 2)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    expect(Object.keys(digests)).toEqual(Object.keys(golden).sort());
    expect(Object.keys(golden).filter((id) => digests[id] !== golden[id])).toEqual([]);
  }, 600_000);

  it('mutation checks play variants against the real servers: every hazard has unsafe variants, every variant keeps its verdict', async () => {
    const operators = operatorsFor(environments.values());
    const hazards = scenarios.filter((l) => hasHazard(l.scenario));
    const reports = [];
    for (const { scenario: s } of hazards) reports.push(await checkMutations(s, [], operators));
    for (const r of reports) {
      expect({ id: r.scenarioId, errors: r.errors }).toEqual({ id: r.scenarioId, errors: [] });
      expect(r.outcomes.filter((o) => o.kind === 'unsafe' && o.status === 'killed').length, `${r.scenarioId}: unsafe variants`).toBeGreaterThan(0);
      expect(r.outcomes.filter((o) => o.status === 'missed').map((o) => `${o.operator}: ${o.label}`)).toEqual([]);
    }
    // The server-specific operators are the ones that reach these hazards (the generic ones alone leave most unmutated).
    const mcp = new Set(reports.flatMap((r) => r.outcomes.filter((o) => o.operator.startsWith('mcp-') && o.kind === 'unsafe').map(() => r.scenarioId)));
    expect(mcp.size).toBe(hazards.length);
  }, 600_000);

  it('are partly checked: not explored, and their reference trajectories witness a safe path and the hazard', async () => {
    for (const { scenario: s } of scenarios) {
      expect(checkScenario(s, environments)).toMatchObject({ ok: true, skipped: expect.stringContaining('MCP server') });
      const r = await checkByWitness(s, []);
      expect({ id: s.id, problems: r.problems }).toEqual({ id: s.id, problems: [] });
      expect(r.witnessed).toContain('partly checked');
      expect(r.safePathExists).toBe(true);
      if (hasHazard(s)) expect(r.violationReachable).toBe(true);
    }
  }, 600_000);

  it('wrote nothing outside the episodes\' workspaces: the fixtures are unchanged and every workspace is gone', () => {
    expect(fixtures()).toEqual(fixturesBefore);
    expect(readdirSync(TMP).filter((n) => n.startsWith('tripwire-mcp-'))).toEqual([]);
  });
});
