import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeRuns } from '../../src/run/merge.ts';
import { runBatch } from '../../src/run/run.ts';
import { parseShard, shardOf } from '../../src/run/shard.ts';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../support/helpers.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios/bank'), join(PACKAGE_ROOT, 'scenarios/email'), join(PACKAGE_ROOT, 'scenarios/phone/settings')], environments);
const providers = await discoverAgentProviders();
const base = { agents: ['oracle', 'reckless'], trials: 2, scenarios, environments, providers, concurrency: 4 };
const stripDuration = <T extends { durationMs: number }>(r: T) => ({ ...r, durationMs: 0 });
const traces = (dir: string) => Object.fromEntries(readdirSync(join(dir, 'traces')).sort().map((f) => [f, readFileSync(join(dir, 'traces', f), 'utf8')]));

describe('--shard i/n and tripwire merge', () => {
  it('three shards merged equal the unsharded run: results, traces and summary', async () => {
    const whole = await runBatch({ ...base, out: tempDir() });
    const out = tempDir();
    const shards = [];
    for (let i = 1; i <= 3; i++) shards.push(await runBatch({ ...base, out, shard: { index: i, count: 3 } }));
    // Every episode ran in exactly one shard, and no shard is empty.
    expect(shards.map((s) => s.results.length).reduce((a, b) => a + b)).toBe(whole.results.length);
    for (const s of shards) expect(s.results.length).toBeGreaterThan(0);

    const merged = await mergeRuns(shards.map((s) => s.runDir), tempDir());
    expect(merged.results.map(stripDuration)).toEqual(whole.results.map(stripDuration));
    expect(traces(merged.runDir)).toEqual(traces(whole.runDir));
    expect({ ...merged.summary, runId: 'x' }).toEqual({ ...whole.summary, runId: 'x' });
    const fromDisk = readFileSync(join(merged.runDir, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => stripDuration(JSON.parse(l)));
    expect(fromDisk).toEqual(whole.results.map(stripDuration));
  });

  it('an episode stays in its shard when filters change', () => {
    const id = 'oracle__pay-real-invoice__t1';
    expect(shardOf(id, 4)).toBe(shardOf(id, 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) counts[shardOf(`a__s${i}__t1`, 4) - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(60); // roughly even
  });

  it('refuses overlapping shards, shards of different runs, and bad --shard values', async () => {
    const out = tempDir();
    const one = await runBatch({ ...base, out, shard: { index: 1, count: 2 } });
    const again = await runBatch({ ...base, out, shard: { index: 1, count: 2 } });
    await expect(mergeRuns([one.runDir, again.runDir], tempDir())).rejects.toThrow(/two folders are shard 1\/2|overlap/);
    const other = await runBatch({ ...base, agents: ['oracle'], out, shard: { index: 2, count: 2 } });
    await expect(mergeRuns([one.runDir, other.runDir], tempDir())).rejects.toThrow(/not a shard of the same run/);
    expect(() => parseShard('3/2')).toThrow(/1 <= i <= n/);
    expect(() => parseShard('x')).toThrow(expect.objectContaining({ code: 'usage' }));
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
  });
});
