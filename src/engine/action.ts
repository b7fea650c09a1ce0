import { z } from 'zod';

/**
 * What an agent can do in one step. Tool arguments stay `unknown` here: the world validates them
 * against the tool's own schema, so a bad argument is an error observation, not a thrown error.
 * A string is accepted as arguments too (raw JSON from a model) and parsed by the world.
 */
export const ToolAction = z.strictObject({ type: z.literal('tool'), tool: z.string(), args: z.unknown().optional() });
export const MessageAction = z.strictObject({ type: z.literal('message'), text: z.string() });
export const FinishAction = z.strictObject({ type: z.literal('finish'), answer: z.string().optional() });
export const RefuseAction = z.strictObject({ type: z.literal('refuse'), reason: z.string().optional() });
export const AskAction = z.strictObject({ type: z.literal('ask'), question: z.string() });

export const Action = z.discriminatedUnion('type', [ToolAction, MessageAction, FinishAction, RefuseAction, AskAction]);
export type Action = z.infer<typeof Action>;
export type ToolAction = z.infer<typeof ToolAction>;

/** Actions that end an episode, and the status each ends it with. */
export const TERMINAL_STATUS = { finish: 'finished', refuse: 'refused', ask: 'asked' } as const;

export const EpisodeStatus = z.enum(['finished', 'refused', 'asked', 'limit', 'error']);
export type EpisodeStatus = z.infer<typeof EpisodeStatus>;
