import type { TraceRecord } from '../../wire.ts';
import { $, h, type Kid } from './dom.ts';
import { historyText } from '../../../scenario/historyText.ts';
import { argsText, brief, compact, pretty, stateName } from './format.ts';
import { scrubTo } from './head.ts';
import { verdictPair } from './sidebar.ts';
import { episode, S, stepOf, stepsOf, viewStep } from './state.ts';

/** The timeline: the episode's trace records grouped by step, the viewed step marked. */

type Rec<K extends TraceRecord['kind']> = Extract<TraceRecord, { kind: K }>;

function actionLine(r: Rec<'action'>): HTMLElement {
  const a = r.action;
  if ('raw' in a) return h('div', { class: 'tl action' }, h('span', { class: 'verb' }, 'invalid action'), h('span', { class: 'args' }, compact(a.raw, 200)));
  if (a.type === 'tool') return h('div', { class: 'tl action' }, h('span', { class: 'tool' }, a.tool), h('span', { class: 'args' }, argsText(a.args)));
  const text = a.type === 'message' ? a.text : a.type === 'finish' ? a.answer : a.type === 'refuse' ? a.reason : a.question;
  return h('div', { class: 'tl action' }, h('span', { class: 'verb ' + a.type }, a.type), h('span', null, text || ''));
}

/** An external agent's process (agents/exec): how it ended in the line, its output when opened. */
function processLine(r: Rec<'process'>): HTMLElement {
  const ended = r.killed ? 'killed (' + r.killed + ')' : !r.exit ? 'still running' : r.exit.signal ? 'signal ' + r.exit.signal : 'exit ' + r.exit.code;
  const out = (name: string, text: string) => (text ? [h('div', { class: 'note' }, name), h('pre', null, text)] : []);
  return h('details', { class: 'tl process' }, h('summary', null, 'process ' + compact(r.command, 120) + ' · ' + ended), ...out('stdout', r.stdout), ...out('stderr', r.stderr));
}

const verdictChips = (v: Rec<'end'>['verdict'] | undefined): Kid => (v ? verdictPair(v, false) : null);

function recordLines(r: TraceRecord): HTMLElement {
  switch (r.kind) {
    case 'episode':
      return h('div', { class: 'tl start' }, h('div', null, 'Episode started · ', r.tools.length + ' tools · up to ' + r.limits.steps + ' steps'));
    case 'history':
      return h('details', { class: 'tl message' }, h('summary', null, 'The conversation the agent continues · ' + r.messages.length + ' messages'), h('pre', null, historyText(r.messages)));
    case 'action':
      return actionLine(r);
    case 'result': {
      const key = r.step + ':' + r.tool;
      // The full observation is drawn only when opened: a phone's element list is long.
      const full = h('pre');
      const fill = () => {
        if (!full.textContent) full.textContent = pretty(r.observation);
      };
      // A security case: the attack's text was in this result (the trace marks it).
      const planted = r.injected ? h('div', { class: 'injected' }, h('b', null, 'injected text (' + r.injected.point + ')'), h('pre', null, r.injected.text)) : null;
      const d = h('details', { class: 'tl result' + (r.injected ? ' has-injected' : '') }, h('summary', null, brief(r.observation)), planted, full);
      if (S.openResults.has(key)) {
        fill();
        d.open = true;
      }
      d.addEventListener('toggle', () => (d.open ? (fill(), S.openResults.add(key)) : S.openResults.delete(key)));
      return d;
    }
    case 'error':
      return h('div', { class: 'tl error' + (r.code === 'rejected' ? ' rejected' : '') }, h('b', null, r.code), r.message);
    case 'transition': {
      const moved = stateName(r.from) !== stateName(r.to);
      const paths = r.changes.map((c) => c.path);
      return h('div', { class: 'tl transition' },
        r.env + ': ' + (moved ? stateName(r.from) + ' → ' + stateName(r.to) : stateName(r.to)) + ' · ' + paths.length + ' change' + (paths.length === 1 ? '' : 's') + ' ',
        h('span', { class: 'paths' }, paths.slice(0, 4).join(', ') + (paths.length > 4 ? ', …' : '')));
    }
    case 'message':
      return h('div', { class: 'tl message' }, r.text);
    case 'approval':
      return h('div', { class: 'tl approval' + (r.approved ? '' : ' rejected'), 'data-approved': String(r.approved) },
        h('b', null, r.approved ? 'approved' : 'rejected'), ' ' + r.tool + ' (risk: ' + r.risk.join(', ') + ')' + (r.reason ? ': ' + r.reason : ''));
    case 'guard':
      return h('div', { class: 'tl approval' + (r.allow ? '' : ' rejected'), 'data-guard': r.allow ? 'allowed' : 'blocked' },
        h('b', null, (r.allow ? 'allowed by ' : 'blocked by ') + r.guard), ' (' + r.latencyMs + ' ms' + (r.risk.length ? '; risk: ' + r.risk.join(', ') : '') + ')' + (r.reason ? ': ' + r.reason : '') + ' · ground truth: ' + r.label + (r.error ? ' · guard error: ' + r.error : ''));
    case 'read':
      return h('div', { class: 'tl read' }, h('span', { class: 'verb' }, 'read'), r.command);
    case 'model':
      return h('div', { class: 'tl read' }, h('span', { class: 'verb' }, 'model'), (r.model ?? 'request') + ': ' + r.promptTokens + ' + ' + r.completionTokens + ' tokens' + (r.finishReason ? ' (' + r.finishReason + ')' : ''));
    case 'event':
      return h('div', { class: 'tl event' }, r.env + ': ' + r.event.type);
    case 'process':
      return processLine(r);
    case 'judge':
      return h('div', { class: 'tl judge' + (r.agrees === false ? ' disagrees' : ''), 'data-judge': r.safe === null ? 'none' : r.safe ? 'safe' : 'unsafe' },
        h('b', null, 'judge ' + r.model + ': ' + (r.error ? 'failed' : r.safe === null ? 'no verdict' : r.safe ? 'safe' : 'unsafe')),
        r.agrees === null ? '' : r.agrees ? ' · agrees with the predicates' : ' · disagrees with the predicates',
        h('div', { class: 'note' }, r.error ?? r.reasoning));
    case 'violation':
      return h('div', { class: 'violation', 'data-predicate': r.predicate }, h('strong', null, 'Safety violated: ' + r.predicate), ' — ', r.description);
    case 'end':
      return h('div', { class: 'tl end' }, 'Episode ended: ' + r.status, verdictChips(r.verdict), r.reason ? h('span', { class: 'note' }, r.reason) : null);
    default:
      return h('div', { class: 'tl' }, compact(r, 200));
  }
}

export function renderTimeline(): void {
  const wrap = $('#timeline-wrap');
  const nearBottom = wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 40;
  const groups = new Map<number, TraceRecord[]>();
  for (const r of S.records) {
    const step = stepOf(r) ?? 0;
    const group = groups.get(step) ?? [];
    group.push(r);
    groups.set(step, group);
  }
  const current = viewStep();
  const rows = [...groups].sort(([a], [b]) => a - b).map(([step, rs]) =>
    h('div', {
      class: 'tl-step' + (step === current ? ' current' : '') + (rs.some((r) => r.kind === 'violation') ? ' violated' : ''),
      'data-step': step,
      onclick: () => scrubTo(step),
    }, h('div', { class: 'tl-num' }, step === 0 ? 'start' : String(step)), h('div', { class: 'tl-items' }, rs.map(recordLines))));
  $('#timeline').replaceChildren(...(rows.length ? rows : [h('p', { class: 'note' }, S.loading ? 'Loading…' : 'Nothing yet.')]));
  const n = stepsOf(episode());
  $('#timeline-count').textContent = n + (n === 1 ? ' step' : ' steps');
  if (S.follow && (nearBottom || episode()?.running)) wrap.scrollTop = wrap.scrollHeight;
  else markCurrent(false);
}

/** Marks the viewed step in the timeline without rebuilding it (open details stay open). */
export function markCurrent(scroll: boolean): void {
  const current = viewStep();
  let el: Element | undefined;
  for (const row of document.querySelectorAll('#timeline .tl-step')) {
    const on = Number(row.getAttribute('data-step')) === current;
    row.classList.toggle('current', on);
    if (on) el = row;
  }
  if (el && scroll) el.scrollIntoView({ block: 'nearest' });
}
