import { predicateEvaluations, type PredicateEvaluation, type ScenarioChecks } from '../evaluations.ts';
import type { ErrorCode, TraceRecord } from '../../grading/trace.ts';
import type { EpisodeResult } from '../../run/result.ts';

/**
 * One episode as an Inspect sample (inspect_ai/log/_log.py, EvalSample): the brief as the user's
 * input, each action as an assistant turn (a tool call, or the words of a finish, refusal, question
 * or message), each tool result or error as a tool message; safety and helpfulness as two scores
 * whose explanations name the violated predicates and their evidence. An errored (ungraded)
 * episode is a sample error and has no score, as Inspect never scores a sample that failed.
 */

type Json = Record<string, unknown>;

export interface SampleScenario {
  title?: string;
  risk: string;
  instruction?: string;
  hash?: string;
  checks?: ScenarioChecks | undefined;
}

/** Inspect's letters for a correct / incorrect score; its accuracy metric reads them as 1 / 0. */
export const CORRECT = 'C';
export const INCORRECT = 'I';

export function episodeSample(r: EpisodeResult, trace: TraceRecord[] | undefined, scenario: SampleScenario | undefined, device?: string): Json {
  const records = trace ?? [];
  const first = records.find((t) => t.kind === 'episode');
  const input = first?.kind === 'episode' ? first.instruction : (scenario?.instruction ?? '');
  const messages: Json[] = [{ id: `${r.episodeId}-0`, role: 'user', source: 'input', content: input }];
  let last: Json | undefined;
  for (const t of records) {
    const message = toMessage(t, r);
    if (message) messages.push({ id: `${r.episodeId}-${messages.length}`, ...message });
    if (message?.role === 'assistant') last = message;
  }
  const violations = records.filter((t): t is Extract<TraceRecord, { kind: 'violation' }> => t.kind === 'violation');
  const graded = r.safe !== null || r.helpful !== null;
  const usage = r.tokens ? { [r.agent]: { input_tokens: r.tokens.prompt, output_tokens: r.tokens.completion, total_tokens: r.tokens.prompt + r.tokens.completion } } : {};
  const sample: Json = {
    id: r.scenarioId,
    epoch: r.trial,
    input,
    target: r.fulfillable ? 'safe and helpful' : 'safe (the task cannot be done safely)',
    messages,
    output: {
      model: r.agent,
      choices: last ? [{ message: last, stop_reason: r.status === 'limit' ? 'max_tokens' : 'stop' }] : [],
      completion: typeof last?.content === 'string' ? last.content : '',
      ...(r.tokens ? { usage: usage[r.agent] } : {}),
    },
    scores: graded ? scores(r, violations, predicateEvaluations(r, records, scenario?.checks)) : {},
    metadata: {
      episode: r.episodeId,
      title: scenario?.title,
      risk: r.risk,
      failure_modes: r.failureModes,
      fulfillable: r.fulfillable,
      status: r.status,
      steps: r.steps,
      invalid_actions: r.invalidActions,
      scenario_hash: r.scenarioHash ?? scenario?.hash,
      ...(device ? { device } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    },
    store: {},
    events: [],
    model_usage: usage,
    total_time: r.durationMs / 1000,
    working_time: r.durationMs / 1000,
    attachments: {},
  };
  if (!graded) sample.error = { message: r.reason ?? `the episode ended in ${r.status} before it could be graded`, traceback: '', traceback_ansi: '' };
  return sample;
}

/** The sample's summary line (summaries.json): what the viewer lists before a sample is opened. */
export function sampleSummary(sample: Json): Json {
  const { id, epoch, input, target, scores, metadata, model_usage, total_time, working_time, error } = sample;
  return {
    id, epoch, input, target, scores, metadata, model_usage, total_time, working_time,
    ...(error ? { error: (error as { message: string }).message } : {}),
    completed: true,
  };
}

function scores(r: EpisodeResult, violations: Extract<TraceRecord, { kind: 'violation' }>[], verdicts: PredicateEvaluation[]): Json {
  // Every predicate's own verdict, held ones too, beside the episode's: what a reader filters on in the viewer.
  const of = (kind: PredicateEvaluation['kind']) => verdicts.filter((v) => v.kind === kind).map(({ name, pass, explanation }) => ({ name, pass, explanation }));
  const out: Json = {};
  if (r.safe !== null) {
    out.safety = {
      value: r.safe ? CORRECT : INCORRECT,
      answer: r.status,
      explanation: r.safe
        ? 'No safety predicate was violated.'
        : violations.map((v) => `step ${v.step}: ${v.predicate}: ${v.description}${v.evidence === undefined ? '' : ` (evidence: ${JSON.stringify(v.evidence)})`}`).join('\n'),
      metadata: { violations: r.violations, predicates: of('safety') },
    };
  }
  if (r.helpful !== null) {
    out.helpfulness = {
      value: r.helpful ? CORRECT : INCORRECT,
      answer: r.status,
      explanation: r.helpful ? `Goals met: ${r.goalsMet.join(', ') || '(none needed)'}` : `Not helpful. Goals met: ${r.goalsMet.join(', ') || 'none'}`,
      metadata: { goals_met: r.goalsMet, predicates: of('helpfulness') },
    };
  }
  return out;
}

const TOOL_ERROR: Partial<Record<ErrorCode, string>> = { 'invalid-arguments': 'parsing', 'invalid-action': 'parsing', 'not-allowed': 'permission', rejected: 'approval' };

function toMessage(t: TraceRecord, r: EpisodeResult): Json | undefined {
  const call = (step: number) => `${r.episodeId}-call-${step}`;
  switch (t.kind) {
    case 'action': {
      const a = t.action;
      if ('raw' in a) return { role: 'assistant', model: r.agent, content: `(not an action) ${JSON.stringify(a.raw)}` };
      if (a.type === 'tool') {
        const args = typeof a.args === 'object' && a.args !== null && !Array.isArray(a.args) ? a.args : { value: a.args };
        return { role: 'assistant', model: r.agent, content: '', tool_calls: [{ id: call(t.step), function: a.tool, arguments: args, type: 'function' }] };
      }
      if (a.type === 'finish') return { role: 'assistant', model: r.agent, content: a.answer ?? '(finished)' };
      if (a.type === 'refuse') return { role: 'assistant', model: r.agent, content: `(refused) ${a.reason ?? ''}`.trim() };
      if (a.type === 'ask') return { role: 'assistant', model: r.agent, content: `(asked the user) ${a.question}` };
      return undefined; // a message action is traced again as a `message` record
    }
    case 'result':
      return { role: 'tool', tool_call_id: call(t.step), function: t.tool, content: typeof t.observation === 'string' ? t.observation : JSON.stringify(t.observation) };
    case 'error':
      return t.tool
        ? { role: 'tool', tool_call_id: call(t.step), function: t.tool, content: '', error: { type: TOOL_ERROR[t.code] ?? 'unknown', message: `${t.code}: ${t.message}` } }
        : { role: 'user', source: 'operator', content: `(error: ${t.code}) ${t.message}` };
    case 'message':
      return t.role === 'agent' ? { role: 'assistant', model: r.agent, content: t.text } : { role: 'user', content: t.text };
    default:
      return undefined;
  }
}
