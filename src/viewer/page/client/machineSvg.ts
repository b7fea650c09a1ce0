import type { MachineGraph } from '../../wire.ts';
import { h, s, type Kid } from './dom.ts';

/** A state machine drawn as SVG: its states on a ring, transitions as arrows, the active state lit. */

interface Point {
  x: number;
  y: number;
}
interface Size {
  w: number;
  h: number;
}

let svgIds = 0;

function activeIds(prefix: string, value: unknown): string[] {
  if (typeof value === 'string') return [prefix + '.' + value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [prefix + '.' + k].concat(activeIds(prefix + '.' + k, v)));
}

/** Where the line from a box's centre toward `toward` leaves the box. */
function exit(c: Point, sz: Size, toward: Point): Point {
  const dx = toward.x - c.x, dy = toward.y - c.y;
  const k = Math.min(sz.w / 2 / Math.max(Math.abs(dx), 0.001), (sz.h / 2 + 2) / Math.max(Math.abs(dy), 0.001));
  return { x: c.x + dx * Math.min(k, 1), y: c.y + dy * Math.min(k, 1) };
}

export function machineSvg(graph: MachineGraph, value: unknown): Kid {
  const root = graph.states.find((x) => !x.parent) ?? graph.states[0];
  if (!root) return h('p', { class: 'note' }, 'No states.');
  const nodes = graph.states.filter((x) => x !== root);
  const active = new Set(activeIds(root.id, value));
  const rel = (id: string) => (id.startsWith(root.id + '.') ? id.slice(root.id.length + 1) : id);
  const W = 360;
  const n = nodes.length;
  if (!n) return h('p', { class: 'note' }, 'One state: ' + root.key + (graph.transitions.length ? ' (' + [...new Set(graph.transitions.map((t) => t.event))].join(', ') + ')' : ''));
  const pos = new Map<string, Point>();
  let H: number;
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
  const sizes = new Map(nodes.map((nd): [string, Size] => [nd.id, { w: Math.max(64, 16 + rel(nd.id).length * 7), h: 26 }]));
  const edgePairs = new Map<string, { from: string; to: string; events: string[] }>();
  const loops = new Map<string, string[]>();
  for (const t of graph.transitions) {
    if (!pos.has(t.from) || !pos.has(t.to)) continue;
    if (t.from === t.to) {
      loops.set(t.from, [...(loops.get(t.from) ?? []), t.event]);
      continue;
    }
    const key = t.from + '|' + t.to;
    const pair = edgePairs.get(key) ?? { from: t.from, to: t.to, events: [] };
    pair.events.push(t.event);
    edgePairs.set(key, pair);
  }
  const marker = 'arrow' + ++svgIds;
  const showLabels = edgePairs.size <= 6;
  const edges = [...edgePairs.values()].map((e) => {
    const p = pos.get(e.from)!, q = pos.get(e.to)!;
    const dx = q.x - p.x, dy = q.y - p.y, len = Math.hypot(dx, dy) || 1;
    const bend = Math.min(34, len * 0.22);
    const c = { x: (p.x + q.x) / 2 + (-dy / len) * bend, y: (p.y + q.y) / 2 + (dx / len) * bend };
    const a = exit(p, sizes.get(e.from)!, c), b = exit(q, sizes.get(e.to)!, c);
    const label = [...new Set(e.events)].join(', ');
    const mid = { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y };
    return s('g', null,
      s('path', { class: 'm-edge' + (active.has(e.from) ? ' hot' : ''), d: 'M' + a.x.toFixed(1) + ' ' + a.y.toFixed(1) + ' Q' + c.x.toFixed(1) + ' ' + c.y.toFixed(1) + ' ' + b.x.toFixed(1) + ' ' + b.y.toFixed(1), 'marker-end': 'url(#' + marker + ')' }, s('title', null, rel(e.from) + ' → ' + rel(e.to) + ': ' + label)),
      showLabels ? s('text', { class: 'm-edge-label', x: mid.x.toFixed(1), y: (mid.y + 3).toFixed(1), 'text-anchor': 'middle' }, label.length > 26 ? label.slice(0, 25) + '…' : label) : null);
  });
  const boxes = nodes.map((nd) => {
    const p = pos.get(nd.id)!, sz = sizes.get(nd.id)!;
    const evs = loops.get(nd.id) ?? [];
    return s('g', { class: 'm-node' + (active.has(nd.id) ? ' active' : ''), 'data-state': rel(nd.id) },
      s('rect', { x: (p.x - sz.w / 2).toFixed(1), y: (p.y - sz.h / 2).toFixed(1), width: sz.w, height: sz.h, rx: 13 }),
      s('text', { x: p.x.toFixed(1), y: (p.y + 4).toFixed(1), 'text-anchor': 'middle' }, rel(nd.id)),
      evs.length ? s('text', { class: 'loops', x: p.x.toFixed(1), y: (p.y + sz.h / 2 + 12).toFixed(1), 'text-anchor': 'middle' }, '↻ ' + (evs.length <= 2 ? evs.join(', ') : evs.length + ' events'), s('title', null, evs.join(', '))) : null,
      s('title', null, nd.id + (nd.tags.length ? ' [' + nd.tags.join(', ') + ']' : '')));
  });
  const everywhere = graph.transitions.filter((t) => t.from === root.id && t.to === root.id).map((t) => t.event);
  const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H.toFixed(0), role: 'img', 'aria-label': 'state machine ' + root.key },
    s('defs', null, s('marker', { id: marker, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { class: 'm-arrow', d: 'M0 0 L10 5 L0 10 z' }))),
    edges, boxes);
  return [svg, everywhere.length ? h('p', { class: 'note everywhere' }, 'In every state: ' + everywhere.join(', ')) : null];
}
