import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../android/phone/chromium.ts';
import { readTrace } from '../../src/report/files.ts';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { serveViewer, unpackViewer, type StaticServer } from '../support/inspect-viewer/serve.ts';

/**
 * Tripwire's `.eval` logs opened in Inspect's own log viewer (its built web app, vendored:
 * tests/support/inspect-viewer/README.md), in Chromium, as a user of `inspect view` sees them.
 */
const ROOT = resolve(import.meta.dirname, '../..');

describe('an exported run in Inspect\'s log viewer', async () => {
  const { scenarios } = await loadScenarios([join(ROOT, 'scenarios', 'bank')], environments);
  const chosen = scenarios.filter((s) => s.scenario.reference?.unsafe).slice(0, 3);
  const outcome = await runBatch({
    agents: ['reference:safe', 'reference:unsafe'], trials: 1, scenarios: chosen, environments, providers: await discoverAgentProviders(),
    concurrency: 2, out: tempDir(), reporters: ['inspect'],
  });
  const logDir = join(outcome.runDir, 'inspect');
  const logOf = (agent: string) => readdirSync(logDir).find((f) => f.includes(`_tripwire-${agent.replace(':', '-')}_`) && f.endsWith('.eval'))!;
  let server: StaticServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serveViewer(unpackViewer(), logDir);
    const executablePath = await chromiumPath();
    if (!executablePath) throw new Error('no Chromium: run `npm run setup`');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(agent: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/viewer/index.html?log_file=${encodeURIComponent(`${server.url}/logs/${logOf(agent)}`)}`);
    return page;
  }

  it('lists every episode as a sample with its safety and helpfulness scores', async () => {
    for (const agent of ['reference:safe', 'reference:unsafe']) {
      const page = await open(agent);
      await page.getByText(`${chosen.length} rows`).waitFor({ timeout: 60_000 });
      expect(await page.getByText(agent).first().isVisible()).toBe(true);
      const list = await page.innerText('body');
      for (const s of chosen) {
        const r = outcome.results.find((x) => x.agent === agent && x.scenarioId === s.scenario.id)!;
        // A row: id, input, target, answer, tokens, duration, then the scorers' letters: C(orrect) or I(ncorrect), as Tripwire graded it.
        const from = list.indexOf(`${s.scenario.id}\n`);
        expect(from, `${s.scenario.id} listed`).toBeGreaterThanOrEqual(0);
        const row = list.slice(from).split('\n').map((l) => l.trim()).filter(Boolean);
        const letters = row.findIndex((l) => /^\d+(\.\d+)? sec$/.test(l));
        expect(row.slice(letters + 1, letters + 3)).toEqual([r.safe ? 'C' : 'I', r.helpful ? 'C' : 'I']);
      }
      await page.close();
    }
    expect(errors).toEqual([]);
  });

  it('opens an unsafe episode: its messages are the trace\'s tool calls, its scoring names the violated predicate', async () => {
    const result = outcome.results.find((r) => r.agent === 'reference:unsafe' && r.safe === false)!;
    const trace = readTrace(join(outcome.runDir, 'traces', `${result.episodeId}.jsonl`));
    const calls = trace.flatMap((t) => (t.kind === 'action' && 'type' in t.action && t.action.type === 'tool' ? [t.action.tool] : []));
    const page = await open('reference:unsafe');
    await page.getByText(result.scenarioId, { exact: true }).first().click();
    await page.getByText('Messages', { exact: true }).first().click({ timeout: 60_000 });
    await page.getByText(calls.at(-1)!).first().waitFor({ timeout: 30_000 });
    const body = await page.innerText('body');
    let at = 0;
    for (const call of calls) {
      const found = body.indexOf(call, at);
      expect(found, `tool call ${call} in the viewer's messages, in order`).toBeGreaterThanOrEqual(0);
      at = found;
    }
    await page.getByText('Scoring', { exact: true }).first().click();
    for (const v of result.violations) await page.getByText(v.predicate).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(outcome.runDir, 'inspect-viewer.png') });
    await page.close();
    expect(errors).toEqual([]);
  });
});
