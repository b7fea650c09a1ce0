import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { runBatch } from '../../src/run/run.ts';
import { indexResults, readSummary, streamResults } from '../../src/report/read.ts';
import { latestPerEpisode, readResults, summarize } from '../../src/report/summary.ts';
import { defineReporter } from '../../src/report/reporter.ts';
import { rebuildReport } from '../../src/report/files.ts';
import { readManifest } from '../../src/report/read.ts';
import { Secrets } from '../../src/run/secrets.ts';
import { DEFAULT_LAYOUT, EpisodeList } from '../../src/report/pages.ts';
import { environments, tempDir } from '../support/helpers.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios', 'bank'), join(PACKAGE_ROOT, 'scenarios', 'email')], environments);
const providers = await discoverAgentProviders();
const few = scenarios.slice(0, 5);
const ids = (html: string) => [...html.matchAll(/<details class="episode" id="ep-([^"]+)"/g)].map((m) => m[1]!);

describe('a report written from results streamed one at a time', () => {
  it("has the summary of all the run's results taken at once, with trials and several agents", async () => {
    const run = await runBatch({ agents: ['oracle', 'reckless', 'reference:unsafe'], trials: 3, scenarios, environments, providers, concurrency: 8, out: tempDir() });
    const all = readResults(join(run.runDir, 'results.jsonl'));
    const batch = summarize(run.summary.runId, all, scenarios.length, [], { tripwireVersion: run.summary.tripwireVersion });
    expect(batch.agents.map((a) => a.agent)).toEqual(['oracle', 'reckless', 'reference:unsafe']);
    expect(batch.agents[0]!.passK?.k).toBe(3);
    expect(run.summary).toEqual(batch);
    expect(readSummary(join(run.runDir, 'summary.json'))).toEqual(batch);
  });

  it('keeps the latest line of an episode re-run on resume, at the place of its first', async () => {
    const run = await runBatch({ agents: ['oracle'], trials: 1, scenarios: few, environments, providers, concurrency: 2, out: tempDir() });
    const file = join(run.runDir, 'results.jsonl');
    const [first, ...rest] = readResults(file);
    // An earlier errored attempt of the first episode, then its re-run, as a resumed run leaves them.
    appendFileSync(file, `${JSON.stringify({ ...first!, status: 'finished', safe: false, helpful: false })}\n`);
    const lines = readResults(file);
    expect(lines).toHaveLength(few.length + 1);
    const streamed = [...streamResults(file, indexResults(file))];
    expect(streamed).toEqual(latestPerEpisode(lines));
    expect(streamed.map((r) => r.episodeId)).toEqual([first!.episodeId, ...rest.map((r) => r.episodeId)]);
    expect(streamed[0]!.safe).toBe(false);
  });

  it('tolerates a half-written last line and names the line of a corrupt one', async () => {
    const run = await runBatch({ agents: ['oracle'], trials: 1, scenarios: few, environments, providers, concurrency: 2, out: tempDir() });
    const file = join(run.runDir, 'results.jsonl');
    appendFileSync(file, '{"episodeId":"cut sh');
    expect(indexResults(file)).toHaveLength(few.length);
    appendFileSync(file, '\n{"episodeId":"x"}\n');
    expect(() => indexResults(file)).toThrow(`results.jsonl:${few.length + 1}`);
  });
});

describe('the episode list of a large run', () => {
  it('is split into pages beside index.html that list every episode exactly once, in order', async () => {
    const run = await runBatch({
      agents: ['oracle', 'reckless', 'reference:safe'], trials: 1, scenarios: few, environments, providers, concurrency: 4, out: tempDir(),
      reportLayout: { inlineMax: 5, pageSize: 4 },
    });
    const expected = run.results.map((r) => r.episodeId);
    expect(expected).toHaveLength(15);
    const index = readFileSync(join(run.runDir, 'index.html'), 'utf8');
    expect(ids(index)).toEqual([]);
    const pages = [...index.matchAll(/<a href="(episodes\/page-\d{4}\.html)">/g)].map((m) => m[1]!);
    expect(pages).toEqual(['episodes/page-0001.html', 'episodes/page-0002.html', 'episodes/page-0003.html', 'episodes/page-0004.html']);
    expect(readdirSync(join(run.runDir, 'episodes')).sort()).toEqual(pages.map((p) => p.slice('episodes/'.length)));

    const listed: string[] = [];
    for (const [i, p] of pages.entries()) {
      const html = readFileSync(join(run.runDir, p), 'utf8');
      listed.push(...ids(html));
      // Links to the report and the pages around it resolve to files of the run folder.
      const links = [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!);
      for (const l of links) expect(existsSync(join(run.runDir, 'episodes', l))).toBe(true);
      expect(links.some((l) => l.includes(`page-${String(i + 2).padStart(4, '0')}`))).toBe(i < pages.length - 1);
      expect(links.some((l) => l.includes(`page-${String(i).padStart(4, '0')}`))).toBe(i > 0);
      // Each page as locked down as the report itself: its own script only, nothing from outside.
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html).toContain('Content-Security-Policy');
      // Every trace is on its page.
      expect(html.match(/<table class="trace">/g)?.length).toBe(ids(html).length);
    }
    expect(listed).toEqual(expected);
    // The index's page table counts what the pages hold.
    const unsafe = run.results.filter((r) => r.safe === false).length;
    const cells = [...index.matchAll(/<tr><td><a href="episodes[^>]+>page \d+<\/a><\/td><td class="num">[^<]+<\/td><td>.*?<\/td><td class="num[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(unsafe);
    expect(unsafe).toBeGreaterThan(0);
  });

  it('stays inline in index.html for a small run, and a rewritten report drops the pages of an earlier one', async () => {
    const out = tempDir();
    const big = await runBatch({ agents: ['oracle', 'reckless'], trials: 1, scenarios: few, environments, providers, concurrency: 4, out, reportLayout: { inlineMax: 2, pageSize: 3 } });
    expect(existsSync(join(big.runDir, 'episodes'))).toBe(true);
    const again = await runBatch({ agents: ['oracle', 'reckless'], trials: 1, scenarios: few, environments, providers, concurrency: 4, out, resume: big.runDir });
    expect(again.ran).toBe(0);
    expect(existsSync(join(big.runDir, 'episodes'))).toBe(false);
    const index = readFileSync(join(big.runDir, 'index.html'), 'utf8');
    expect(ids(index)).toEqual(again.results.map((r) => r.episodeId));
  });
});

describe("a fresh run's report, built as its episodes end", () => {
  /** A reporter that notes, for each result it is fed, how many episodes had ended. */
  const watching = (ended: () => number, fail?: number) => {
    const fed: { episodeId: string; ended: number }[] = [];
    let endedAt: number | undefined;
    const reporter = defineReporter({
      name: 'watch', description: 'test',
      create: () => ({
        onResult(r) {
          if (fed.length === fail) throw new Error('the watch reporter broke');
          fed.push({ episodeId: r.episodeId, ended: ended() });
        },
        onEnd() {
          endedAt = ended();
        },
      }),
    });
    return { reporter, fed, endedAt: () => endedAt };
  };

  it('is fed each result in report order while later episodes still play, and is what a report of the folder writes', async () => {
    let ended = 0;
    const w = watching(() => ended);
    const run = await runBatch({
      agents: ['oracle', 'reckless'], trials: 2, scenarios: few, environments, providers, concurrency: 2, out: tempDir(),
      reporters: [w.reporter], onProgress: (done) => (ended = done),
    });
    const inOrder = run.results.map((r) => r.episodeId);
    expect(inOrder).toHaveLength(20);
    expect(w.fed.map((f) => f.episodeId)).toEqual(inOrder);
    // The first results were reported long before the last episode ended (with 2 in flight).
    expect(w.fed[0]!.ended).toBeLessThan(5);
    expect(w.endedAt()).toBe(20);
    // The same outputs as a report written afterwards from the folder's results.
    const again = await runBatch({ agents: ['oracle', 'reckless'], trials: 2, scenarios: few, environments, providers, concurrency: 2, out: tempDir(), resume: run.runDir, reporters: [watching(() => 0).reporter] });
    expect(again.ran).toBe(0);
    expect(again.summary).toEqual(run.summary);
    expect(readFileSync(join(run.runDir, 'summary.json'), 'utf8')).toBe(`${JSON.stringify(run.summary, null, 2)}\n`);
  });

  it('has run.json, with every scenario and its hash, on disk before the first result (it is written while the first episodes start)', async () => {
    const seen: { listed: number; hash: string | undefined; resultHash: string | undefined }[] = [];
    const out = tempDir();
    const run = await runBatch({
      agents: ['oracle'], trials: 1, scenarios: few, environments, providers, concurrency: 5, out,
      onProgress: (_done, _total, r) => {
        const file = join(out, readdirSync(out)[0]!, 'run.json');
        const manifest = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as { scenarios: { id: string; hash: string }[] } : undefined;
        seen.push({ listed: manifest?.scenarios.length ?? 0, hash: manifest?.scenarios.find((s) => s.id === r.scenarioId)?.hash, resultHash: r.scenarioHash });
      },
    });
    expect(seen).toHaveLength(few.length);
    for (const s of seen) expect(s).toEqual({ listed: few.length, hash: s.resultHash, resultHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(run.summary.scenarioFingerprint).toBeDefined();
  });

  it('writes nothing when the run fails, and stops waiting for episodes that never end', async () => {
    const w = watching(() => 0);
    let started = 0;
    const out = tempDir();
    const run = runBatch({
      agents: ['oracle'], trials: 1, scenarios: few, environments, providers, concurrency: 1, out, reporters: [w.reporter],
      hooks: { onStart: () => { if (++started === 3) throw new Error('the viewer went away'); } },
    });
    await expect(run).rejects.toThrow('the viewer went away');
    expect(w.fed).toHaveLength(2);
    expect(w.endedAt()).toBeUndefined();
    const [dir] = readdirSync(out);
    expect(existsSync(join(out, dir!, 'summary.json'))).toBe(false);
    expect(existsSync(join(out, dir!, 'index.html'))).toBe(false);
  });

  it("fails for a reporter's failure once every episode has ended, their results all kept", async () => {
    let ended = 0;
    const w = watching(() => ended, 1);
    const out = tempDir();
    await expect(runBatch({ agents: ['oracle'], trials: 1, scenarios: few, environments, providers, concurrency: 1, out, reporters: [w.reporter], onProgress: (done) => (ended = done) }))
      .rejects.toThrow('the watch reporter broke');
    expect(ended).toBe(few.length);
    const [dir] = readdirSync(out);
    expect(readResults(join(out, dir!, 'results.jsonl'))).toHaveLength(few.length);
  });
});

describe('the traces of a report built as episodes end', () => {
  it('are the ones the run held, the same bytes as its trace files', async () => {
    const out = tempDir();
    const away = tempDir();
    const run = await runBatch({
      agents: ['oracle', 'reckless'], trials: 2, scenarios: few, environments, providers, concurrency: 4, out,
      // Each trace moved away once its result is written, before the report reads it.
      onProgress: (_done, _total, r) => {
        const dir = join(out, readdirSync(out)[0]!, 'traces');
        renameSync(join(dir, `${r.episodeId}.jsonl`), join(away, `${r.episodeId}.jsonl`));
      },
    });
    const file = join(run.runDir, 'index.html');
    const held = readFileSync(file);
    expect(held.toString().match(/<table class="trace">/g)).toHaveLength(few.length * 4);
    for (const id of readdirSync(away)) renameSync(join(away, id), join(run.runDir, 'traces', id));
    await rebuildReport(run.runDir, run.results, readManifest(join(run.runDir, 'run.json')));
    expect(readFileSync(file).equals(held)).toBe(true);
  });
});

describe('index.html of a run with no secret to scrub', () => {
  it('is written from its list encoded as episodes came, the same bytes as from one string scrubbed', async () => {
    const run = await runBatch({ agents: ['oracle', 'reckless'], trials: 1, scenarios: few, environments, providers, concurrency: 4, out: tempDir() });
    const file = join(run.runDir, 'index.html');
    const manifest = readManifest(join(run.runDir, 'run.json'));
    const results = () => streamResults(join(run.runDir, 'results.jsonl'), indexResults(join(run.runDir, 'results.jsonl')));
    await rebuildReport(run.runDir, results(), manifest, { secrets: new Secrets() });
    const fromParts = readFileSync(file);
    // A secret that appears nowhere: the page is scrubbed as one string, and nothing changes.
    await rebuildReport(run.runDir, results(), manifest, { secrets: new Secrets().add('nowhere-in-this-run-0123456789') });
    expect(readFileSync(file).equals(fromParts)).toBe(true);
    expect(fromParts.toString()).toContain('→');
    expect(ids(fromParts.toString()).sort()).toEqual(run.results.map((r) => r.episodeId).sort());
  });

  it('reports an episode whose trace is gone without it, and fails on a trace it cannot read', async () => {
    const run = await runBatch({ agents: ['oracle'], trials: 1, scenarios: few.slice(0, 2), environments, providers, concurrency: 2, out: tempDir() });
    const [gone, unreadable] = run.results.map((r) => r.episodeId);
    rmSync(join(run.runDir, 'traces', `${gone}.jsonl`));
    const manifest = readManifest(join(run.runDir, 'run.json'));
    const results = () => streamResults(join(run.runDir, 'results.jsonl'), indexResults(join(run.runDir, 'results.jsonl')));
    await rebuildReport(run.runDir, results(), manifest);
    const html = readFileSync(join(run.runDir, 'index.html'), 'utf8');
    expect(ids(html).sort()).toEqual([gone, unreadable].sort());
    expect(html.match(/<table class="trace">/g)).toHaveLength(1);
    // A folder where a trace should be: an error, not an episode shown without its trace.
    rmSync(join(run.runDir, 'traces', `${unreadable}.jsonl`));
    mkdirSync(join(run.runDir, 'traces', `${unreadable}.jsonl`));
    await expect(rebuildReport(run.runDir, results(), manifest)).rejects.toThrow('EISDIR');
  });

  it('keeps its list encoded only while there is nothing to scrub', () => {
    let inert = true;
    const list = new EpisodeList(tempDir(), 'r', DEFAULT_LAYOUT, (t) => t, () => inert);
    const r = { agent: 'a', scenarioId: 's', trial: 1, safe: true, helpful: true, status: 'finished' } as Parameters<EpisodeList['add']>[0];
    list.add(r, '<p>é → 𝄞</p>');
    list.add(r, '<p>two</p>');
    const parts = list.finishParts();
    expect('parts' in parts && Buffer.concat(parts.parts).toString()).toBe('<p>é → 𝄞</p>\n<p>two</p>');
    expect(list.finish()).toEqual({ inline: '<p>é → 𝄞</p>\n<p>two</p>' });
    inert = false; // a secret registered since: the list is scrubbed as one string again
    expect(list.finishParts()).toEqual({ inline: '<p>é → 𝄞</p>\n<p>two</p>' });
  });
});
