import type { EpisodeResult } from '../run/result.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { compactJson, esc, truncate } from './escape.ts';
import { historyText } from '../scenario/historyText.ts';

export interface ScenarioInfo {
  title: string;
  instruction: string;
  risk: string;
}

const text = (value: unknown, max = 400): string => esc(truncate(compactJson(value), max));
const code = (value: unknown, max = 400): string => `<code>${text(value, max)}</code>`;
const state = (value: unknown): string => code(value, 120);

export const badge = (label: string, kind: string): string => `<span class="badge b-${esc(kind)}">${esc(label)}</span>`;
export const statusBadge = (status: string): string => badge(status, `status-${status}`);
// null: an error left the episode ungraded; it is neither safe nor unsafe.
const safeBadge = (safe: boolean | null) => (safe === null ? badge('ungraded', 'warn') : safe ? badge('safe', 'good') : badge('unsafe', 'bad'));
const helpfulBadge = (helpful: boolean | null) => (helpful === null ? '' : helpful ? badge('helpful', 'good') : badge('unhelpful', 'warn'));

/** How the text was graded: by patterns alone (no judge), or by a judge that disagreed with them. */
const textBadge = (r: EpisodeResult) =>
  r.textGrading === 'patterns' ? badge('text: patterns only', 'muted')
    : r.judge && (r.judge.agrees === false || r.judge.agreesHelpful === false) ? badge('judge and patterns differ', 'warn')
      : '';

function describeAction(action: Extract<TraceRecord, { kind: 'action' }>['action']): string {
  if ('raw' in action) return `not an action: ${code(action.raw)}`;
  switch (action.type) {
    case 'tool':
      return `<code class="tool">${esc(action.tool)}</code> ${code(action.args ?? {})}`;
    case 'message':
      return `message: ${text(action.text)}`;
    case 'finish':
      return `<strong>finish</strong>${action.answer ? `: ${text(action.answer)}` : ''}`;
    case 'refuse':
      return `<strong>refuse</strong>${action.reason ? `: ${text(action.reason)}` : ''}`;
    case 'ask':
      return `<strong>ask</strong>: ${text(action.question)}`;
  }
}

function describe(rec: TraceRecord): string {
  switch (rec.kind) {
    case 'episode':
      return `tools: ${rec.tools.map((t) => `<code>${esc(t)}</code>`).join(' ') || 'none'}; step limit ${esc(rec.limits.steps)}`;
    case 'history':
      return `the conversation the agent continues:<pre>${esc(historyText(rec.messages))}</pre>`;
    case 'action':
      return describeAction(rec.action);
    case 'result':
      return `<code class="tool">${esc(rec.env)}.${esc(rec.tool)}</code> → <span class="obs">${text(rec.observation)}</span>${rec.injected ? `<div class="injected"><strong>injected text</strong> (at ${esc(rec.injected.point)}), read here:<pre>${esc(rec.injected.text)}</pre></div>` : ''}`;
    case 'error':
      return `<strong>${esc(rec.code)}</strong>${rec.tool ? ` (${esc(rec.tool)})` : ''}: ${text(rec.message)}`;
    case 'transition': {
      const changes = rec.changes.map((c) => `<li><code>${esc(c.path)}</code>: ${code(c.from ?? null, 80)} → ${code(c.to ?? null, 80)}</li>`);
      return `${esc(rec.env)}: ${state(rec.from)} → ${state(rec.to)}${changes.length ? `<ul class="changes">${changes.join('')}</ul>` : ''}`;
    }
    case 'message':
      return `${esc(rec.role)}: ${text(rec.text)}`;
    case 'model':
      return `model request${rec.model ? ` to <code>${esc(rec.model)}</code>` : ''}: ${esc(rec.promptTokens)} prompt + ${esc(rec.completionTokens)} completion tokens${rec.finishReason ? ` (${esc(rec.finishReason)})` : ''}`;
    case 'read':
      return `read: <code>${esc(rec.command)}</code>${rec.detail === undefined ? '' : ` ${code(rec.detail, 120)}`}`;
    case 'process': {
      const exit = rec.exit ? (rec.exit.signal ? `signal ${esc(rec.exit.signal)}` : `exit code ${esc(rec.exit.code)}`) : 'still running';
      const out = (name: string, value: string) => (value ? `<br>${name}: ${code(value, 600)}` : '');
      return `program <code>${esc(rec.command)}</code>: ${exit}${rec.killed ? ` (killed with ${esc(rec.killed)})` : ''}${out('stdout', rec.stdout)}${out('stderr', rec.stderr)}`;
    }
    case 'event':
      return `world event for ${esc(rec.env)}: ${code(rec.event)}`;
    case 'approval':
      return `${rec.approved ? 'approved' : '<strong>rejected</strong>'} by a person: <code>${esc(rec.tool)}</code> (risk: ${rec.risk.map((r) => esc(r)).join(', ')})${rec.reason ? `: ${text(rec.reason)}` : ''}`;
    case 'guard':
      return `${rec.allow ? 'allowed' : '<strong>blocked</strong>'} by <code>${esc(rec.guard)}</code> in ${esc(rec.latencyMs)} ms${rec.reason ? `: ${text(rec.reason)}` : ''} · ground truth: ${esc(rec.label)}${rec.harms ? ` (${rec.harms.map((h) => esc(h)).join(', ')})` : ''}${rec.error ? ` · guard error: ${text(rec.error)}` : ''}`;
    case 'violation':
      return `<strong>${esc(rec.predicate)}</strong> violated at step ${esc(rec.step)}: ${text(rec.description)}<br>evidence: ${code(rec.evidence)}`;
    case 'end': {
      const v = rec.verdict;
      const violations = v.violations.map((x) => `${esc(x.predicate)}@${esc(x.step)}`).join(', ') || 'none';
      return [
        `${statusBadge(rec.status)} ${safeBadge(v.safe)} ${helpfulBadge(v.helpful)}`,
        `violations: ${violations}`,
        `goals met: ${v.goalsMet.map((g) => esc(g)).join(', ') || 'none'}`,
        rec.reason ? `reason: ${text(rec.reason)}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'judge':
      return rec.error
        ? `judge ${esc(rec.model)} failed: ${text(rec.error)}`
        : `judge ${esc(rec.model)}${rec.decided ? ' (decides the text verdicts)' : ''}: ${rec.safe ? 'safe' : 'unsafe'} (${rec.agrees ? 'agrees' : 'disagrees'} with the patterns)${rec.helpful === undefined ? '' : `, ${rec.helpful ? 'helpful' : 'unhelpful'}${rec.agreesHelpful === false ? ' (patterns disagree)' : ''}`}: ${text(rec.reasoning)}`;
  }
}

function traceTable(trace: TraceRecord[]): string {
  const rows = trace.map((rec) => `<tr class="k-${rec.kind}"><td class="num">${rec.kind === 'episode' ? '' : esc(rec.step)}</td><td class="kind">${rec.kind === 'end' ? 'verdict' : rec.kind}</td><td>${describe(rec)}</td></tr>`);
  return `<table class="trace"><thead><tr><th>step</th><th>kind</th><th>detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One episode as a collapsed <details>: the verdict at a glance, the whole trace on opening. */
export function renderEpisode(r: EpisodeResult, trace: TraceRecord[] | undefined, scenario: ScenarioInfo | undefined): string {
  const start = trace?.find((t) => t.kind === 'episode');
  const instruction = start?.instruction ?? scenario?.instruction;
  const title = scenario?.title ?? '';
  const search = `${r.agent} ${r.scenarioId} ${title} ${r.episodeId}`.toLowerCase();
  const line = [
    `<span class="agent">${esc(r.agent)}</span>`,
    `<span class="sid">${esc(r.scenarioId)}</span>`,
    title ? `<span class="title">${esc(title)}</span>` : '',
    `<span class="muted">trial ${esc(r.trial)}</span>`,
    statusBadge(r.status),
    safeBadge(r.safe),
    helpfulBadge(r.helpful),
    textBadge(r),
    `<span class="muted">${esc(r.steps)} ${r.steps === 1 ? 'step' : 'steps'}</span>`,
  ].filter(Boolean);
  const body = [
    `<p class="meta">episode <code>${esc(r.episodeId)}</code> · risk <code>${esc(r.risk)}</code>${r.failureModes.length ? ` · failure modes ${r.failureModes.map((f) => `<code>${esc(f)}</code>`).join(' ')}` : ''} · ${r.fulfillable ? 'fulfillable' : 'not fulfillable'} · ${esc(r.invalidActions)} invalid actions · ${esc(r.durationMs)} ms</p>`,
    instruction !== undefined ? `<div class="instruction"><span class="muted">instruction</span><p>${esc(instruction)}</p></div>` : '',
    r.reason ? `<p class="reason">reason: ${esc(r.reason)}</p>` : '',
    trace?.length ? traceTable(trace) : '<p class="muted">No trace recorded for this episode.</p>',
  ];
  const attrs = `data-agent="${esc(r.agent)}" data-status="${esc(r.status)}" data-safe="${r.safe}" data-helpful="${r.helpful}" data-search="${esc(search)}"`;
  return `<details class="episode" id="ep-${esc(r.episodeId)}" ${attrs}><summary>${line.join(' ')}</summary><div class="body">${body.join('')}</div></details>`;
}
