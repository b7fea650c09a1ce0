import type { EpisodeSummary } from '../../wire.ts';
import { enc, post } from './api.ts';
import { $, h, toast } from './dom.ts';
import { agentLabel } from './format.ts';
import { schedule } from './schedule.ts';
import { statusChip, verdictChips } from './sidebar.ts';
import { refreshState } from './stateView.ts';
import { episode, mergeSummary, S, scenarioOf, stepsOf, titleOf, viewStep } from './state.ts';

/** The selected episode's head (what, verdict) and its bar (pause, step, resume; the scrubber). */

export function renderHead(): void {
  const ep = episode()!;
  const sc = scenarioOf(ep);
  const v = ep.end?.verdict;
  const violations = v ? v.violations : S.records.flatMap((r) => (r.kind === 'violation' ? [{ predicate: r.predicate, step: r.step }] : []));
  $('#ep-head').replaceChildren(
    h('div', { class: 'what' },
      h('h1', null, titleOf(ep)),
      h('div', { class: 'sub' },
        h('span', { title: ep.agent }, 'agent ', h('b', null, agentLabel(ep.agent))),
        h('span', null, 'scenario ', h('b', null, ep.scenarioId)),
        h('span', null, 'trial ', h('b', null, String(ep.trial))),
        sc?.risk ? h('span', null, 'risk ', h('b', null, sc.risk)) : null),
      sc?.instruction ? h('p', { class: 'instruction' }, sc.instruction) : null),
    h('div', { class: 'verdict', id: 'verdict' },
      statusChip(ep),
      verdictChips(ep, true),
      violations.map((x) => h('span', { class: 'chip bad', 'data-violation': x.predicate }, x.predicate + ' @ step ' + x.step))));
}

export function renderBar(): void {
  const ep = episode()!;
  const max = stepsOf(ep);
  const at = viewStep();
  const live = ep.running;
  $('#controls').classList.toggle('hidden', !live);
  $<HTMLButtonElement>('#btn-pause').disabled = !!ep.paused;
  $<HTMLButtonElement>('#btn-resume').disabled = !ep.paused;
  $<HTMLButtonElement>('#btn-step').disabled = false;
  const r = $<HTMLInputElement>('#scrubber');
  r.max = String(max);
  r.value = String(at);
  r.disabled = max === 0;
  $<HTMLButtonElement>('#btn-prev').disabled = at <= 0;
  $<HTMLButtonElement>('#btn-next').disabled = at >= max;
  $('#step-at').textContent = 'step ' + at + ' of ' + max;
  const f = $('#btn-follow');
  f.classList.toggle('on', S.follow);
  f.textContent = S.follow ? (live ? 'Live' : 'Last step') : live ? 'Back to live' : 'Last step';
}

export function scrubTo(step: number): void {
  const max = stepsOf(episode());
  step = Math.max(0, Math.min(max, step));
  S.step = step;
  S.follow = step >= max;
  afterScrub();
}

export function afterScrub(): void {
  schedule('bar', 'current');
  void refreshState();
}

export async function control(command: 'pause' | 'step' | 'resume'): Promise<void> {
  const ep = episode();
  if (!ep) return;
  try {
    mergeSummary(await post<EpisodeSummary>('/api/episodes/' + enc(ep.episodeId) + '/control', { command }));
    schedule('bar', 'head', 'sidebar');
  } catch (e) {
    toast(command + ': ' + (e as Error).message);
  }
}
