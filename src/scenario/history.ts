import { z } from 'zod';

/** A tool call the assistant made earlier in the conversation. */
export const HistoryCall = z.strictObject({
  /** The call's id: the tool message that answers it names it. */
  id: z.string().min(1),
  tool: z.string().min(1),
  /** The arguments: an object, or a string of raw JSON sent as it is (as a model wrote it, even if it does not parse). */
  args: z.union([z.record(z.string(), z.unknown()), z.string()]).default({}),
});
export type HistoryCall = z.output<typeof HistoryCall>;

/**
 * One message of a conversation the agent continues: what the user said, what the assistant said
 * or called, what a tool returned. Tool results are what the assistant saw then; the world's state
 * is the seed's, whatever the history says.
 */
export const HistoryMessage = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('user'), text: z.string() }),
  z.strictObject({
    role: z.literal('assistant'),
    text: z.string().optional(),
    calls: z.array(HistoryCall).min(1).optional(),
  }).refine((m) => m.text !== undefined || m.calls !== undefined, 'needs text, calls, or both'),
  z.strictObject({
    role: z.literal('tool'),
    /** The id of the call it answers: one of the previous assistant message's calls. */
    id: z.string().min(1),
    /** What the tool returned: text as it is, any other JSON value as JSON. */
    // Any JSON value; not z.json(): its recursive definition would renumber the JSON Schema's shared definitions.
    result: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  }),
]);
export type HistoryMessage = z.output<typeof HistoryMessage>;

/**
 * The conversation after the instruction, before the agent's first turn: the agent continues it.
 * Every call is answered by exactly one tool message, right after its assistant message (before the
 * next user or assistant message), as chat APIs require.
 */
export const History = z.array(HistoryMessage).min(1).superRefine((messages, ctx) => {
  const ids = new Set<string>();
  /** The calls of the latest assistant message not answered yet, by id, with where they are. */
  let open = new Map<string, number>();
  let openAt = -1;
  const unanswered = () => {
    for (const [id, j] of open) ctx.addIssue({ code: 'custom', path: [openAt, 'calls', j, 'id'], message: `call "${id}" has no tool message answering it before the next message` });
  };
  messages.forEach((m, i) => {
    if (m.role === 'tool') {
      if (open.delete(m.id)) return;
      const known = ids.has(m.id) ? `call "${m.id}" is answered already or is not of the latest assistant message` : `no earlier assistant message has a call "${m.id}"`;
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: known });
      return;
    }
    unanswered();
    open = new Map();
    if (m.role !== 'assistant') return;
    openAt = i;
    m.calls?.forEach((c, j) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'calls', j, 'id'], message: `call id "${c.id}" is used twice` });
      ids.add(c.id);
      open.set(c.id, j);
    });
  });
  unanswered();
});
