import type { HistoryCall, HistoryMessage } from './history.ts';

// Plain functions over a history, without the schema (zod): the viewer's page bundles them.

/** The tool a history's tool message answers for, by its call id. */
export function callsById(history: readonly HistoryMessage[]): Map<string, HistoryCall> {
  return new Map(history.flatMap((m) => (m.role === 'assistant' ? (m.calls ?? []).map((c) => [c.id, c] as const) : [])));
}

/** A call's arguments as a chat API carries them: a string of JSON. */
export const argumentsText = (c: HistoryCall): string => (typeof c.args === 'string' ? c.args : JSON.stringify(c.args));

/** A tool result as text: a string as it is, anything else as JSON. */
export const resultText = (result: unknown): string => (typeof result === 'string' ? result : JSON.stringify(result));

/** One message as plain text; `calls` (callsById) names the tool a result came from. */
export function messageText(m: HistoryMessage, calls: ReadonlyMap<string, HistoryCall>): string {
  if (m.role === 'user') return `User: ${m.text}`;
  if (m.role === 'tool') return `Tool ${calls.get(m.id)?.tool ?? ''} (call ${m.id}) returned: ${resultText(m.result)}`;
  const said = m.text !== undefined ? [`Assistant: ${m.text}`] : [];
  return [...said, ...(m.calls ?? []).map((c) => `Assistant called ${c.tool} (call ${c.id}) with ${argumentsText(c)}`)].join('\n');
}

/**
 * The conversation as plain text, for an agent that takes one message (a person in the viewer, the
 * MCP `task` resource): one paragraph per message.
 */
export function historyText(history: readonly HistoryMessage[]): string {
  const calls = callsById(history);
  return history.map((m) => messageText(m, calls)).join('\n\n');
}

/** The task as one text: the instruction, then (when there is one) the conversation that followed, to be continued. */
export function taskText(brief: { instruction: string; history?: readonly HistoryMessage[] }): string {
  if (!brief.history?.length) return brief.instruction;
  return `${brief.instruction}\n\nThe conversation so far (continue it from here):\n\n${historyText(brief.history)}`;
}
