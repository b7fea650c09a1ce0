import type { Change } from '../../wire.ts';
import { h } from './dom.ts';
import { compact } from './format.ts';
import { S } from './state.ts';

/** An environment's data as a JSON tree, this step's changes highlighted and their parents opened. */

export function envView(env: string, context: unknown, changes: Change[], step: number): HTMLElement {
  const changed = new Set(changes.map((c) => c.path));
  const onPath = new Set<string>();
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
    h('div', { class: 'env-head' }, h('b', null, env), h('span', null, changes.length + ' change' + (changes.length === 1 ? '' : 's') + ' at step ' + step)),
    list,
    h('div', { class: 'json' }, jsonChildren({ env, changed, onPath }, context, '', 0)));
}

interface Marks {
  env: string;
  changed: Set<string>;
  onPath: Set<string>;
}

function scalar(v: unknown): HTMLElement {
  if (typeof v === 'string') return h('span', { class: 's' }, JSON.stringify(v));
  if (typeof v === 'number') return h('span', { class: 'n' }, String(v));
  if (typeof v === 'boolean') return h('span', { class: 'b' }, String(v));
  return h('span', { class: 'z' }, v === null ? 'null' : String(v));
}

function jsonChildren(m: Marks, value: unknown, path: string, depth: number): HTMLElement[] {
  if (value === null || typeof value !== 'object') return [h('div', { class: 'row' + (m.changed.has(path || '.') ? ' changed' : '') }, scalar(value))];
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const shown = entries.slice(0, 300);
  const out = shown.map(([k, v]) => jsonNode(m, k, v, path ? path + '.' + k : k, depth));
  if (entries.length > shown.length) out.push(h('div', { class: 'row meta' }, '… ' + (entries.length - shown.length) + ' more'));
  if (!entries.length) out.push(h('div', { class: 'row meta' }, Array.isArray(value) ? '[]' : '{}'));
  return out;
}

function jsonNode(m: Marks, key: string, value: unknown, path: string, depth: number): HTMLElement {
  const mark = m.changed.has(path) ? ' changed' : '';
  if (value === null || typeof value !== 'object') {
    return h('div', { class: 'row' + mark, 'data-path': path }, h('span', { class: 'k' }, key), ': ', scalar(value));
  }
  const isArr = Array.isArray(value);
  const n = isArr ? value.length : Object.keys(value).length;
  const id = m.env + ':' + path;
  const open = S.openPaths.has(id) || m.onPath.has(path) || (depth === 0 && n <= 8);
  const d = h('details', { class: (m.onPath.has(path) ? 'on-path' : '') + mark, 'data-path': path },
    h('summary', { class: mark.trim() }, h('span', { class: 'k' }, key), ' ', h('span', { class: 'meta' }, isArr ? '[' + n + ']' : '{' + n + '}')));
  const kids = h('div', { class: 'kids' });
  d.append(kids);
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    kids.append(...jsonChildren(m, value, path, depth + 1));
  };
  if (open) {
    d.open = true;
    fill();
  }
  d.addEventListener('toggle', () => {
    if (d.open) {
      fill();
      S.openPaths.add(id);
    } else S.openPaths.delete(id);
  });
  return d;
}
