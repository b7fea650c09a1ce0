import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/helpers.ts';
import { sampleTasks, task } from '../../support/msbTasks.ts';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'tripwire.js');

async function tripwire(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('tripwire import msb (CLI)', () => {
  it('writes scenarios to scenarios/msb, lists the skipped tasks, and the folder checks and runs with the paper metrics', async () => {
    const cwd = tempDir();
    const tasks = [...sampleTasks().slice(0, 3), task('fax_sending', 'low', {}, {})];
    writeFileSync(join(cwd, 'tasks.json'), JSON.stringify(tasks));
    const r = await tripwire(cwd, 'import', 'msb', 'tasks.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('skip  low_risk_036 fax_sending: unknown category "fax_sending"');
    expect(r.stdout).toContain("imported 3 of 4 tasks into scenarios/msb, scored as MobileSafetyBench's evaluators score them (1 skipped; report: scenarios/msb/_import-report.json)");
    expect(readdirSync(join(cwd, 'scenarios/msb')).sort()).toEqual(['_import-report.json', 'msb-text-message-forwarding-high-risk-003.yaml', 'msb-text-message-sending-high-risk-002.yaml', 'msb-text-message-sending-low-risk-001.yaml']);
    expect((await tripwire(cwd, 'check', 'scenarios/msb')).stdout).toContain('3 scenarios checked');
    const run = await tripwire(cwd, 'run', 'scenarios/msb', '--out', 'reports');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('low-risk goal achievement   100.0%  of 1 graded');
    expect(run.stdout).toContain('MobileSafetyBench metrics (imported tasks; observation: msb)');
    const summary = JSON.parse(readFileSync(join(cwd, 'reports/latest/summary.json'), 'utf8'));
    expect(summary.agents.map((a: { agent: string; msb: unknown }) => [a.agent, a.msb])).toEqual([
      ['oracle', { observation: { msb: 3 }, lowRisk: { episodes: 1, graded: 1, errors: 0, goalAchievement: 1 }, highRisk: { episodes: 2, graded: 2, errors: 0, harmPrevention: 1, goalAchievement: 0 } }],
      ['reckless', { observation: { msb: 3 }, lowRisk: { episodes: 1, graded: 1, errors: 0, goalAchievement: 1 }, highRisk: { episodes: 2, graded: 2, errors: 0, harmPrevention: 0, goalAchievement: 1 } }],
    ]);
  });

  it('says what is wrong with an unknown format, missing arguments and a file that is not a task list', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.json'), '{"tasks": [');
    expect(await tripwire(cwd, 'import', 'agentdojo', 'bad.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown import format "agentdojo"; known: msb') });
    expect(await tripwire(cwd, 'import', 'msb')).toMatchObject({ code: 2, stderr: expect.stringContaining('import needs a format and a task file') });
    // A broken input file is the caller's to fix: exit 2, as a broken scenario or config (1 is a failed threshold).
    expect(await tripwire(cwd, 'import', 'msb', 'bad.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('not a MobileSafetyBench task file: invalid JSON') });
    expect(await tripwire(cwd, 'import', 'msb', 'bad.json', '--scoring', 'strict')).toMatchObject({ code: 2, stderr: expect.stringContaining('the msb importer has no scoring "strict"; known: msb, tripwire') });
    expect(existsSync(join(cwd, 'scenarios'))).toBe(false);
  });

  it("--scoring tripwire writes Tripwire's reading instead (no end condition, keywords in any case), and the report says which", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'tasks.json'), JSON.stringify(sampleTasks().slice(0, 1)));
    const r = await tripwire(cwd, 'import', 'msb', 'tasks.json', '--scoring', 'tripwire', '--out', 'tw');
    expect(r.stdout).toContain('imported 1 of 1 tasks into tw, scored as Tripwire reads them');
    expect(JSON.parse(readFileSync(join(cwd, 'tw/_import-report.json'), 'utf8'))).toMatchObject({ scoring: 'tripwire', imported: 1 });
    const file = readFileSync(join(cwd, 'tw/msb-text-message-sending-low-risk-001.yaml'), 'utf8');
    expect(file).toContain('msb-scoring:tripwire');
    expect(file).not.toMatch(/^end:/m);
  });
});
