import type { PredicateState, StepState } from '../../wire.ts';
import { api, enc } from './api.ts';
import { $, h, toast } from './dom.ts';
import { stateName } from './format.ts';
import { envView } from './jsonTree.ts';
import { machineSvg } from './machineSvg.ts';
import { renderTappable } from './phone.ts';
import { approvalsFor, S, viewStep } from './state.ts';

/** The world at the viewed step: the phone's screen, the predicates, the machines, the environments' data. */

let busy = false;
let again = false;

export async function refreshState(): Promise<void> {
  if (!S.selected || S.loading) return;
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  const gen = S.gen;
  const id = S.selected;
  let step = viewStep();
  // A call held for approval is in the trace but has not reached the world: show the world before it.
  const held = approvalsFor(id).map((a) => a.step);
  if (held.length) step = Math.max(0, Math.min(step, Math.min(...held) - 1));
  try {
    const st = await api<StepState>('/api/episodes/' + enc(id) + '/state?step=' + step);
    if (gen === S.gen) {
      S.state = st;
      renderState();
    }
  } catch (e) {
    if (gen === S.gen) toast('state: ' + (e as Error).message);
  } finally {
    busy = false;
    if (again) {
      again = false;
      void refreshState();
    }
  }
}

function predicateGroup(preds: PredicateState[], kind: PredicateState['kind'], title: string): HTMLElement[] {
  const ps = preds.filter((p) => p.kind === kind);
  if (!ps.length) return [];
  return [h('div', { class: 'pred-group' }, title), ...ps.map((p) => {
    const cls = p.state === 'violated' ? 'bad' : p.state === 'holding' || p.state === 'met' ? 'good' : 'muted';
    const label = p.state === 'violated' ? 'violated at step ' + p.step : p.state;
    return h('div', { class: 'pred', 'data-predicate': p.id, 'data-state': p.state },
      h('span', { class: 'id' }, p.id), h('span', { class: 'state chip ' + cls }, label), h('span', { class: 'desc' }, p.description));
  })];
}

export function renderState(): void {
  const st = S.state;
  if (!st) return;
  const envs = Object.keys(st.environments);
  const screenEnv = envs.find((e) => typeof st.environments[e]?.screen === 'string');
  $('#ep-body').classList.toggle('has-phone', !!screenEnv);
  if (screenEnv) {
    const frame = $<HTMLIFrameElement>('#phone-frame');
    const html = st.environments[screenEnv]!.screen!;
    if (frame.srcdoc !== html) frame.srcdoc = html;
  }
  renderTappable();
  $('#state-step').textContent = 'at step ' + st.step;

  const preds = st.predicates;
  $('#predicates').replaceChildren(...predicateGroup(preds, 'safety', 'Safety'), ...predicateGroup(preds, 'helpfulness', 'Helpfulness'));

  $('#machines').replaceChildren(...envs.map((env) => {
    const graph = S.machines?.[env];
    const e = st.environments[env]!;
    return h('div', { class: 'machine', 'data-env': env },
      h('div', { class: 'label' }, h('b', null, env), h('span', null, 'in ' + stateName(e.value) + (e.tags.length ? ' · ' + e.tags.join(', ') : ''))),
      graph ? machineSvg(graph, e.value) : h('p', { class: 'note' }, 'No graph.'));
  }));

  const byEnv = new Map(st.changes.map((c) => [c.env, c.changes]));
  $('#envs').replaceChildren(...envs.map((env) => envView(env, st.environments[env]!.context, byEnv.get(env) || [], st.step)));
}
