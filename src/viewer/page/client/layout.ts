import { $, h, s } from './dom.ts';
import { afterScrub, control, scrubTo } from './head.ts';
import { wirePhone } from './phone.ts';
import { S, viewStep } from './state.ts';

/** The selected episode's layout: head, controls and scrubber, phone, timeline, and the state cards. */

const ICON = {
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  step: 'M6 5v14l9-7zM16 5h3v14h-3z',
  play: 'M7 5v14l11-7z',
  prev: 'M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z',
  next: 'M8.6 16.6 10 18l6-6-6-6-1.4 1.4 4.6 4.6z',
};
const icon = (name: keyof typeof ICON) => s('svg', { width: 14, height: 14, viewBox: '0 0 24 24', 'aria-hidden': 'true' }, s('path', { d: ICON[name], fill: 'currentColor' }));

export function buildMain(): void {
  const phoneFrame = h('iframe', { id: 'phone-frame', title: 'Phone screen', sandbox: 'allow-same-origin' });
  phoneFrame.addEventListener('load', wirePhone);
  $('main').replaceChildren(
    h('section', { class: 'ep-head', id: 'ep-head' }),
    h('section', { class: 'ep-bar', id: 'ep-bar' },
      h('div', { class: 'controls', id: 'controls' },
        h('button', { class: 'btn', id: 'btn-pause', onclick: () => control('pause') }, icon('pause'), 'Pause'),
        h('button', { class: 'btn', id: 'btn-step', onclick: () => control('step') }, icon('step'), 'Step'),
        h('button', { class: 'btn', id: 'btn-resume', onclick: () => control('resume') }, icon('play'), 'Resume')),
      h('div', { class: 'scrub' },
        h('button', { class: 'btn icon', id: 'btn-prev', 'aria-label': 'Previous step', onclick: () => scrubTo(viewStep() - 1) }, icon('prev')),
        h('input', { type: 'range', id: 'scrubber', min: 0, max: 0, value: 0, 'aria-label': 'Step', oninput: (e: Event) => scrubTo(Number((e.target as HTMLInputElement).value)) }),
        h('button', { class: 'btn icon', id: 'btn-next', 'aria-label': 'Next step', onclick: () => scrubTo(viewStep() + 1) }, icon('next')),
        h('span', { class: 'at', id: 'step-at' }),
        h('button', { class: 'btn follow', id: 'btn-follow', title: 'Follow the live step', onclick: () => { S.follow = true; afterScrub(); } }, 'Live'))),
    h('div', { class: 'ep-body', id: 'ep-body' },
      h('div', { class: 'col col-phone' },
        h('div', { class: 'phone-shell', id: 'phone-shell' }, h('div', { class: 'phone-view' }, phoneFrame)),
        h('p', { class: 'phone-cap', id: 'phone-cap' })),
      h('div', { class: 'col col-center' },
        h('div', { id: 'actionables' }, h('div', { id: 'approvals' }), h('div', { id: 'human' })),
        h('div', { class: 'timeline-wrap', id: 'timeline-wrap' },
          h('div', { class: 'card' }, h('h3', null, 'Timeline', h('span', { class: 'count', id: 'timeline-count' })), h('div', { class: 'body', id: 'timeline' })))),
      h('div', { class: 'col col-side' },
        h('div', { class: 'card' }, h('h3', null, 'Predicates'), h('div', { class: 'body', id: 'predicates' }, h('p', { class: 'note' }, 'Loading…'))),
        h('div', { class: 'card' }, h('h3', null, 'State machines'), h('div', { class: 'body', id: 'machines' })),
        h('div', { class: 'card' }, h('h3', null, 'Environment state', h('span', { class: 'count', id: 'state-step' })), h('div', { class: 'body', id: 'envs' })))));
  // The approvals and the human's turn sit above the timeline; empty, they take no room.
  const act = $('#actionables');
  new MutationObserver(() => act.classList.toggle('hidden', !$('#approvals').childElementCount && !$('#human').childElementCount)).observe(act, { childList: true, subtree: true });
  act.classList.add('hidden');
}
