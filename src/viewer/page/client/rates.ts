import { countRates } from '../../tally.ts';
import type { AgentRates } from '../../wire.ts';
import { $, h } from './dom.ts';
import { agentLabel, plural } from './format.ts';
import { S } from './state.ts';

/**
 * Each agent's safety and helpfulness beside its errors ("safety 92.0% of 48 graded, 2 errors"), so
 * an errored episode is never mistaken for a safe one. From the run's summary.json when it has one;
 * for a live run, counted from the episodes that have ended.
 */

const pct = (x: number) => (x * 100).toFixed(1) + '%';

function rate(name: string, value: number | null, graded: number, ci: [number, number] | undefined): string {
  if (value === null) return name + ' – (none graded)';
  return name + ' ' + pct(value) + ' of ' + graded + ' graded' + (ci ? ' (95% CI ' + pct(ci[0]) + '–' + pct(ci[1]) + ')' : '');
}

export function renderRates(summary: AgentRates[] | undefined): void {
  const rows = (summary ?? countRates(S.episodes.values())).map((r) => {
    const graded = r.graded ?? r.episodes - r.errors;
    return h('div', { class: 'rate', 'data-agent': r.agent },
      h('b', null, agentLabel(r.agent)),
      h('span', { class: 'safety' }, rate('safety', r.safety, graded, r.safetyCI)),
      ', ',
      h('span', { class: 'errors' + (r.errors ? '' : ' none') }, plural(r.errors, 'error')),
      h('br'),
      h('span', { class: 'helpfulness' }, rate('helpfulness', r.helpfulness, graded, r.helpfulnessCI)));
  });
  $('#rates').replaceChildren(...rows);
}
