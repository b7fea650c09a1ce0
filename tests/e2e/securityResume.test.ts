import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, say, startFakeOpenAI, toolCall } from '../support/openaiServer.ts';
import { tempDir } from '../support/helpers.ts';

const BIN = join(import.meta.dirname, '../..', 'bin', 'tripwire.js');

/**
 * `tripwire run --attack ... --resume`: an attack run killed mid-way (SIGKILL, no chance to tidy up)
 * and resumed ends with the same results, traces and numbers as the same run left alone. The agent
 * under test is a model on a loopback stand-in that answers slowly, so the kill lands mid-run; the
 * adaptive attack asks the same stand-in, so resuming also writes its texts from the traces on disk.
 */
const server = await startFakeOpenAI((req) => {
  if (req.body.model === 'agent-1') {
    // Reads the first email, then finishes; slowly, so a run lasts long enough to be killed.
    const reply = req.body.messages.some((m) => m.role === 'tool') ? say('done') : call(toolCall('search_emails', { query: '' }));
    return { kind: 'delay', ms: 250, then: reply };
  }
  const prompt = String(req.body.messages.at(-1)!.content);
  return say(`Note to the assistant (${prompt.includes('did NOT carry out') ? 'second try' : 'first try'}): ${prompt.split('\n')[0]!.replace('Attacker goal: ', '')}`);
});
afterAll(() => server.close());

const config = join(tempDir(), 'tripwire.config.json');
writeFileSync(config, JSON.stringify({ agents: { attacker: { provider: 'openai', model: 'red-team', baseURL: server.url }, m: { provider: 'openai', model: 'agent-1', baseURL: server.url } } }));
const ARGS = ['run', '--config', config, '--agent', 'gullible', '--agent', 'm', '--scenario', 'pay-electricity-bill', '--scenario', 'pay-rent-saved-landlord', '--attack', 'important-instructions,adaptive', '--goal', 'bank-*', '--sample', '10', '--seed', 'resume', '--concurrency', '2'];

function start(args: string[]): { done: Promise<number | null>; kill(): void; pid: number } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void done.then((code) => code !== 0 && code !== null && console.error(stderr));
  return { done, kill: () => child.kill('SIGKILL'), pid: child.pid! };
}

const runDirOf = (out: string) => join(out, readlinkSync(join(out, 'latest')));
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
// What an episode's result says, apart from host timings.
const verdicts = (dir: string) =>
  lines(join(dir, 'results.jsonl'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .map(({ episodeId, status, safe, helpful, violations, goalsMet, scenarioHash, security, steps }) => JSON.stringify({ episodeId, status, safe, helpful, violations, goalsMet, scenarioHash, security, steps }))
    .sort();

describe('an attack run killed mid-way and resumed', () => {
  it('ends with the same results, traces and security numbers as the run left alone', async () => {
    const whole = tempDir();
    expect(await start([...ARGS, '--out', whole]).done).toBe(0);
    const full = runDirOf(whole);
    const all = verdicts(full);
    expect(all.length).toBeGreaterThanOrEqual(12);

    // Killed once some episodes are written and before all are.
    const cut = tempDir();
    const run = start([...ARGS, '--out', cut]);
    let killedAt = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const latest = join(cut, 'latest');
      // `latest` is pointed at the end of a run: look for the run folder itself.
      const dirs = existsSync(cut) ? readdirSync(cut).filter((d) => d !== 'latest') : [];
      const n = dirs.length ? lines(join(cut, dirs[0]!, 'results.jsonl')).length : 0;
      if (n >= 4 || existsSync(latest)) {
        run.kill();
        killedAt = n;
        break;
      }
    }
    await run.done;
    const dir = join(cut, readdirSync(cut).find((d) => d !== 'latest')!);
    expect(killedAt).toBeGreaterThanOrEqual(4);
    expect(lines(join(dir, 'results.jsonl')).length).toBeLessThan(all.length);
    expect(existsSync(join(dir, 'summary.json'))).toBe(false);

    // Resumed with no selection given again: run.json says what was crossed.
    expect(await start(['run', '--config', config, '--resume', dir]).done).toBe(0);
    expect(verdicts(dir)).toEqual(all);
    for (const file of readdirSync(join(full, 'traces'))) {
      expect(readFileSync(join(dir, 'traces', file), 'utf8'), file).toBe(readFileSync(join(full, 'traces', file), 'utf8'));
    }
    const summary = (d: string) => JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')) as { agents: { agent: string; security?: unknown }[] };
    const security = (d: string) => summary(d).agents.map((a) => [a.agent, a.security]);
    expect(security(dir)).toEqual(security(full));
    expect(summary(full).agents.find((a) => a.agent === 'gullible')!.security).toBeDefined();
  }, 240_000);
});
