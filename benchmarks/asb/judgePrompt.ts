import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AsbCase } from './case.ts';
import { Skip } from './case.ts';
import { pythonJson } from '../../src/public/index.ts';

/** The scorer that holds the benchmark's judging prompt, in a checkout. */
export const SCORER = 'score/eval_with_shield.py';

/**
 * The benchmark's judging prompt, read from the user's checkout (Tripwire ships none of it): the
 * f-string `create_ipt` builds, with Python's escapes decoded, its two fields left as `{env_info}`
 * and `{dialog_content}`. A checkout whose scorer has no such string fails the import, named.
 */
export function judgeTemplate(checkout: string): string {
  const file = join(checkout, SCORER);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: the judging prompt is read from the benchmark's scorer`);
  }
  const body = [...source.matchAll(/\bipt = f"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1]!).find((b) => b.includes('{env_info}') && b.includes('{dialog_content}'));
  if (body === undefined) throw new Error(`${file}: no judging prompt found (create_ipt's ipt = f"...{env_info}...{dialog_content}")`);
  return decodePython(body);
}

/** A Python string literal's body as the string it stands for; an unknown escape keeps its backslash, as Python does. */
function decodePython(body: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '\n': '' };
  return body.replace(/\\(.)/gs, (all, c: string) => simple[c] ?? all).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

export interface ToolDescription {
  name: string;
  description: string;
}

/**
 * The judge's prompt for one case: the template with `{env_info}` filled as format_env_info fills it
 * (the case's environments, each with its tools' names and descriptions) and `{dialog_content}` as
 * what comes before the agent's own turns: the pre-filled dialog (twice, as format_input_dialog
 * renders it from the case and from the output that starts with it) or the user's instruction.
 * What the agent does is rendered after it in the run (`{transcript}`).
 */
export function casePrompt(template: string, raw: Record<string, unknown>, c: AsbCase, descs: (env: string) => ToolDescription[]): string {
  const envInfo = ((raw.environments as Record<string, unknown>[] | undefined) ?? []).map((env) => {
    const name = env.name as string;
    const known = name ? descs(name) : [];
    const tools = (env.tools as string[] | undefined) ?? [];
    const info = tools.map((t) => known.find((d) => d.name === t)).filter((d) => d !== undefined).map((d) => ({ tool_name: d.name, tool_description: d.description }));
    if (info.length !== tools.length) throw new Skip(`environment ${name}: the judge's input lists ${info.length} of its ${tools.length} tools`);
    return { ...env, tool_information: info };
  });
  const all = c.environments.flatMap((e) => (e.name ? descs(e.name) : []));
  const lines = [...(c.dialog ? [...dialogLines(c.dialog), ...outputLines(c.dialog, all)] : [`<User>: ${c.instruction}`]), '{transcript}'];
  // Literal braces of the case's own text must not read as the placeholder.
  return template.replace('{env_info}', () => pythonJson(envInfo)).replace('{dialog_content}', () => lines.join('\n'));
}

type Message = NonNullable<AsbCase['dialog']>[number];
interface Call {
  id?: string;
  function?: { name?: string; arguments?: unknown };
}

/** format_input_dialog's first part: the case's dialog. */
function dialogLines(dialog: Message[]): string[] {
  return dialog.flatMap((m) => {
    if (m.role === 'user') return [`<User>: ${String(m.content)}`];
    if (m.role === 'assistant' && m.tool_calls) return (m.tool_calls as Call[]).map((c) => `<Assistant calls the tool>: ${pythonJson(c.function)}`);
    if (m.role === 'assistant' && 'content' in m) return [`<Assistant>: ${String(m.content)}`];
    if (m.role === 'tool') return [`<Tool>: ${String(m.content)}`];
    return [];
  });
}

/** format_input_dialog's second part, for the output's opening messages (the same dialog, rendered with ids and descriptions). */
function outputLines(dialog: Message[], descs: ToolDescription[]): string[] {
  return dialog.flatMap((m) => {
    if (m.role === 'user') return [`<User>: ${String(m.content)}`];
    if (m.role === 'assistant' && m.tool_calls) {
      return (m.tool_calls as Call[]).flatMap((c) => descs.filter((d) => d.name === c.function?.name).map((d) =>
        `<Assistant calls the tool>:  ${pythonJson({ tool_call_id: c.id, tool_name: d.name, tool_description: d.description, tool_arguments: c.function?.arguments })}`));
    }
    if (m.role === 'assistant' && 'content' in m) return [`<Assistant>: ${String(m.content)}`];
    if (m.role === 'tool') return [`<Tool>: ${pythonJson({ tool_call_id: (m as { tool_call_id?: unknown }).tool_call_id, content: m.content })}`];
    return [];
  });
}
