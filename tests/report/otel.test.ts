import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { RunManifest, type EpisodeResult } from '../../src/run/result.ts';
import { readTrace } from '../../src/report/files.ts';
import { tempDir } from '../support/helpers.ts';
import { call, say, startFakeOpenAI, toolCall, type FakeOpenAI } from '../support/openaiServer.ts';
import { attrs, spansOf, startOtlpReceiver, type OtlpReceiver, type OtlpSpan } from '../support/otlpReceiver.ts';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'tripwire.js');
const KEY = 'sk-live-7c3a2f8e6d5c0b9a814b1d9e';

async function tripwire(cwd: string, env: Record<string, string | undefined>, ...args: string[]) {
  const { stdout } = await exec('node', [BIN, ...args], { cwd, env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: undefined, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined, ...env } });
  return stdout;
}

const results = (runDir: string): EpisodeResult[] => readFileSync(join(runDir, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const latest = (cwd: string) => join(cwd, 'reports', 'latest');

describe('the otel reporter', () => {
  let model: FakeOpenAI;
  let receiver: OtlpReceiver;
  afterAll(async () => {
    await model?.close();
    await receiver?.close();
  });

  it('sends GenAI spans to an OTLP endpoint: an invoke_agent per episode, a chat per model request, an execute_tool per action, evaluations as events', async () => {
    // A model that reads the invoice and pays it twice over: two requests with tools, then a finish.
    model = await startFakeOpenAI((req) => {
      const turns = req.body.messages.filter((m) => m.role === 'assistant').length;
      if (turns === 0) return call(toolCall('list_transactions', {}));
      if (turns === 1) return call(toolCall('no_such_tool', { x: 1 }));
      return say('Done.');
    });
    receiver = await startOtlpReceiver();
    const cwd = tempDir();
    await tripwire(cwd, { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: KEY }, 'run', '--agent', 'openai:m', '--agent', 'reference:unsafe',
      '--scenario', 'duplicate-invoice', '--scenario', 'pay-real-invoice', '--otlp', receiver.url, '--out', 'reports');
    const runDir = latest(cwd);
    const spans = spansOf(receiver.requests.filter((r) => r.path === '/v1/traces').map((r) => r.body));
    expect(receiver.requests.every((r) => r.contentType.includes('application/json'))).toBe(true);

    const episodes = results(runDir);
    const manifest = RunManifest.parse(JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')));
    const roots = spans.filter((s) => s.name.startsWith('invoke_agent '));
    expect(roots).toHaveLength(episodes.length);
    for (const r of episodes) {
      const root = roots.find((s) => attrs(s.attributes)['gen_ai.conversation.id'] === r.episodeId)!;
      expect(root.parentSpanId ?? '').toBe('');
      expect(attrs(root.attributes)).toMatchObject({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': r.agent, 'tripwire.scenario.id': r.scenarioId, 'tripwire.risk': r.risk });
      const children = spans.filter((s) => s.parentSpanId === root.spanId);
      expect(children.every((s) => s.traceId === root.traceId)).toBe(true);
      const trace = readTrace(join(runDir, 'traces', `${r.episodeId}.jsonl`));
      const actions = trace.filter((t) => t.kind === 'action');
      const tools = children.filter((s) => s.name.startsWith('execute_tool '));
      expect(tools).toHaveLength(actions.length);
      expect(children.filter((s) => s.name.startsWith('chat '))).toHaveLength(trace.filter((t) => t.kind === 'model').length);
      // One evaluation per violated predicate, per goal met, and the two overall verdicts.
      const evaluations = (root.events ?? []).filter((e) => e.name === 'gen_ai.evaluation.result').map((e) => attrs(e.attributes));
      expect(evaluations.find((e) => e['gen_ai.evaluation.name'] === 'safety')?.['gen_ai.evaluation.score.label']).toBe(r.safe ? 'pass' : 'fail');
      for (const v of r.violations) expect(evaluations.some((e) => e['gen_ai.evaluation.name'] === v.predicate && e['gen_ai.evaluation.score.label'] === 'fail')).toBe(true);
      for (const g of r.goalsMet) expect(evaluations.some((e) => e['gen_ai.evaluation.name'] === g && e['gen_ai.evaluation.score.label'] === 'pass')).toBe(true);
      // And every other predicate of the scenario (run.json lists them), once each: held ones pass, unmet goals fail.
      const checks = manifest.scenarios.find((s) => s.id === r.scenarioId)!.checks!;
      const label = (name: string) => evaluations.filter((e) => e['gen_ai.evaluation.name'] === name && e['tripwire.predicate.kind']).map((e) => e['gen_ai.evaluation.score.label']);
      for (const c of checks.safety) expect(label(c.id)).toEqual([r.violations.some((v) => v.predicate === c.id) ? 'fail' : 'pass']);
      for (const c of checks.helpfulness) expect(label(c.id)).toEqual([r.goalsMet.includes(c.id) ? 'pass' : 'fail']);
      expect(checks.safety.length + checks.helpfulness.length).toBeGreaterThan(1);
    }

    // The model agent's requests: chat spans with the model, tokens and finish reasons it reported.
    const chats = spans.filter((s) => s.name.startsWith('chat '));
    expect(chats.length).toBe(episodes.filter((r) => r.agent === 'openai:m').length * 3);
    expect(attrs(chats[0]!.attributes)).toMatchObject({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 5 });
    expect(chats.map((c) => attrs(c.attributes)['gen_ai.response.finish_reasons'])).toContainEqual(['tool_calls']);
    // The unknown tool is an errored execute_tool span; the key is nowhere in what left.
    const unknown = spans.find((s) => s.name === 'execute_tool no_such_tool')!;
    expect(attrs(unknown.attributes)['error.type']).toBe('unknown-tool');
    expect(unknown.status?.code).toBe(2);
    expect(JSON.stringify(receiver.requests)).not.toContain(KEY);
  });

  it('writes OTLP JSON lines in the run folder when no endpoint is set, with the same spans for the same run', async () => {
    const cwd = tempDir();
    await tripwire(cwd, {}, 'run', '--agent', 'reference:unsafe', '--scenario', 'duplicate-invoice', '--reporter', 'otel', '--out', 'reports');
    const file = join(latest(cwd), 'otel-traces.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const spans = spansOf(lines);
    const root = spans.find((s) => s.name === 'invoke_agent reference:unsafe') as OtlpSpan;
    expect(spans.filter((s) => s.parentSpanId === root.spanId).length).toBeGreaterThan(0);
    // Rebuilt by `tripwire report`: the same ids (derived from the episode), so the same spans, replaced and not added to.
    const before = spans.map((s) => `${s.traceId}/${s.spanId}/${s.name}`).sort();
    await tripwire(cwd, {}, 'report', latest(cwd));
    const again = spansOf(readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))).map((s) => `${s.traceId}/${s.spanId}/${s.name}`).sort();
    expect(again).toEqual(before);
  });
});
