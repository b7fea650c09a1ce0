import { createHash } from 'node:crypto';
import { context, SpanKind, SpanStatusCode, trace as otelTrace, type Attributes, type Tracer } from '@opentelemetry/api';
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import type { TraceRecord } from '../../grading/trace.ts';
import type { EpisodeResult } from '../../run/result.ts';
import { predicateEvaluations, type ScenarioChecks } from '../evaluations.ts';

/**
 * One episode as OpenTelemetry spans, after the GenAI semantic conventions: an `invoke_agent` span,
 * under it a `chat` span per model request and an `execute_tool` span per action, and a
 * `gen_ai.evaluation.result` event per verdict. Traces keep no host time (the same scenario and
 * agent give the same trace), so span times are the run's start plus the episode's measured
 * duration, spread over its steps in order; the scenario's own clock is an attribute.
 */

export interface EpisodeSpanContext {
  tracer: Tracer;
  ids: EpisodeIds;
  /** Epoch ms the run started (from its id). */
  runStart: number;
  redact(text: string): string;
  device?: string;
  /** The scenario's predicates (run.json): each gets a verdict, held ones too. Absent (older runs): violations and goals met only. */
  checks?: ScenarioChecks;
}

/** Span and trace ids derived from the episode id: the same run exports the same ids. */
export class EpisodeIds implements IdGenerator {
  private seed = '';
  private n = 0;

  begin(episodeId: string, runId: string): void {
    this.seed = `${runId}/${episodeId}`;
    this.n = 0;
  }

  generateTraceId(): string {
    return hex(`${this.seed}#trace`, 32);
  }

  generateSpanId(): string {
    return hex(`${this.seed}#${this.n++}`, 16);
  }
}

const hex = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

type Action = Extract<TraceRecord, { kind: 'action' }>;

export function episodeSpans(r: EpisodeResult, records: TraceRecord[], runId: string, c: EpisodeSpanContext): void {
  c.ids.begin(r.episodeId, runId);
  const steps = Math.max(1, r.steps);
  const start = c.runStart;
  const at = (step: number) => start + (r.durationMs * Math.max(0, step - 1)) / steps;
  const str = (v: unknown) => c.redact(typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const first = records.find((t) => t.kind === 'episode');

  const root = c.tracer.startSpan(`invoke_agent ${r.agent}`, {
    kind: SpanKind.INTERNAL,
    startTime: start,
    attributes: clean({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': r.agent,
      'gen_ai.conversation.id': r.episodeId,
      'tripwire.scenario.id': r.scenarioId,
      'tripwire.scenario.hash': r.scenarioHash,
      'tripwire.trial': r.trial,
      'tripwire.risk': r.risk,
      'tripwire.failure_modes': r.failureModes,
      'tripwire.status': r.status,
      'tripwire.steps': r.steps,
      'tripwire.device': c.device,
      'tripwire.instruction': first?.kind === 'episode' ? str(first.instruction) : undefined,
      'gen_ai.usage.input_tokens': r.tokens?.prompt,
      'gen_ai.usage.output_tokens': r.tokens?.completion,
    }),
  });
  const parent = otelTrace.setSpan(context.active(), root);

  const byStep = new Map<number, TraceRecord[]>();
  for (const t of records) if ('step' in t) byStep.set(t.step, [...(byStep.get(t.step) ?? []), t]);

  for (const t of records) {
    if (t.kind === 'model') {
      const span = c.tracer.startSpan(`chat ${t.model ?? r.agent}`, {
        kind: SpanKind.CLIENT,
        startTime: at(t.step + 1),
        attributes: clean({
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': t.model,
          'gen_ai.response.model': t.model,
          'gen_ai.usage.input_tokens': t.promptTokens,
          'gen_ai.usage.output_tokens': t.completionTokens,
          'gen_ai.response.finish_reasons': t.finishReason ? [t.finishReason] : undefined,
        }),
      }, parent);
      span.end(at(t.step + 1));
    }
    if (t.kind === 'action') actionSpan(t, byStep.get(t.step) ?? [], r, c, parent, at, str);
  }

  for (const e of predicateEvaluations(r, records, c.checks)) root.addEvent('gen_ai.evaluation.result', evaluation(e.name, e.pass, c.redact(e.explanation), e.kind), at(e.step ?? r.steps));
  if (r.safe !== null) root.addEvent('gen_ai.evaluation.result', evaluation('safety', r.safe, r.safe ? 'no safety predicate violated' : `violated: ${r.violations.map((v) => v.predicate).join(', ')}`), at(r.steps));
  if (r.helpful !== null) root.addEvent('gen_ai.evaluation.result', evaluation('helpfulness', r.helpful, `goals met: ${r.goalsMet.join(', ') || 'none'}`), at(r.steps));
  if (r.status === 'error') root.setStatus({ code: SpanStatusCode.ERROR, message: c.redact(r.reason ?? 'the episode failed') });
  root.end(start + r.durationMs);
}

function actionSpan(t: Action, same: TraceRecord[], r: EpisodeResult, c: EpisodeSpanContext, parent: ReturnType<typeof otelTrace.setSpan>, at: (step: number) => number, str: (v: unknown) => string): void {
  const a = t.action;
  const tool = 'raw' in a ? '(not an action)' : a.type === 'tool' ? a.tool : a.type;
  const result = same.find((x): x is Extract<TraceRecord, { kind: 'result' }> => x.kind === 'result');
  const error = same.find((x): x is Extract<TraceRecord, { kind: 'error' }> => x.kind === 'error');
  const screen = result && isScreen(result.observation) ? result.observation : undefined;
  const span = c.tracer.startSpan(`execute_tool ${tool}`, {
    kind: SpanKind.INTERNAL,
    startTime: at(t.step),
    attributes: clean({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': tool,
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.call.id': `${r.episodeId}-call-${t.step}`,
      'gen_ai.tool.call.arguments': 'raw' in a ? str(a.raw) : a.type === 'tool' ? str(a.args ?? {}) : str(a),
      'gen_ai.tool.call.result': result ? str(result.observation).slice(0, 4096) : undefined,
      'tripwire.step': t.step,
      'tripwire.env': result?.env,
      'tripwire.scenario_time': t.at,
      'tripwire.screen.id': screen ? hex(JSON.stringify(screen), 16) : undefined,
      'tripwire.screen.app': screen?.app,
      'error.type': error?.code,
    }),
  }, parent);
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: c.redact(error.message) });
  span.end(at(t.step + 1));
}

function evaluation(name: string, pass: boolean, explanation: string, kind?: 'safety' | 'helpfulness'): Attributes {
  return clean({
    'gen_ai.evaluation.name': name,
    'gen_ai.evaluation.score.label': pass ? 'pass' : 'fail',
    'gen_ai.evaluation.score.value': pass ? 1 : 0,
    'gen_ai.evaluation.explanation': explanation,
    'tripwire.predicate.kind': kind,
  });
}

/** A phone's observation: the app in view and its elements. */
function isScreen(o: unknown): o is { app: string; elements: unknown[] } {
  return typeof o === 'object' && o !== null && typeof (o as { app?: unknown }).app === 'string' && Array.isArray((o as { elements?: unknown }).elements);
}

function clean(a: Record<string, string | number | boolean | string[] | undefined>): Attributes {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Attributes;
}
