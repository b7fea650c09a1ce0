import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { runBatch } from '../../src/run/run.ts';
import { addSecret } from '../../src/run/secrets.ts';
import type { TraceRecord } from '../../src/grading/trace.ts';
import { load } from '../../src/cli/shared.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { readRun } from '../support/mcpClient.ts';

const ID = 'duplicate-invoice';
const { scenarios } = await load([], [ID]);
const KEY = 'sk-tripwire-own-key-5d1c9a7e3b';
/** Running, not a zombie: a killed orphan waits in the process table until something reaps it. */
const alive = (pid: number) => {
  const stat = `/proc/${pid}/stat`;
  return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
};

describe('exec agents that misbehave: each episode ends clearly, and the run goes on', () => {
  it('never connects (limit), crashes (error with code and stderr), ignores SIGTERM (killed with its children), floods output (capped, redacted), and keeps no credential', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o777); // the programs may run as a uid of their own
    process.env.OPENAI_API_KEY = KEY;
    process.env.DATABASE_URL = 'postgres://app:hunter22@db.internal/app';
    process.env.PLAIN_SETTING = 'kept';
    addSecret(KEY);
    const program = (name: string) => `node tests/serve/programs/${name}.mjs`;
    const config = TripwireConfig.parse({
      limits: { wallMs: 4000 },
      agents: {
        never: { provider: 'exec', command: program('never-connects'), exitGraceMs: 100, killGraceMs: 500 },
        crash: { provider: 'exec', command: program('crashes') },
        midway: { provider: 'exec', command: program('calls-then-crashes') },
        stubborn: { provider: 'exec', command: program('ignores-sigterm'), env: { REPORT_TO: join(dir, 'stubborn.json') }, exitGraceMs: 100, killGraceMs: 500 },
        env: { provider: 'exec', command: program('shows-env'), env: { REPORT_TO: join(dir, 'env.json') }, maxOutputBytes: 4096 },
        'env-pass': { provider: 'exec', command: program('shows-env'), env: { REPORT_TO: join(dir, 'env-pass.json') }, passEnv: ['OPENAI_API_KEY'] },
      },
    });
    const out = tempDir();
    const { results } = await runBatch({
      agents: ['never', 'crash', 'midway', 'stubborn', 'env', 'env-pass'], trials: 1, scenarios, environments,
      providers: await discoverAgentProviders(), concurrency: 6, out, config,
    });
    const by = new Map(results.map((r) => [r.agent, r]));
    const { traces } = readRun(out);
    const processOf = (agent: string) => traces.get(by.get(agent)!.episodeId)!.find((r) => r.kind === 'process') as Extract<TraceRecord, { kind: 'process' }>;

    expect(results).toHaveLength(6);
    expect(by.get('never')).toMatchObject({ status: 'limit', steps: 0, reason: 'wall-time limit of 4000 ms reached' });
    expect(processOf('never')).toMatchObject({ killed: 'SIGTERM', exit: { code: null, signal: 'SIGTERM' } });

    expect(by.get('crash')).toMatchObject({ status: 'error', steps: 0 });
    expect(by.get('crash')!.reason).toMatch(/^agent failed: the program exited with code 3; stderr ends: Error: the model server refused the connection/);
    expect(processOf('crash')).toMatchObject({ exit: { code: 3, signal: null }, stdout: 'starting\n' });
    // The report shows it with the episode's trace.
    expect(readFileSync(join(out, 'latest', 'index.html'), 'utf8')).toContain('program <code>node tests/serve/programs/crashes.mjs</code>: exit code 3');

    // A crash after a call: the call counted, the crash is the episode's error.
    expect(by.get('midway')).toMatchObject({ status: 'error', steps: 1 });
    expect(by.get('midway')!.reason).toMatch(/exited with code 2; stderr ends: TypeError/);

    expect(by.get('stubborn')).toMatchObject({ status: 'limit' });
    expect(processOf('stubborn')).toMatchObject({ killed: 'SIGKILL', exit: { signal: 'SIGKILL' }, stderr: expect.stringContaining('SIGTERM ignored') });
    // Its pids are its namespace's; its child is found by the report path in its command line.
    const report = join(dir, 'stubborn.json');
    expect(existsSync(report)).toBe(true);
    const left = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && alive(Number(p)) && readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(report));
    expect(left).toEqual([]);

    // Exit 0 without a finish call: the last line of stdout is the answer.
    expect(by.get('env')).toMatchObject({ status: 'finished', steps: 1 });
    const envTrace = traces.get(by.get('env')!.episodeId)!;
    expect(envTrace.find((r) => r.kind === 'action')).toMatchObject({ action: { type: 'finish', answer: 'I could not do it without tools.' } });
    const out1 = processOf('env');
    expect(out1.stderr.length).toBeLessThan(4200);
    expect(out1.stderr).toMatch(/^\[… 95904 bytes dropped\]\nx+$/);
    expect(out1.stdout).toContain('my key is not here');
    expect(out1.stdout).toContain('the token is [redacted]');
    const seen = JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')) as { env: Record<string, string>; cwd: string };
    expect(seen.env.OPENAI_API_KEY).toBeUndefined();
    expect(seen.env.DATABASE_URL).toBeUndefined();
    expect(seen.env.PLAIN_SETTING).toBe('kept');
    expect(seen.env.TRIPWIRE_TASK).toBe(scenarios[0]!.scenario.instruction);
    expect(seen.env.TRIPWIRE_MCP_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(seen.env.TRIPWIRE_MCP_TOKEN).toMatch(/^[\w-]{32}$/);
    expect(Object.keys(seen.env).filter((k) => k.startsWith('TRIPWIRE_')).sort()).toEqual(['TRIPWIRE_MCP_TOKEN', 'TRIPWIRE_MCP_URL', 'TRIPWIRE_TASK']);
    // Its own folder, removed after the episode.
    expect(seen.cwd).toBe(seen.env.HOME);
    expect(seen.cwd).not.toBe(process.cwd());
    expect(existsSync(seen.cwd)).toBe(false);

    // Passed on by name in the config: the program gets it; the trace still never shows it.
    const passed = JSON.parse(readFileSync(join(dir, 'env-pass.json'), 'utf8')) as { env: Record<string, string> };
    expect(passed.env.OPENAI_API_KEY).toBe(KEY);
    expect(processOf('env-pass').stdout).toContain('my key is [redacted]');
    for (const trace of traces.values()) expect(JSON.stringify(trace)).not.toContain(KEY.slice(0, 12));
    for (const name of ['OPENAI_API_KEY', 'DATABASE_URL', 'PLAIN_SETTING']) delete process.env[name];
  }, 60_000);
});
