import type { ToolView } from '../../wire.ts';
import { h, type Kid } from './dom.ts';

/** A form for a tool call, generated from the tool's JSON Schema: one input per parameter. */

interface Param {
  type?: string | string[];
  enum?: unknown[];
  items?: Param;
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

function schemaType(p: Param | undefined): string | undefined {
  let t = p?.type;
  if (Array.isArray(t)) t = t.find((x) => x !== 'null');
  if (!t && Array.isArray(p?.enum)) t = 'enum';
  return t;
}

interface Field {
  name: string;
  read(): unknown;
  nodes: Kid[];
}

/** What a schema cannot say simply (nested objects, unions) is typed as JSON. */
function fieldFor(name: string, p: Param, required: boolean): Field {
  const id = 'f-' + name.replace(/[^A-Za-z0-9_-]/g, '_');
  const t = schemaType(p);
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  let read: () => unknown;
  if (Array.isArray(p.enum)) {
    const select = h('select', { id, name }, required ? null : h('option', { value: '' }, '—'), p.enum.map((v) => h('option', { value: JSON.stringify(v) }, String(v))));
    read = () => (select.value === '' ? undefined : JSON.parse(select.value));
    input = select;
  } else if (t === 'boolean') {
    const box = h('input', { type: 'checkbox', id, name });
    read = () => box.checked;
    input = box;
  } else if (t === 'number' || t === 'integer') {
    const num = h('input', { type: 'number', id, name, step: t === 'integer' ? 1 : 'any', min: p.minimum, max: p.maximum !== undefined && p.maximum < 1e15 ? p.maximum : undefined });
    read = () => {
      if (num.value.trim() === '') return undefined;
      const n = Number(num.value);
      return Number.isFinite(n) ? n : num.value;
    };
    input = num;
  } else if (t === 'array' && schemaType(p.items) === 'string') {
    const area = h('textarea', { id, name, rows: 2, placeholder: 'one per line' });
    read = () => {
      const v = area.value.split('\n').map((x) => x.trim()).filter(Boolean);
      return v.length || required ? v : undefined;
    };
    input = area;
  } else if (t === 'string') {
    const long = !p.maxLength || p.maxLength > 200;
    const multiline = long && /text|body|content|message|note|description/i.test(name);
    const text = multiline ? h('textarea', { id, name, rows: 2 }) : h('input', { type: 'text', id, name });
    read = () => (text.value === '' && !required ? undefined : text.value);
    input = text;
  } else {
    const json = h('textarea', { id, name, rows: 2, placeholder: 'JSON' });
    read = () => {
      if (json.value.trim() === '') return undefined;
      try {
        return JSON.parse(json.value);
      } catch {
        return json.value;
      }
    };
    input = json;
  }
  return {
    name,
    read,
    nodes: [h('label', { for: id }, name, required ? h('span', { class: 'req' }, ' *') : null), input, p.description ? h('div', { class: 'hint' }, p.description) : null],
  };
}

export function toolForm(tool: ToolView, call: (action: { type: 'tool'; tool: string; args: Record<string, unknown> }) => void): HTMLFormElement {
  const params = tool.parameters as { properties?: Record<string, Param>; required?: string[] };
  const props = params.properties ?? {};
  const required = new Set(params.required ?? []);
  const fields = Object.entries(props).map(([k, p]) => fieldFor(k, p ?? {}, required.has(k)));
  const button = h('button', { class: 'btn primary', id: 'call-tool', type: 'submit' }, 'Call ' + tool.name);
  const form = h('form', { id: 'tool-form', 'data-tool': tool.name },
    fields.length ? h('div', { class: 'fields' }, fields.map((f) => f.nodes)) : h('p', { class: 'note', style: 'margin-bottom:8px' }, 'No parameters.'),
    h('div', { class: 'row-actions', style: 'justify-content:flex-end' }, button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const args: Record<string, unknown> = {};
    for (const f of fields) {
      const v = f.read();
      if (v !== undefined) args[f.name] = v;
    }
    call({ type: 'tool', tool: tool.name, args });
  });
  return form;
}
