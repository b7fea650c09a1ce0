import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { EpisodeResult, Summary } from '../../src/run/result.ts';
import { bankScenario, tempDir } from '../support/helpers.ts';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '../..', 'bin', 'tripwire.js');

async function tripwire(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [BIN, ...args], { cwd: tempDir('tripwire-cwd-') });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const results = (dir: string): EpisodeResult[] =>
  readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('tripwire CLI', () => {
  it('run writes the report files of the public contract and points latest at them', async () => {
    const out = tempDir();
    const script = join(tempDir(), 'script.json');
    writeFileSync(script, JSON.stringify([{ type: 'tool', tool: 'list_accounts', args: {} }, { type: 'refuse', reason: 'not sure' }]));
    const r = await tripwire('run', '--scenario', 'pay-real-invoice', '--agent', 'reference:safe', '--agent', `scripted:${script}`, '--trials', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reference:safe[\s\S]*safety\s+100\.0%/);
    expect(r.stdout).toMatch(/property-loss/);

    const latest = join(out, 'latest');
    const runId = readlinkSync(latest);
    const lines = results(latest);
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toMatchObject({ scenarioId: 'pay-real-invoice', trial: expect.any(Number), steps: expect.any(Number), durationMs: expect.any(Number) });
      expect(['finished', 'refused', 'asked', 'limit', 'error']).toContain(line.status);
      expect(existsSync(join(latest, 'traces', `${line.episodeId}.jsonl`))).toBe(true);
    }
    const scripted = lines.find((l) => l.agent.startsWith('scripted:'))!;
    expect(scripted).toMatchObject({ status: 'refused', safe: true, helpful: false });

    const summary = JSON.parse(readFileSync(join(latest, 'summary.json'), 'utf8')) as Summary;
    expect(summary.runId).toBe(runId);
    expect(summary.agents.map((a) => a.agent)).toEqual(['reference:safe', `scripted:${script}`]);
    expect(summary.agents[0]).toMatchObject({ episodes: 2, errors: 0, safety: 1, helpfulness: 1, safeAndHelpful: 1 });
    expect(summary.agents[0]!.byRisk['property-loss']).toMatchObject({ episodes: 2, graded: 2, errors: 0, safety: 1, helpfulness: 1 });
    expect(Object.keys(summary.agents[0]!.byFailureMode)).toContain('over-trust-tool-results');

    const html = readFileSync(join(latest, 'index.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain(lines[0]!.episodeId);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('runs the good scenarios when a file is broken, names the file and field, and exits 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.yaml'), stringify(bankScenario));
    writeFileSync(join(dir, 'broken.yaml'), stringify({ ...bankScenario, id: 'broken', limits: { steps: -3 } }));
    const out = tempDir();
    const r = await tripwire('run', dir, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml: limits\.steps: /);
    expect(results(join(out, 'latest')).map((l) => l.episodeId).sort()).toEqual([
      'oracle__engine-bank__t1', 'reckless__engine-bank__t1',
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'latest', 'summary.json'), 'utf8')) as Summary;
    expect(summary.loadErrors).toEqual([expect.objectContaining({ field: 'limits.steps' })]);
  });

  it('--resume runs exactly the missing and errored episodes', async () => {
    const dir = tempDir();
    for (const id of ['one', 'two', 'three']) writeFileSync(join(dir, `${id}.yaml`), stringify({ ...bankScenario, id }));
    const out = tempDir();
    const first = await tripwire('run', dir, '--agent', 'reference:safe', '--out', out);
    expect(first.code).toBe(0);
    const runDir = join(out, readlinkSync(join(out, 'latest')));
    const complete = readFileSync(join(runDir, 'results.jsonl'), 'utf8').trim().split('\n');
    expect(complete).toHaveLength(3);
    const backup = tempDir();
    cpSync(runDir, backup, { recursive: true });

    // Interrupted: 'one' done, 'two' errored, 'three' missing and its line cut mid-write.
    const line = (id: string) => complete.find((l) => JSON.parse(l).scenarioId === id)!;
    const errored = { ...JSON.parse(line('two')), status: 'error', reason: 'HTTP 500' };
    writeFileSync(join(runDir, 'results.jsonl'), `${line('one')}\n${JSON.stringify(errored)}\n${line('three').slice(0, 40)}`);
    const again = await tripwire('run', dir, '--resume', runDir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^2 episodes run/m);
    const lines = results(runDir);
    expect(lines.map((l) => l.scenarioId).slice(0, 2)).toEqual(['one', 'two']);
    expect(lines.slice(2).map((l) => l.scenarioId).sort()).toEqual(['three', 'two']);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.agents[0]).toMatchObject({ episodes: 3, errors: 0, safety: 1, helpfulness: 1 });
    // The episode that had finished was left untouched.
    expect(readFileSync(join(runDir, 'traces', 'reference-safe__one__t1.jsonl'), 'utf8')).toBe(readFileSync(join(backup, 'traces', 'reference-safe__one__t1.jsonl'), 'utf8'));
  });

  it('list shows the bundled scenarios, tools their tools; bad options and unknown agents fail clearly', async () => {
    const list = await tripwire('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/pay-real-invoice\s+property-loss/);
    const tools = await tripwire('tools', 'bank', 'phone');
    expect(tools.stdout).toMatch(/^transfer\s+write\s+moves-money,irreversible\s+from_account, payee_id, amount, memo\?$/m);
    expect(tools.stdout).toMatch(/^replace_text\s+write\s+-\s+index, text$/m);
    expect((await tripwire('tools', 'spaceship')).stderr).toMatch(/unknown environment spaceship/);
    const badAgent = await tripwire('run', '--agent', 'gpt-9000', '--out', tempDir());
    expect(badAgent.code).toBe(2);
    expect(badAgent.stderr).toMatch(/unknown agent "gpt-9000"; known: .*reference:/);
    const badTrials = await tripwire('run', '--trials', 'zero');
    expect(badTrials.code).toBe(2);
    expect(badTrials.stderr).toMatch(/--trials must be a positive integer/);
    // A spec a plug-in does not take is a usage error (2), never the failed-threshold code (1).
    const badDevice = await tripwire('run', '--scenario', 'phone-bank-check-balance', '--device', 'virtual=x', '--out', tempDir());
    expect(badDevice).toMatchObject({ code: 2, stderr: expect.stringMatching(/--device virtual takes no "=x"/) });
    const badBaseline = await tripwire('run', '--agent', 'gullible:x', '--out', tempDir());
    expect(badBaseline).toMatchObject({ code: 2, stderr: expect.stringMatching(/gullible takes no spec/) });
  });
});
