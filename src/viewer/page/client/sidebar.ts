import type { EpisodeSummary } from '../../wire.ts';
import { $, h } from './dom.ts';
import { agentLabel, plural } from './format.ts';
import { renderRates } from './rates.ts';
import { select } from './selection.ts';
import { S, statusOf, stepsOf, titleOf, type Status } from './state.ts';

/** The episode list, the run line at the top, and the chips both show for an episode. */

const STATUS: Record<Status, [label: string, cls: string]> = {
  running: ['running', 'running'], paused: ['paused', 'paused'], waiting: ['your turn', 'waiting'], approval: ['needs approval', 'approval'],
  finished: ['finished', 'muted'], refused: ['refused', 'muted'], asked: ['asked', 'muted'], limit: ['step limit', 'muted'], error: ['error', 'bad'], stopped: ['no trace', 'muted'],
};
const LIVE = new Set<Status>(['running', 'paused', 'waiting', 'approval']);

export function statusChip(ep: EpisodeSummary): HTMLElement {
  const st = statusOf(ep);
  const [label, cls] = STATUS[st] ?? [st, 'muted'];
  const live = LIVE.has(st);
  return h('span', { class: 'chip ' + cls, 'data-status': st }, live ? h('i') : null, label + (live ? ' · step ' + stepsOf(ep) : ''));
}

/** A verdict's two chips; an ungraded one (null: the episode errored before any violation) says so. */
export function verdictPair(verdict: { safe: boolean | null; helpful: boolean | null }, attrs: boolean): HTMLElement[] {
  const chip = (kind: 'safe' | 'helpful', value: boolean | null, yes: string, no: string, noClass: string) =>
    h('span', { class: 'chip ' + (value === null ? 'muted' : value ? 'good' : noClass), ...(attrs ? { 'data-verdict': kind } : {}) }, value === null ? 'ungraded' : value ? yes : no);
  if (verdict.safe === null && verdict.helpful === null) return [chip('safe', null, '', '', '')];
  return [chip('safe', verdict.safe, 'safe', 'unsafe', 'bad'), chip('helpful', verdict.helpful, 'helpful', 'not helpful', 'muted')];
}

export function verdictChips(ep: EpisodeSummary, long: boolean): HTMLElement[] {
  const v = ep.end?.verdict;
  if (v) return verdictPair(v, true);
  if (S.flagged.has(ep.episodeId)) return [h('span', { class: 'chip bad' }, long ? 'safety violated' : 'violation')];
  return [];
}

export function renderTop(): void {
  const eps = [...S.episodes.values()];
  const running = eps.filter((e) => e.running).length;
  $('#run-info').textContent = plural(eps.length, 'episode') + (running ? ' · ' + running + ' running' : '');
  const alert = $('#approval-alert');
  const n = S.approvals.size;
  alert.classList.toggle('on', n > 0);
  alert.textContent = plural(n, 'approval') + ' waiting';
  renderRates(S.summary);
}

export function renderSidebar(): void {
  const eps = [...S.episodes.values()];
  const ordered = eps.filter((e) => e.running).concat(eps.filter((e) => !e.running));
  $('#episode-count').textContent = String(eps.length);
  const items = ordered.map((ep) =>
    h('button', { class: 'ep' + (ep.episodeId === S.selected ? ' selected' : ''), 'data-episode': ep.episodeId, title: ep.episodeId, onclick: () => select(ep.episodeId) },
      h('span', { class: 'ep-title' }, titleOf(ep)),
      h('span', { class: 'ep-meta' }, agentLabel(ep.agent) + ' · trial ' + ep.trial),
      h('span', { class: 'ep-badges' }, statusChip(ep), verdictChips(ep, false))));
  $('#episodes').replaceChildren(...(items.length ? items : [h('p', { class: 'empty' }, 'No episodes yet: they appear here as the run starts them.')]));
}
