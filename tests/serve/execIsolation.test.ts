import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { runBatch } from '../../src/run/run.ts';
import type { TraceRecord } from '../../src/grading/trace.ts';
import { load } from '../../src/cli/shared.ts';
import { isolation } from '../../agents/exec/sandbox.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { readRun } from '../support/mcpClient.ts';

/*
 * The attack of issue 25, replayed: an exec agent reads /proc/<ppid>/environ for Tripwire's
 * credentials and every /proc/<pid>/environ for other episodes' MCP tokens, and leaves a grandchild
 * in a session of its own holding stdout open.
 */

const { scenarios } = await load([], ['duplicate-invoice']);
const CREDENTIALS = {
  OPENAI_API_KEY: 'sk-tripwire-own-key-5d1c9a7e3b',
  AWS_SECRET_ACCESS_KEY: 'aws/SECRET+0123456789abcdef',
  GH_PAT: 'ghp_0123456789abcdefghijklmnop',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T000/B000/XXXXXXXX',
  SENTRY_DSN: 'https://0123456789abcdef@o1.ingest.sentry.test/1',
  GPG_PASSPHRASE: 'correct horse battery staple',
  MY_CREDS: 'user:creds-0123456789',
  DATABASE_URL: 'postgres://app:hunter22@db.internal/app',
};

/** Host processes whose command line carries the mark: leftovers of an episode. */
const leftovers = (mark: string) =>
  readdirSync('/proc').filter((p) => {
    try {
      return /^\d+$/.test(p) && readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(mark) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${p}/stat`, 'utf8'));
    } catch {
      return false;
    }
  });

async function attack(isolationSetting: 'auto' | 'off') {
  const dir = tempDir();
  chmodSync(dir, 0o777); // the program may run as a uid of its own
  const mark = `leftover-${Math.random().toString(36).slice(2)}`;
  Object.assign(process.env, CREDENTIALS);
  const config = TripwireConfig.parse({
    limits: { wallMs: 20_000 },
    agents: {
      a: { provider: 'exec', command: 'node tests/serve/programs/reads-proc.mjs', env: { REPORT_DIR: dir, LEFTOVER_MARK: mark }, passEnv: ['GH_PAT'], isolation: isolationSetting, exitGraceMs: 100, killGraceMs: 300 },
      b: { provider: 'exec', command: 'node tests/serve/programs/reads-proc.mjs', env: { REPORT_DIR: dir, LEFTOVER_MARK: mark }, isolation: isolationSetting, exitGraceMs: 100, killGraceMs: 300 },
    },
  });
  const out = tempDir();
  const started = Date.now();
  try {
    const { results } = await runBatch({ agents: ['a', 'b'], trials: 2, scenarios, environments, providers: await discoverAgentProviders(), concurrency: 4, out, config });
    const seconds = (Date.now() - started) / 1000;
    const reports = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { own: string; ppid: number; parent: string[]; uid: number; seen: Record<string, string[]> });
    return { results, seconds, reports, traces: readRun(out).traces, left: leftovers(mark) };
  } finally {
    for (const name of Object.keys(CREDENTIALS)) delete process.env[name];
  }
}

describe('an exec agent cannot reach what is not its own', () => {
  it.runIf(isolation() !== 'none')('in its namespace, /proc shows no credential of Tripwire and no other episode token; its leftovers end with the episode', async () => {
    const { results, seconds, reports, traces, left } = await attack('auto');
    expect(results.map((r) => r.status)).toEqual(['finished', 'finished', 'finished', 'finished']);
    expect(reports).toHaveLength(4);
    for (const r of reports) {
      const values = Object.values(r.seen).flat().join('\n');
      for (const [name, value] of Object.entries(CREDENTIALS)) if (name !== 'GH_PAT') expect(values, name).not.toContain(value);
      // The only MCP token it can find is its own.
      expect(r.seen.TRIPWIRE_MCP_TOKEN).toEqual([r.own]);
      expect(r.ppid).toBe(1);
      if (isolation() === 'namespace-user') expect(r.uid).toBeGreaterThanOrEqual(1_000_000);
    }
    // The grandchild holding stdout open neither held the episodes open nor outlived them.
    expect(seconds).toBeLessThan(15);
    expect(left).toEqual([]);
    // Passed on by name, GH_PAT reached the program; the trace never shows it.
    for (const trace of traces.values()) {
      const text = JSON.stringify(trace);
      for (const value of Object.values(CREDENTIALS)) expect(text).not.toContain(value);
      const proc = trace.find((x) => x.kind === 'process') as Extract<TraceRecord, { kind: 'process' }>;
      expect(proc.stdout).toMatch(/GH_PAT is (\[redacted\]|not here)/);
    }
  }, 60_000);

  it('without isolation (`isolation: off`), what still holds: a filtered environment, and no leftover process or held episode', async () => {
    const { results, seconds, reports, left } = await attack('off');
    expect(results.map((r) => r.status)).toEqual(['finished', 'finished', 'finished', 'finished']);
    // What does not hold: Tripwire's own initial environment block is readable in /proc (the README says so).
    for (const r of reports) {
      expect(r.parent.length).toBeGreaterThan(0);
      expect(r.parent).not.toContain('TRIPWIRE_MCP_TOKEN');
    }
    expect(seconds).toBeLessThan(15);
    expect(left).toEqual([]);
  }, 60_000);
});
