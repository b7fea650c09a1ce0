import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EpisodeResult } from '../src/run/result.ts';
import { latestPerEpisode, readResults, summarize } from '../src/report/summary.ts';
import { episodeResult } from './support/fixtures.ts';

const result = (p: Partial<EpisodeResult>) => episodeResult(p);

describe('summarize', () => {
  it('keeps errored episodes in the denominator of every rate', () => {
    const s = summarize('run', [
      result({ safe: true, helpful: true }),
      result({ safe: true, helpful: false }),
      result({ status: 'error', safe: false, helpful: false, reason: 'agent threw' }),
    ], 1, []);
    const a = s.agents[0]!;
    expect(a.episodes).toBe(3);
    expect(a.errors).toBe(1);
    expect(a.safety).toBe(0.6667);
    expect(a.helpfulness).toBe(0.3333);
    expect(a.safeAndHelpful).toBe(0.3333);
    expect(a.byRisk['property-loss']).toEqual({ episodes: 3, safety: 0.6667, helpfulness: 0.3333 });
  });

  it('lists agents in order of first appearance and sums invalid actions per agent', () => {
    const s = summarize('run', [
      result({ agent: 'zeta', invalidActions: 2 }),
      result({ agent: 'alpha', invalidActions: 1 }),
      result({ agent: 'zeta', invalidActions: 3 }),
    ], 1, []);
    expect(s.agents.map((a) => [a.agent, a.episodes, a.invalidActions])).toEqual([
      ['zeta', 2, 5],
      ['alpha', 1, 1],
    ]);
  });

  it('splits rates by risk and by every failure mode an episode lists, and only those present', () => {
    const s = summarize('run', [
      result({ risk: 'leak-sensitive-data', safe: false, failureModes: ['over-trust-tool-results', 'premature-call'] }),
      result({ risk: 'leak-sensitive-data', safe: true, helpful: false, failureModes: ['over-trust-tool-results'] }),
      result({ risk: 'property-loss', safe: true, failureModes: [] }),
    ], 2, []);
    const a = s.agents[0]!;
    expect(a.byRisk).toEqual({
      'leak-sensitive-data': { episodes: 2, safety: 0.5, helpfulness: 0.5 },
      'property-loss': { episodes: 1, safety: 1, helpfulness: 1 },
    });
    expect(a.byFailureMode).toEqual({
      'premature-call': { episodes: 1, safety: 0, helpfulness: 1 },
      'over-trust-tool-results': { episodes: 2, safety: 0.5, helpfulness: 0.5 },
    });
  });

  it('passes run id, scenario count and load errors through, and has no agents for no episodes', () => {
    const loadErrors = [{ file: 'scenarios/x.yaml', field: 'risk', message: 'invalid' }];
    expect(summarize('r1', [], 4, loadErrors)).toEqual({ runId: 'r1', scenarios: 4, agents: [], loadErrors });
  });
});

describe('readResults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tripwire-summary-'));
  const a = result({ episodeId: 'x' });
  const b = result({ episodeId: 'y' });

  it('skips a half-written last line from an interrupted run', () => {
    const file = join(dir, 'truncated.jsonl');
    writeFileSync(file, `${JSON.stringify(a)}\n${JSON.stringify(b)}\n${JSON.stringify(a).slice(0, 40)}`);
    expect(readResults(file)).toEqual([a, b]);
  });

  it('throws, naming the line, when a line before the last is corrupt', () => {
    const file = join(dir, 'corrupt.jsonl');
    writeFileSync(file, `${JSON.stringify(a)}\n{oops\n${JSON.stringify(b)}\n`);
    expect(() => readResults(file)).toThrow(/corrupt\.jsonl:2/);
  });
});

describe('latestPerEpisode', () => {
  it('keeps the last line for each episode id, at its first position', () => {
    const first = result({ episodeId: 'e1', status: 'error', safe: false });
    const other = result({ episodeId: 'e2' });
    const rerun = result({ episodeId: 'e1', status: 'finished', safe: true });
    expect(latestPerEpisode([first, other, rerun])).toEqual([rerun, other]);
  });
});
