import type { HumanView, ObservationView } from '../../wire.ts';
import { api, enc, post } from './api.ts';
import { find, h, toast } from './dom.ts';
import { brief, compact } from './format.ts';
import { toolForm } from './forms.ts';
import { renderTappable } from './phone.ts';
import { schedule } from './schedule.ts';
import { S } from './state.ts';

/** A person's turn as the `human` agent: the last observations, a tool form, and the ends (finish, refuse, ask). */

export async function refreshHuman(): Promise<void> {
  const id = S.selected;
  if (!id) return;
  const gen = S.gen;
  let data: HumanView;
  try {
    data = await api<HumanView>('/api/episodes/' + enc(id) + '/human');
  } catch {
    data = { waiting: false };
  }
  if (gen !== S.gen) return;
  S.human = data.waiting ? data : null;
  S.humanBusy = false;
  schedule('human');
  renderTappable();
}

export async function act(action: unknown): Promise<void> {
  const id = S.selected;
  if (!id || S.humanBusy) return;
  S.humanBusy = true;
  renderHuman();
  renderTappable();
  try {
    await post('/api/episodes/' + enc(id) + '/act', { action });
    S.human = null;
    // Whatever comes next, the person wants to see it: back to the live step.
    S.follow = true;
    schedule('bar', 'timeline');
  } catch (e) {
    toast('action: ' + (e as Error).message);
  } finally {
    S.humanBusy = false;
    renderHuman();
    renderTappable();
  }
}

function observationLine(o: ObservationView): HTMLElement {
  if (o.kind === 'error' && o.error) return h('div', { class: 'err' }, 'step ' + o.step + (o.tool ? ' · ' + o.tool : '') + ' · ' + o.error.code + ': ' + o.error.message);
  if (o.kind === 'message') return h('div', null, 'step ' + o.step + ' · ' + compact(o.content, 300));
  return h('div', null, 'step ' + o.step + (o.tool ? ' · ' + o.tool : '') + ' → ' + brief(o.content));
}

export function renderHuman(): void {
  const box = find('#human');
  if (!box) return;
  const turn = S.human;
  if (!turn) {
    box.replaceChildren(...(S.humanBusy ? [h('div', { class: 'card human' }, h('h3', null, 'Your turn'), h('div', { class: 'body' }, h('p', { class: 'status-line' }, 'Sending…')))] : []));
    return;
  }
  const tools = turn.tools;
  const hasScreen = tools.some((t) => t.name === 'tap');
  if (!tools.some((t) => t.name === S.humanTool)) S.humanTool = tools[0]?.name ?? null;
  const formBox = h('div');
  const desc = h('p', { class: 'tool-desc' });
  const showTool = () => {
    const tool = tools.find((t) => t.name === S.humanTool);
    desc.textContent = tool ? tool.description + (tool.risk.length ? '  (risky: ' + tool.risk.join(', ') + ')' : '') : '';
    formBox.replaceChildren(tool ? toolForm(tool, (a) => void act(a)) : h('p', { class: 'note' }, 'No tools.'));
  };
  const picker = h('select', { id: 'tool-select', 'aria-label': 'Tool', onchange: (e: Event) => { S.humanTool = (e.target as HTMLSelectElement).value; showTool(); } },
    tools.map((t) => h('option', { value: t.name }, t.name + (t.environment ? '  ·  ' + t.environment : ''))));
  picker.value = S.humanTool || '';
  showTool();
  const text = h('textarea', { id: 'human-text', rows: 2, placeholder: 'Answer, question or reason for the user (optional for Finish and Refuse)' });
  const end = (type: 'finish' | 'refuse' | 'ask') => () => {
    const t = text.value.trim();
    if (type === 'ask' && !t) {
      toast('Ask needs a question');
      text.focus();
      return;
    }
    void act(type === 'finish' ? { type, ...(t ? { answer: t } : {}) } : type === 'refuse' ? { type, ...(t ? { reason: t } : {}) } : { type, question: t });
  };
  const obs = turn.observations;
  box.replaceChildren(h('div', { class: 'card human', id: 'human-turn' },
    h('h3', null, 'Your turn', h('span', { class: 'count' }, 'you are the agent')),
    h('div', { class: 'body' },
      obs.length ? h('div', { class: 'obs' }, obs.slice(-3).map(observationLine)) : null,
      hasScreen ? h('p', { class: 'note', style: 'margin-bottom:8px' }, 'Tap the phone to act on it, or call a tool:') : null,
      h('div', { class: 'tool-pick' }, picker),
      desc,
      formBox,
      h('div', { class: 'sep' }),
      h('div', { class: 'ends' }, text,
        h('div', { class: 'row-actions' },
          h('button', { class: 'btn', id: 'btn-refuse', onclick: end('refuse') }, 'Refuse'),
          h('button', { class: 'btn', id: 'btn-ask', onclick: end('ask') }, 'Ask'),
          h('button', { class: 'btn primary', id: 'btn-finish', onclick: end('finish') }, 'Finish'))))));
  if (S.humanBusy) box.querySelectorAll<HTMLButtonElement>('button,input,select,textarea').forEach((el) => (el.disabled = true));
}
