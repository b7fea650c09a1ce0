/**
 * The viewer page's client, as a string (vanilla JS, no framework). Everything that comes from the
 * server goes into the page as text nodes or attribute values, never as markup; the phone's screen
 * (itself escaped by the renderer) goes into a sandboxed iframe that runs no scripts.
 *
 * Written without backticks and without dollar-brace so it can live in this template literal.
 */
export const SCRIPT = String.raw`
(() => {
'use strict';

// ---------- plumbing ----------
const token = new URLSearchParams(location.search).get('token') || '';
const latencies = (window.__tripwireLatencies = []);
const enc = encodeURIComponent;
const withToken = (path) => path + (path.includes('?') ? '&' : '?') + 'token=' + enc(token);

async function api(path, init) {
  const res = await fetch(withToken(path), init);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error((body && body.error) || res.status + ' ' + res.statusText);
  return body;
}
const post = (path, body) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const $ = (sel, root) => (root || document).querySelector(sel);

function setProps(el, props) {
  if (!props) return;
  for (const k of Object.keys(props)) {
    const v = props[k];
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}
function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
}
/** An element; strings become text nodes, so nothing from the server is ever parsed as markup. */
function h(tag, props, ...kids) { const el = document.createElement(tag); setProps(el, props); append(el, kids); return el; }
const SVG = 'http://www.w3.org/2000/svg';
function s(tag, props, ...kids) { const el = document.createElementNS(SVG, tag); setProps(el, props); append(el, kids); return el; }

let toastTimer;
function toast(message) {
  const t = $('#toast');
  t.textContent = message;
  t.classList.add('on');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('on'), 4000);
}

function compact(v, max) {
  let t;
  try { t = typeof v === 'string' ? v : JSON.stringify(v); } catch (e) { t = String(v); }
  if (t === undefined) t = String(v);
  max = max || 160;
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}
function pretty(v) {
  try { return typeof v === 'string' ? v : JSON.stringify(v, null, 2); } catch (e) { return String(v); }
}
/** An observation in one line: top-level fields, with nested lists and objects only counted. */
function brief(v) {
  if (v === null || typeof v !== 'object') return compact(v, 200);
  if (Array.isArray(v)) return '[' + v.length + ' item' + (v.length === 1 ? '' : 's') + ']';
  const parts = Object.keys(v).map((k) => {
    const x = v[k];
    const shown = Array.isArray(x) ? '[' + x.length + ']' : x && typeof x === 'object' ? '{' + Object.keys(x).length + '}' : compact(typeof x === 'string' ? JSON.stringify(x) : x, 60);
    return k + ': ' + shown;
  });
  return compact(parts.join(', '), 200);
}
function argsText(args) {
  if (args === undefined || args === null) return '';
  if (typeof args !== 'object' || Array.isArray(args)) return compact(args, 200);
  return Object.keys(args).map((k) => k + ': ' + compact(typeof args[k] === 'string' ? JSON.stringify(args[k]) : args[k], 80)).join(', ');
}
function stateName(value) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.keys(value).map((k) => k + '.' + stateName(value[k])).join(', ');
  return String(value);
}

// ---------- state ----------
const S = {
  episodes: new Map(), // id -> summary from the server
  scenarios: {},
  approvals: new Map(), // id -> pending approval
  liveStep: new Map(), // id -> highest step seen in its live records
  flagged: new Set(), // ids with a violation seen live
  selected: null,
  gen: 0, // bumps on every selection: late answers for an old selection are dropped
  loading: false,
  pending: [],
  records: [],
  recordKeys: new Set(),
  follow: true, // the scrubber follows the live step until the user moves it
  step: 0,
  state: null,
  machines: null,
  human: null,
  humanBusy: false,
  humanTool: null,
  openPaths: new Set(), // JSON nodes the user opened, as env + path
  openResults: new Set(),
};

const episode = () => (S.selected ? S.episodes.get(S.selected) : undefined);
const scenarioOf = (ep) => (ep && S.scenarios[ep.scenarioId]) || null;
const titleOf = (ep) => { const sc = scenarioOf(ep); return sc && sc.title ? sc.title : ep.scenarioId; };
const stepsOf = (ep) => Math.max((ep && ep.steps) || 0, (ep && S.liveStep.get(ep.episodeId)) || 0);
/** Agent names may hold a file path (scripted:/tmp/x/plan.json): show its last part. */
const agentLabel = (name) => {
  const i = name.indexOf(':');
  const spec = name.slice(i + 1);
  if (i < 0 || !/^(\/|\.\.?[\/\\]|~[\/\\]|[A-Za-z]:[\/\\])/.test(spec)) return name;
  return name.slice(0, i + 1) + spec.split(/[\/\\]/).pop();
};
const approvalsFor = (id) => [...S.approvals.values()].filter((a) => a.episodeId === id);
const viewStep = () => { const ep = episode(); return S.follow ? stepsOf(ep) : Math.min(S.step, stepsOf(ep)); };

function statusOf(ep) {
  if (ep.end) return ep.end.status;
  if (!ep.running) return 'stopped';
  if (approvalsFor(ep.episodeId).length) return 'approval';
  if (ep.waitingForHuman) return 'waiting';
  if (ep.paused) return 'paused';
  return 'running';
}
const STATUS = {
  running: ['running', 'running'], paused: ['paused', 'paused'], waiting: ['your turn', 'waiting'], approval: ['needs approval', 'approval'],
  finished: ['finished', 'muted'], refused: ['refused', 'muted'], asked: ['asked', 'muted'], limit: ['step limit', 'muted'], error: ['error', 'bad'], stopped: ['no trace', 'muted'],
};
function statusChip(ep) {
  const st = statusOf(ep);
  const [label, cls] = STATUS[st] || [st, 'muted'];
  const live = st === 'running' || st === 'paused' || st === 'waiting' || st === 'approval';
  return h('span', { class: 'chip ' + cls, 'data-status': st }, live ? h('i') : null, label + (live ? ' · step ' + stepsOf(ep) : ''));
}
function verdictChips(ep, long) {
  const v = ep.end && ep.end.verdict;
  if (v) {
    return [
      h('span', { class: 'chip ' + (v.safe ? 'good' : 'bad'), 'data-verdict': 'safe' }, v.safe ? 'safe' : 'unsafe'),
      h('span', { class: 'chip ' + (v.helpful ? 'good' : 'muted'), 'data-verdict': 'helpful' }, v.helpful ? 'helpful' : 'not helpful'),
    ];
  }
  if (S.flagged.has(ep.episodeId)) return [h('span', { class: 'chip bad' }, long ? 'safety violated' : 'violation')];
  return [];
}

function mergeSummary(sum) {
  const old = S.episodes.get(sum.episodeId);
  // Answers cross on two connections: never let an older summary undo an end we already saw.
  if (old && old.end && !sum.end) return;
  const { records, ...rest } = sum;
  S.episodes.set(sum.episodeId, rest);
}

// ---------- rendering, coalesced ----------
const dirty = new Set();
let renderTimer;
function schedule(...parts) {
  for (const p of parts) dirty.add(p);
  if (!renderTimer) renderTimer = setTimeout(flush, 0);
}
function flush() {
  renderTimer = undefined;
  const parts = new Set(dirty);
  dirty.clear();
  if (parts.has('sidebar')) renderSidebar();
  if (parts.has('top')) renderTop();
  if (!episode()) return;
  if (parts.has('head')) renderHead();
  if (parts.has('bar')) renderBar();
  if (parts.has('approvals')) renderApprovals();
  if (parts.has('human')) renderHuman();
  if (parts.has('timeline')) renderTimeline();
  else if (parts.has('current')) markCurrent(true);
  if (parts.has('state')) renderState();
}

function renderTop() {
  const eps = [...S.episodes.values()];
  const running = eps.filter((e) => e.running).length;
  $('#run-info').textContent = eps.length + ' episode' + (eps.length === 1 ? '' : 's') + (running ? ' · ' + running + ' running' : '');
  const alert = $('#approval-alert');
  const n = S.approvals.size;
  alert.classList.toggle('on', n > 0);
  alert.textContent = n + ' approval' + (n === 1 ? '' : 's') + ' waiting';
}

function renderSidebar() {
  const list = $('#episodes');
  const eps = [...S.episodes.values()];
  const ordered = eps.filter((e) => e.running).concat(eps.filter((e) => !e.running));
  $('#episode-count').textContent = String(eps.length);
  const items = ordered.map((ep) =>
    h('button', { class: 'ep' + (ep.episodeId === S.selected ? ' selected' : ''), 'data-episode': ep.episodeId, title: ep.episodeId, onclick: () => select(ep.episodeId) },
      h('span', { class: 'ep-title' }, titleOf(ep)),
      h('span', { class: 'ep-meta' }, agentLabel(ep.agent) + ' · trial ' + ep.trial),
      h('span', { class: 'ep-badges' }, statusChip(ep), verdictChips(ep, false))));
  list.replaceChildren(...(items.length ? items : [h('p', { class: 'empty' }, 'No episodes yet: they appear here as the run starts them.')]));
}

// ---------- the selected episode ----------
const ICON = {
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  step: 'M6 5v14l9-7zM16 5h3v14h-3z',
  play: 'M7 5v14l11-7z',
  prev: 'M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z',
  next: 'M8.6 16.6 10 18l6-6-6-6-1.4 1.4 4.6 4.6z',
};
const icon = (name) => s('svg', { width: 14, height: 14, viewBox: '0 0 24 24', 'aria-hidden': 'true' }, s('path', { d: ICON[name], fill: 'currentColor' }));

function buildMain() {
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
        h('input', { type: 'range', id: 'scrubber', min: 0, max: 0, value: 0, 'aria-label': 'Step', oninput: (e) => scrubTo(Number(e.target.value)) }),
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

function renderHead() {
  const ep = episode();
  const sc = scenarioOf(ep);
  const v = ep.end && ep.end.verdict;
  const violations = v ? v.violations : S.records.filter((r) => r.kind === 'violation').map((r) => ({ predicate: r.predicate, step: r.step }));
  $('#ep-head').replaceChildren(
    h('div', { class: 'what' },
      h('h1', null, titleOf(ep)),
      h('div', { class: 'sub' },
        h('span', { title: ep.agent }, 'agent ', h('b', null, agentLabel(ep.agent))),
        h('span', null, 'scenario ', h('b', null, ep.scenarioId)),
        h('span', null, 'trial ', h('b', null, String(ep.trial))),
        sc && sc.risk ? h('span', null, 'risk ', h('b', null, sc.risk)) : null),
      sc && sc.instruction ? h('p', { class: 'instruction' }, sc.instruction) : null),
    h('div', { class: 'verdict', id: 'verdict' },
      statusChip(ep),
      verdictChips(ep, true),
      violations.map((x) => h('span', { class: 'chip bad', 'data-violation': x.predicate }, x.predicate + ' @ step ' + x.step))));
}

function renderBar() {
  const ep = episode();
  const max = stepsOf(ep);
  const at = viewStep();
  const live = ep.running;
  $('#controls').classList.toggle('hidden', !live);
  $('#btn-pause').disabled = !!ep.paused;
  $('#btn-resume').disabled = !ep.paused;
  $('#btn-step').disabled = false;
  const r = $('#scrubber');
  r.max = String(max);
  r.value = String(at);
  r.disabled = max === 0;
  $('#btn-prev').disabled = at <= 0;
  $('#btn-next').disabled = at >= max;
  $('#step-at').textContent = 'step ' + at + ' of ' + max;
  const f = $('#btn-follow');
  f.classList.toggle('on', S.follow);
  f.textContent = S.follow ? (live ? 'Live' : 'Last step') : (live ? 'Back to live' : 'Last step');
}

function scrubTo(step) {
  const max = stepsOf(episode());
  step = Math.max(0, Math.min(max, step));
  S.step = step;
  S.follow = step >= max;
  afterScrub();
}
function afterScrub() {
  schedule('bar', 'current');
  refreshState();
}

async function control(command) {
  const ep = episode();
  if (!ep) return;
  try {
    mergeSummary(await post('/api/episodes/' + enc(ep.episodeId) + '/control', { command }));
    schedule('bar', 'head', 'sidebar');
  } catch (e) {
    toast(command + ': ' + e.message);
  }
}

// ---------- timeline ----------
function actionLine(r) {
  const a = r.action || {};
  if ('raw' in a) return h('div', { class: 'tl action' }, h('span', { class: 'verb' }, 'invalid action'), h('span', { class: 'args' }, compact(a.raw, 200)));
  if (a.type === 'tool') return h('div', { class: 'tl action' }, h('span', { class: 'tool' }, a.tool), h('span', { class: 'args' }, argsText(a.args)));
  const text = a.type === 'message' ? a.text : a.type === 'finish' ? a.answer : a.type === 'refuse' ? a.reason : a.type === 'ask' ? a.question : '';
  return h('div', { class: 'tl action' }, h('span', { class: 'verb ' + a.type }, a.type), h('span', null, text || ''));
}

function recordLines(r) {
  switch (r.kind) {
    case 'episode':
      return h('div', { class: 'tl start' }, h('div', null, 'Episode started · ', r.tools.length + ' tools · up to ' + r.limits.steps + ' steps'));
    case 'action':
      return actionLine(r);
    case 'result': {
      const key = r.step + ':' + r.tool;
      // The full observation is drawn only when opened: a phone's element list is long.
      const full = h('pre');
      const fill = () => { if (!full.textContent) full.textContent = pretty(r.observation); };
      const d = h('details', { class: 'tl result' }, h('summary', null, brief(r.observation)), full);
      if (S.openResults.has(key)) { fill(); d.open = true; }
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
    case 'violation':
      return h('div', { class: 'violation', 'data-predicate': r.predicate }, h('strong', null, 'Safety violated: ' + r.predicate), ' — ', r.description);
    case 'end':
      return h('div', { class: 'tl end' }, 'Episode ended: ' + r.status, r.verdict ? [
        h('span', { class: 'chip ' + (r.verdict.safe ? 'good' : 'bad') }, r.verdict.safe ? 'safe' : 'unsafe'),
        h('span', { class: 'chip ' + (r.verdict.helpful ? 'good' : 'muted') }, r.verdict.helpful ? 'helpful' : 'not helpful'),
      ] : null, r.reason ? h('span', { class: 'note' }, r.reason) : null);
    default:
      return h('div', { class: 'tl' }, compact(r, 200));
  }
}

function renderTimeline() {
  const wrap = $('#timeline-wrap');
  const nearBottom = wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 40;
  const groups = new Map();
  for (const r of S.records) {
    const step = typeof r.step === 'number' ? r.step : 0;
    if (!groups.has(step)) groups.set(step, []);
    groups.get(step).push(r);
  }
  const current = viewStep();
  const box = $('#timeline');
  const rows = [...groups.keys()].sort((a, b) => a - b).map((step) => {
    const rs = groups.get(step);
    return h('div', {
      class: 'tl-step' + (step === current ? ' current' : '') + (rs.some((r) => r.kind === 'violation') ? ' violated' : ''),
      'data-step': step,
      onclick: () => scrubTo(step),
    }, h('div', { class: 'tl-num' }, step === 0 ? 'start' : String(step)), h('div', { class: 'tl-items' }, rs.map(recordLines)));
  });
  box.replaceChildren(...(rows.length ? rows : [h('p', { class: 'note' }, S.loading ? 'Loading…' : 'Nothing yet.')]));
  const n = stepsOf(episode());
  $('#timeline-count').textContent = n + (n === 1 ? ' step' : ' steps');
  if (S.follow && (nearBottom || episode().running)) wrap.scrollTop = wrap.scrollHeight;
  else markCurrent(false);
}
/** Marks the viewed step in the timeline without rebuilding it (open details stay open). */
function markCurrent(scroll) {
  const current = viewStep();
  let el;
  for (const row of document.querySelectorAll('#timeline .tl-step')) {
    const on = Number(row.getAttribute('data-step')) === current;
    row.classList.toggle('current', on);
    if (on) el = row;
  }
  if (el && scroll) el.scrollIntoView({ block: 'nearest' });
}

// ---------- state at the viewed step: phone, predicates, machines, environments ----------
let stateBusy = false;
let stateAgain = false;
async function refreshState() {
  if (!S.selected || S.loading) return;
  if (stateBusy) { stateAgain = true; return; }
  stateBusy = true;
  const gen = S.gen;
  const id = S.selected;
  let step = viewStep();
  // A call held for approval is in the trace but has not reached the world: show the world before it.
  const held = approvalsFor(id).map((a) => a.step);
  if (held.length) step = Math.max(0, Math.min(step, Math.min(...held) - 1));
  try {
    const st = await api('/api/episodes/' + enc(id) + '/state?step=' + step);
    if (gen === S.gen) { S.state = st; renderState(); }
  } catch (e) {
    if (gen === S.gen) toast('state: ' + e.message);
  } finally {
    stateBusy = false;
    if (stateAgain) { stateAgain = false; refreshState(); }
  }
}

function renderState() {
  const st = S.state;
  if (!st) return;
  const envs = Object.keys(st.environments || {});
  const screenEnv = envs.find((e) => typeof st.environments[e].screen === 'string');
  $('#ep-body').classList.toggle('has-phone', !!screenEnv);
  if (screenEnv) {
    const frame = $('#phone-frame');
    const html = st.environments[screenEnv].screen;
    if (frame.srcdoc !== html) frame.srcdoc = html;
  }
  renderTappable();
  $('#state-step').textContent = 'at step ' + st.step;

  // predicates
  const preds = st.predicates || [];
  const group = (kind, title) => {
    const ps = preds.filter((p) => p.kind === kind);
    if (!ps.length) return null;
    return [h('div', { class: 'pred-group' }, title), ps.map((p) => {
      const cls = p.state === 'violated' ? 'bad' : p.state === 'holding' || p.state === 'met' ? 'good' : 'muted';
      const label = p.state === 'violated' ? 'violated at step ' + p.step : p.state;
      return h('div', { class: 'pred', 'data-predicate': p.id, 'data-state': p.state },
        h('span', { class: 'id' }, p.id), h('span', { class: 'state chip ' + cls }, label), h('span', { class: 'desc' }, p.description));
    })];
  };
  $('#predicates').replaceChildren(...[group('safety', 'Safety'), group('helpfulness', 'Helpfulness')].flat(Infinity).filter(Boolean));

  // machines
  const machines = envs.map((env) => {
    const graph = S.machines && S.machines[env];
    const e = st.environments[env];
    return h('div', { class: 'machine', 'data-env': env },
      h('div', { class: 'label' }, h('b', null, env), h('span', null, 'in ' + stateName(e.value) + (e.tags && e.tags.length ? ' · ' + e.tags.join(', ') : ''))),
      graph ? machineSvg(graph, e.value) : h('p', { class: 'note' }, 'No graph.'));
  });
  $('#machines').replaceChildren(...machines);

  // environments
  const byEnv = new Map((st.changes || []).map((c) => [c.env, c.changes]));
  $('#envs').replaceChildren(...envs.map((env) => envView(env, st.environments[env], byEnv.get(env) || [])));
}

function renderTappable() {
  const tappable = canTap();
  const shell = $('#phone-shell');
  if (!shell) return;
  shell.classList.toggle('tappable', tappable);
  const cap = $('#phone-cap');
  cap.classList.toggle('tap', tappable);
  cap.textContent = tappable ? 'Your turn: tap the screen (right-click for a long tap)' : S.state ? 'Phone at step ' + S.state.step : '';
  const doc = $('#phone-frame').contentDocument;
  if (doc && doc.documentElement) doc.documentElement.classList.toggle('tw-tappable', tappable);
}

const canTap = () => !!(S.human && S.human.waiting && !S.humanBusy && S.follow && S.human.tools.some((t) => t.name === 'tap'));

/** Runs on every load of the phone's iframe: the parent's listeners map a click to tap {index}. */
function wirePhone() {
  const doc = $('#phone-frame').contentDocument;
  if (!doc || !doc.head) return;
  const style = doc.createElement('style');
  style.textContent = '.tw-tappable [data-tag]{cursor:pointer}.tw-tappable [data-tag]:hover{outline:2px solid #8b5cf6;outline-offset:-2px;background-color:rgba(139,92,246,.08)}';
  doc.head.append(style);
  doc.documentElement.setAttribute('data-wired', '');
  const target = (e) => {
    const hit = e.target && e.target.closest ? e.target.closest('[data-tag]') : null;
    if (hit) return hit;
    return doc.elementsFromPoint(e.clientX, e.clientY).find((el) => el.hasAttribute && el.hasAttribute('data-tag')) || null;
  };
  const handle = (tool) => (e) => {
    if (!canTap()) return;
    const el = target(e);
    if (!el) return;
    e.preventDefault();
    act({ type: 'tool', tool, args: { index: Number(el.getAttribute('data-tag')) } });
  };
  doc.addEventListener('click', handle('tap'));
  doc.addEventListener('contextmenu', handle('long_tap'));
  renderTappable();
}

// ---------- state machine drawing ----------
let svgIds = 0;
function activeIds(prefix, value) {
  if (typeof value === 'string') return [prefix + '.' + value];
  if (!value || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((k) => [prefix + '.' + k].concat(activeIds(prefix + '.' + k, value[k])));
}
function machineSvg(graph, value) {
  const root = graph.states.find((x) => !x.parent) || graph.states[0];
  const nodes = graph.states.filter((x) => x !== root);
  const active = new Set(activeIds(root.id, value));
  const rel = (id) => (id.startsWith(root.id + '.') ? id.slice(root.id.length + 1) : id);
  const W = 360;
  const n = nodes.length;
  if (!n) return h('p', { class: 'note' }, 'One state: ' + root.key + (graph.transitions.length ? ' (' + [...new Set(graph.transitions.map((t) => t.event))].join(', ') + ')' : ''));
  const pos = new Map();
  let H;
  if (n <= 3) {
    H = n === 1 ? 70 : 120;
    nodes.forEach((nd, i) => pos.set(nd.id, { x: n === 1 ? W / 2 : 70 + ((W - 140) / (n - 1)) * i, y: H / 2 - 6 }));
  } else {
    const R = Math.min(120, 36 + n * 13);
    const squash = 0.62;
    H = 2 * R * squash + 72;
    nodes.forEach((nd, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      pos.set(nd.id, { x: W / 2 + R * 1.15 * Math.cos(a), y: H / 2 - 6 + R * squash * Math.sin(a) });
    });
  }
  const size = (nd) => ({ w: Math.max(64, 16 + rel(nd.id).length * 7), h: 26 });
  const sizes = new Map(nodes.map((nd) => [nd.id, size(nd)]));
  const edgePairs = new Map();
  const loops = new Map();
  for (const t of graph.transitions) {
    if (!pos.has(t.from) || !pos.has(t.to)) continue;
    if (t.from === t.to) { if (!loops.has(t.from)) loops.set(t.from, []); loops.get(t.from).push(t.event); continue; }
    const key = t.from + '|' + t.to;
    if (!edgePairs.has(key)) edgePairs.set(key, { from: t.from, to: t.to, events: [] });
    edgePairs.get(key).events.push(t.event);
  }
  const marker = 'arrow' + ++svgIds;
  const exit = (c, sz, toward) => {
    const dx = toward.x - c.x, dy = toward.y - c.y;
    const k = Math.min(sz.w / 2 / Math.max(Math.abs(dx), 0.001), (sz.h / 2 + 2) / Math.max(Math.abs(dy), 0.001));
    return { x: c.x + dx * Math.min(k, 1), y: c.y + dy * Math.min(k, 1) };
  };
  const showLabels = edgePairs.size <= 6;
  const edges = [...edgePairs.values()].map((e) => {
    const p = pos.get(e.from), q = pos.get(e.to);
    const dx = q.x - p.x, dy = q.y - p.y, len = Math.hypot(dx, dy) || 1;
    const bend = Math.min(34, len * 0.22);
    const c = { x: (p.x + q.x) / 2 + (-dy / len) * bend, y: (p.y + q.y) / 2 + (dx / len) * bend };
    const a = exit(p, sizes.get(e.from), c), b = exit(q, sizes.get(e.to), c);
    const label = [...new Set(e.events)].join(', ');
    const mid = { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y };
    return s('g', null,
      s('path', { class: 'm-edge' + (active.has(e.from) ? ' hot' : ''), d: 'M' + a.x.toFixed(1) + ' ' + a.y.toFixed(1) + ' Q' + c.x.toFixed(1) + ' ' + c.y.toFixed(1) + ' ' + b.x.toFixed(1) + ' ' + b.y.toFixed(1), 'marker-end': 'url(#' + marker + ')' }, s('title', null, rel(e.from) + ' → ' + rel(e.to) + ': ' + label)),
      showLabels ? s('text', { class: 'm-edge-label', x: mid.x.toFixed(1), y: (mid.y + 3).toFixed(1), 'text-anchor': 'middle' }, label.length > 26 ? label.slice(0, 25) + '…' : label) : null);
  });
  const boxes = nodes.map((nd) => {
    const p = pos.get(nd.id), sz = sizes.get(nd.id);
    const evs = loops.get(nd.id) || [];
    return s('g', { class: 'm-node' + (active.has(nd.id) ? ' active' : ''), 'data-state': rel(nd.id) },
      s('rect', { x: (p.x - sz.w / 2).toFixed(1), y: (p.y - sz.h / 2).toFixed(1), width: sz.w, height: sz.h, rx: 13 }),
      s('text', { x: p.x.toFixed(1), y: (p.y + 4).toFixed(1), 'text-anchor': 'middle' }, rel(nd.id)),
      evs.length ? s('text', { class: 'loops', x: p.x.toFixed(1), y: (p.y + sz.h / 2 + 12).toFixed(1), 'text-anchor': 'middle' }, '↻ ' + (evs.length <= 2 ? evs.join(', ') : evs.length + ' events'), s('title', null, evs.join(', '))) : null,
      s('title', null, nd.id + (nd.tags && nd.tags.length ? ' [' + nd.tags.join(', ') + ']' : '')));
  });
  const everywhere = graph.transitions.filter((t) => t.from === root.id && t.to === root.id).map((t) => t.event);
  const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H.toFixed(0), role: 'img', 'aria-label': 'state machine ' + root.key },
    s('defs', null, s('marker', { id: marker, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { class: 'm-arrow', d: 'M0 0 L10 5 L0 10 z' }))),
    edges, boxes);
  return [svg, everywhere.length ? h('p', { class: 'note everywhere' }, 'In every state: ' + everywhere.join(', ')) : null];
}

// ---------- environment state as a JSON tree, this step's changes highlighted ----------
function envView(env, e, changes) {
  const changed = new Set(changes.map((c) => c.path));
  const onPath = new Set();
  for (const p of changed) {
    const parts = p.split('.');
    for (let i = 1; i < parts.length; i++) onPath.add(parts.slice(0, i).join('.'));
  }
  const list = changes.length
    ? h('ul', { class: 'changes' }, changes.map((c) => h('li', null,
      h('span', { class: 'path' }, c.path), ': ',
      'from' in c ? h('span', { class: 'from' }, compact(c.from, 80)) : h('span', { class: 'note' }, '(new)'), ' → ',
      'to' in c ? h('span', { class: 'to' }, compact(c.to, 120)) : h('span', { class: 'note' }, '(removed)'))))
    : h('p', { class: 'note', style: 'margin-bottom:6px' }, 'No change at this step.');
  return h('div', { class: 'env', 'data-env': env },
    h('div', { class: 'env-head' }, h('b', null, env), h('span', null, changes.length + ' change' + (changes.length === 1 ? '' : 's') + ' at step ' + S.state.step)),
    list,
    h('div', { class: 'json' }, jsonChildren(env, e.context, '', changed, onPath, 0)));
}

function scalar(v) {
  if (typeof v === 'string') return h('span', { class: 's' }, JSON.stringify(v));
  if (typeof v === 'number') return h('span', { class: 'n' }, String(v));
  if (typeof v === 'boolean') return h('span', { class: 'b' }, String(v));
  return h('span', { class: 'z' }, v === null ? 'null' : String(v));
}
function jsonChildren(env, value, path, changed, onPath, depth) {
  if (value === null || typeof value !== 'object') return [h('div', { class: 'row' + (changed.has(path || '.') ? ' changed' : '') }, scalar(value))];
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  const shown = keys.slice(0, 300);
  const out = shown.map((k) => jsonNode(env, k, value[k], path ? path + '.' + k : k, changed, onPath, depth));
  if (keys.length > shown.length) out.push(h('div', { class: 'row meta' }, '… ' + (keys.length - shown.length) + ' more'));
  if (!keys.length) out.push(h('div', { class: 'row meta' }, Array.isArray(value) ? '[]' : '{}'));
  return out;
}
function jsonNode(env, key, value, path, changed, onPath, depth) {
  const mark = changed.has(path) ? ' changed' : '';
  if (value === null || typeof value !== 'object') {
    return h('div', { class: 'row' + mark, 'data-path': path }, h('span', { class: 'k' }, key), ': ', scalar(value));
  }
  const isArr = Array.isArray(value);
  const n = isArr ? value.length : Object.keys(value).length;
  const id = env + ':' + path;
  const open = S.openPaths.has(id) || onPath.has(path) || (depth === 0 && n <= 8);
  const d = h('details', { class: (onPath.has(path) ? 'on-path' : '') + mark, 'data-path': path },
    h('summary', { class: mark.trim() }, h('span', { class: 'k' }, key), ' ', h('span', { class: 'meta' }, isArr ? '[' + n + ']' : '{' + n + '}')));
  const kids = h('div', { class: 'kids' });
  d.append(kids);
  let filled = false;
  const fill = () => { if (!filled) { filled = true; kids.append(...jsonChildren(env, value, path, changed, onPath, depth + 1)); } };
  if (open) { d.open = true; fill(); }
  d.addEventListener('toggle', () => {
    if (d.open) { fill(); S.openPaths.add(id); } else S.openPaths.delete(id);
  });
  return d;
}

// ---------- approvals ----------
function renderApprovals() {
  const box = $('#approvals');
  const mine = approvalsFor(S.selected);
  box.replaceChildren(...mine.map((a) => {
    const reason = h('input', { type: 'text', placeholder: 'Reason (the agent sees it)', 'aria-label': 'Reason for rejecting', class: 'reason' });
    const decide = async (approved, btns) => {
      btns.forEach((b) => (b.disabled = true));
      try {
        await post('/api/approvals/' + enc(a.id), approved ? { approved: true } : { approved: false, reason: reason.value.trim() || 'rejected in the viewer' });
        S.approvals.delete(a.id);
        schedule('approvals', 'sidebar', 'top', 'head');
      } catch (e) {
        btns.forEach((b) => (b.disabled = false));
        toast('approval: ' + e.message);
      }
    };
    const approve = h('button', { class: 'btn good', 'data-approve': a.id }, 'Approve');
    const reject = h('button', { class: 'btn bad', 'data-reject': a.id }, 'Reject');
    approve.addEventListener('click', () => decide(true, [approve, reject]));
    reject.addEventListener('click', () => decide(false, [approve, reject]));
    return h('div', { class: 'card approval', 'data-approval': a.id },
      h('h3', null, 'Approval needed', h('span', { class: 'count' }, 'step ' + a.step)),
      h('div', { class: 'body' },
        h('div', { class: 'call' }, h('b', null, a.tool), '(', argsText(a.args), ')'),
        h('div', { class: 'row-actions' }, approve, reason, reject)));
  }));
}

// ---------- a person's turn ----------
async function refreshHuman() {
  const id = S.selected;
  if (!id) return;
  const gen = S.gen;
  let data;
  try { data = await api('/api/episodes/' + enc(id) + '/human'); } catch (e) { data = { waiting: false }; }
  if (gen !== S.gen) return;
  S.human = data && data.waiting ? data : null;
  S.humanBusy = false;
  schedule('human');
  renderTappable();
}

async function act(action) {
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
    toast('action: ' + e.message);
  } finally {
    S.humanBusy = false;
    renderHuman();
    renderTappable();
  }
}

function schemaType(p) {
  let t = p && p.type;
  if (Array.isArray(t)) t = t.find((x) => x !== 'null');
  if (!t && p && Array.isArray(p.enum)) t = 'enum';
  return t;
}
/** One input per parameter; what a schema cannot say simply (nested objects, unions) is typed as JSON. */
function fieldFor(name, p, required) {
  const id = 'f-' + name.replace(/[^A-Za-z0-9_-]/g, '_');
  const t = schemaType(p);
  let input, read;
  if (Array.isArray(p.enum)) {
    input = h('select', { id, name }, required ? null : h('option', { value: '' }, '—'), p.enum.map((v) => h('option', { value: JSON.stringify(v) }, String(v))));
    read = () => (input.value === '' ? undefined : JSON.parse(input.value));
  } else if (t === 'boolean') {
    input = h('input', { type: 'checkbox', id, name });
    read = () => input.checked;
  } else if (t === 'number' || t === 'integer') {
    input = h('input', { type: 'number', id, name, step: t === 'integer' ? 1 : 'any', min: p.minimum, max: p.maximum !== undefined && p.maximum < 1e15 ? p.maximum : undefined });
    read = () => { if (input.value.trim() === '') return undefined; const n = Number(input.value); return Number.isFinite(n) ? n : input.value; };
  } else if (t === 'array' && p.items && schemaType(p.items) === 'string') {
    input = h('textarea', { id, name, rows: 2, placeholder: 'one per line' });
    read = () => { const v = input.value.split('\n').map((x) => x.trim()).filter(Boolean); return v.length || required ? v : undefined; };
  } else if (t === 'string') {
    const long = !p.maxLength || p.maxLength > 200;
    const multiline = long && /text|body|content|message|note|description/i.test(name);
    input = multiline ? h('textarea', { id, name, rows: 2 }) : h('input', { type: 'text', id, name });
    read = () => (input.value === '' && !required ? undefined : input.value);
  } else {
    input = h('textarea', { id, name, rows: 2, placeholder: 'JSON' });
    read = () => { if (input.value.trim() === '') return undefined; try { return JSON.parse(input.value); } catch (e) { return input.value; } };
  }
  return {
    name,
    read,
    nodes: [
      h('label', { for: id }, name, required ? h('span', { class: 'req' }, ' *') : null),
      input,
      p.description ? h('div', { class: 'hint' }, p.description) : null,
    ],
  };
}

function toolForm(tool) {
  const params = tool.parameters || {};
  const props = params.properties || {};
  const required = new Set(params.required || []);
  const fields = Object.keys(props).map((k) => fieldFor(k, props[k] || {}, required.has(k)));
  const call = h('button', { class: 'btn primary', id: 'call-tool', type: 'submit' }, 'Call ' + tool.name);
  const form = h('form', { id: 'tool-form', 'data-tool': tool.name },
    fields.length ? h('div', { class: 'fields' }, fields.map((f) => f.nodes)) : h('p', { class: 'note', style: 'margin-bottom:8px' }, 'No parameters.'),
    h('div', { class: 'row-actions', style: 'justify-content:flex-end' }, call));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const args = {};
    for (const f of fields) { const v = f.read(); if (v !== undefined) args[f.name] = v; }
    act({ type: 'tool', tool: tool.name, args });
  });
  return form;
}

function observationLine(o) {
  if (o.kind === 'error' && o.error) return h('div', { class: 'err' }, 'step ' + o.step + (o.tool ? ' · ' + o.tool : '') + ' · ' + o.error.code + ': ' + o.error.message);
  if (o.kind === 'message') return h('div', null, 'step ' + o.step + ' · ' + compact(o.content, 300));
  return h('div', null, 'step ' + o.step + (o.tool ? ' · ' + o.tool : '') + ' → ' + brief(o.content));
}

function renderHuman() {
  const box = $('#human');
  if (!box) return;
  const turn = S.human;
  if (!turn) {
    box.replaceChildren(...(S.humanBusy ? [h('div', { class: 'card human' }, h('h3', null, 'Your turn'), h('div', { class: 'body' }, h('p', { class: 'status-line' }, 'Sending…')))] : []));
    return;
  }
  const tools = turn.tools || [];
  const hasScreen = tools.some((t) => t.name === 'tap');
  if (!tools.some((t) => t.name === S.humanTool)) S.humanTool = tools.length ? tools[0].name : null;
  const formBox = h('div');
  const desc = h('p', { class: 'tool-desc' });
  const showTool = () => {
    const tool = tools.find((t) => t.name === S.humanTool);
    desc.textContent = tool ? tool.description + (tool.risk && tool.risk.length ? '  (risky: ' + tool.risk.join(', ') + ')' : '') : '';
    formBox.replaceChildren(tool ? toolForm(tool) : h('p', { class: 'note' }, 'No tools.'));
  };
  const picker = h('select', { id: 'tool-select', 'aria-label': 'Tool', onchange: (e) => { S.humanTool = e.target.value; showTool(); } },
    tools.map((t) => h('option', { value: t.name }, t.name + (t.environment ? '  ·  ' + t.environment : ''))));
  picker.value = S.humanTool || '';
  showTool();
  const text = h('textarea', { id: 'human-text', rows: 2, placeholder: 'Answer, question or reason for the user (optional for Finish and Refuse)' });
  const end = (type) => () => {
    const t = text.value.trim();
    if (type === 'ask' && !t) { toast('Ask needs a question'); text.focus(); return; }
    act(type === 'finish' ? { type, ...(t ? { answer: t } : {}) } : type === 'refuse' ? { type, ...(t ? { reason: t } : {}) } : { type, question: t });
  };
  const obs = turn.observations || [];
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
  if (S.humanBusy) box.querySelectorAll('button,input,select,textarea').forEach((el) => (el.disabled = true));
}

// ---------- selection ----------
function addRecord(r) {
  const key = JSON.stringify(r);
  if (S.recordKeys.has(key)) return false;
  S.recordKeys.add(key);
  S.records.push(r);
  return true;
}

async function select(id) {
  if (!S.episodes.has(id)) return;
  const same = S.selected === id;
  S.selected = id;
  const gen = ++S.gen;
  if (!same) {
    S.follow = true;
    S.step = 0;
    S.openPaths = new Set();
    S.openResults = new Set();
    S.human = null;
    S.humanBusy = false;
    history.replaceState(null, '', location.pathname + location.search + '#' + enc(id));
  }
  S.loading = true;
  S.pending = [];
  S.records = [];
  S.recordKeys = new Set();
  S.state = null;
  buildMain();
  schedule('sidebar', 'head', 'bar', 'timeline', 'approvals', 'human');
  try {
    const base = '/api/episodes/' + enc(id);
    const [detail, machines] = await Promise.all([api(base), api(base + '/machines')]);
    if (gen !== S.gen) return;
    mergeSummary(detail);
    for (const r of detail.records || []) addRecord(r);
    for (const r of S.pending) addRecord(r);
    S.pending = [];
    S.machines = machines;
    for (const r of S.records) if (typeof r.step === 'number') S.liveStep.set(id, Math.max(S.liveStep.get(id) || 0, r.step));
    if (S.records.some((r) => r.kind === 'violation')) S.flagged.add(id);
  } catch (e) {
    toast('episode: ' + e.message);
  } finally {
    if (gen === S.gen) S.loading = false;
  }
  if (gen !== S.gen) return;
  schedule('sidebar', 'head', 'bar', 'timeline', 'approvals');
  refreshState();
  refreshHuman();
}

// ---------- the live stream ----------
async function loadRun() {
  try {
    const run = await api('/api/run');
    S.scenarios = run.scenarios || {};
    for (const ep of run.episodes || []) mergeSummary(ep);
    S.approvals = new Map((run.approvals || []).map((a) => [a.id, a]));
    schedule('sidebar', 'top', 'head', 'approvals');
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (S.selected && S.episodes.has(S.selected)) select(S.selected);
    else if (wanted && S.episodes.has(wanted)) select(wanted);
    else autoSelect();
  } catch (e) {
    toast('run: ' + e.message);
  }
}
/** With nothing chosen yet, show the first running episode (or the only one). */
function autoSelect() {
  if (S.selected) return;
  const eps = [...S.episodes.values()];
  const pick = eps.find((e) => e.running) || (eps.length === 1 ? eps[0] : undefined);
  if (pick) select(pick.episodeId);
}

function connect() {
  const es = new EventSource(withToken('/api/events'));
  const conn = $('#conn');
  es.addEventListener('open', () => { conn.classList.add('live'); conn.lastChild.textContent = 'live'; loadRun(); });
  es.addEventListener('error', () => { conn.classList.remove('live'); conn.lastChild.textContent = 'reconnecting…'; });
  es.addEventListener('record', (ev) => {
    const d = JSON.parse(ev.data);
    latencies.push(Date.now() - d.sentAt);
    const id = d.episodeId;
    const r = d.record;
    if (typeof r.step === 'number') S.liveStep.set(id, Math.max(S.liveStep.get(id) || 0, r.step));
    if (r.kind === 'violation') S.flagged.add(id);
    if (r.kind === 'end') {
      const ep = S.episodes.get(id);
      if (ep) S.episodes.set(id, { ...ep, end: r, running: false, paused: false, waitingForHuman: false, steps: r.step });
    }
    schedule('sidebar', 'top');
    if (id !== S.selected) return;
    if (S.loading) { S.pending.push(r); return; }
    if (!addRecord(r)) return;
    schedule('timeline', 'bar', r.kind === 'violation' || r.kind === 'end' ? 'head' : null);
    if (S.follow) refreshState();
    if (r.kind === 'end') { S.human = null; schedule('human'); }
  });
  es.addEventListener('episode', (ev) => {
    const sum = JSON.parse(ev.data);
    mergeSummary(sum);
    schedule('sidebar', 'top');
    if (sum.episodeId === S.selected) schedule('head', 'bar');
    else if (!S.selected) autoSelect();
  });
  es.addEventListener('approval', (ev) => {
    const a = JSON.parse(ev.data);
    if (a.open) S.approvals.set(a.id, a);
    else S.approvals.delete(a.id);
    schedule('approvals', 'sidebar', 'top', 'head');
    if (a.episodeId === S.selected) refreshState();
  });
  es.addEventListener('human', (ev) => {
    const d = JSON.parse(ev.data);
    const ep = S.episodes.get(d.episodeId);
    if (ep) S.episodes.set(d.episodeId, { ...ep, waitingForHuman: !!d.waiting });
    schedule('sidebar');
    if (d.episodeId === S.selected) {
      if (d.waiting) refreshHuman();
      else { S.human = null; schedule('human'); renderTappable(); }
    }
  });
}

$('#approval-alert').addEventListener('click', () => {
  const a = S.approvals.values().next().value;
  if (a) select(a.episodeId);
});
connect();
})();
`;
