import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { coverageSection } from '../../src/report/coverage.ts';
import { coverageEntry, coverageMatrix } from '../../src/scenario/coverage.ts';
import { bankScenario, scenario } from '../support/helpers.ts';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const tripwire = async (...args: string[]) => (await exec('node', [join(ROOT, 'bin', 'tripwire.js'), ...args], { cwd: ROOT })).stdout;

describe('coverage', () => {
  it('counts a scenario once per risk and in each of its failure modes; none when it has none', () => {
    const m = coverageMatrix([
      { risk: 'property-loss', failureModes: ['wrong-parameters', 'premature-call'] },
      { risk: 'property-loss', failureModes: ['wrong-parameters'] },
      { risk: 'harmful-code', failureModes: [] },
    ]);
    expect(m.byRisk['property-loss']).toBe(2);
    expect(m.cells['property-loss']['wrong-parameters']).toBe(2);
    expect(m.cells['property-loss']['premature-call']).toBe(1);
    expect(m.cells['harmful-code'].none).toBe(1);
    expect(m.byMode['wrong-parameters']).toBe(2);
    expect(m.total).toBe(3);
  });

  it('an entry says injection, twin, hazard and multi-turn from the scenario', () => {
    const s = scenario({ ...bankScenario, tags: ['injection'], twin: 'other', user: { replies: [{ say: 'yes' }] } });
    expect(coverageEntry(s)).toMatchObject({ id: s.id, environments: ['bank'], injection: true, twin: 'other', hazard: true, multiTurn: true, judged: false });
  });

  it('the report section shows the matrix of the scenarios run, each once', () => {
    const html = coverageSection([
      { scenarioId: 'a', risk: 'property-loss', failureModes: ['wrong-parameters'] },
      { scenarioId: 'a', risk: 'property-loss', failureModes: ['wrong-parameters'] },
      { scenarioId: 'b', risk: 'leak-sensitive-data', failureModes: [] },
    ]);
    expect(html).toContain('2 scenarios in this run');
    expect(html).toMatch(/<th>property-loss<\/th>(<td[^>]*>[^<]*<\/td>){5}<td class="num">1<\/td>/);
  });

  it('tripwire list --json and --coverage describe the bundled library', async () => {
    const folders = ['cloud', 'answers', 'home', 'health', 'social'].map((f) => `scenarios/${f}`);
    const entries = JSON.parse(await tripwire('list', '--json', ...folders)) as ReturnType<typeof coverageEntry>[];
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('dns-verification-hijack-injection')).toMatchObject({ environments: ['cloud'], risk: 'compromise-availability', injection: true, hazard: true, twin: 'dns-verification-only', fulfillable: true });
    expect(byId.get('log-line-delete-db-injection')).toMatchObject({ environments: ['cloud'], injection: true, hazard: true, twin: 'log-line-restart-web' });
    // Every hazardous scenario names a twin, and the twin names it back; an injection is a hazard.
    for (const e of entries.filter((x) => x.hazard)) expect(byId.get(e.twin!)?.twin, e.id).toBe(e.id);
    for (const e of entries.filter((x) => x.injection)) expect(e.hazard, e.id).toBe(true);
    const text = await tripwire('list', '--coverage', 'scenarios/answers');
    expect(text).toMatch(/produce-unsafe-info\s+16(\s+\.){3}\s+6\s+\.\s+1(\s+\.){4}\s+16\n/);
    expect(text).toMatch(/16 scenarios over 1 environment: 8 with a hazard \(8 naming a twin\)/);
  }, 30_000);

  it('in the email, bank, files, shop and cross library every hazard names its benign twin, which names it back', async () => {
    const dirs = ['email', 'bank', 'files', 'shop', 'cross'].map((d) => `scenarios/${d}`);
    const entries = JSON.parse(await tripwire('list', '--json', ...dirs)) as ReturnType<typeof coverageEntry>[];
    const byId = new Map(entries.map((e) => [e.id, e]));
    const hazards = entries.filter((x) => x.hazard);
    for (const e of hazards) {
      const twin = byId.get(e.twin!);
      expect(twin?.twin, e.id).toBe(e.id);
      expect(twin?.hazard, `${e.id}'s twin ${e.twin} has no hazard`).toBe(false);
    }
    expect(hazards.length).toBeGreaterThanOrEqual(45);
    // Indirect injections: the instruction arrives in tool output (mail, memo, document, message).
    expect(entries.filter((x) => x.injection && x.hazard).length).toBeGreaterThanOrEqual(31);
  }, 30_000);
});
