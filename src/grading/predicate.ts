import { z } from 'zod';
import { EpisodeStatus } from '../engine/action.ts';
import type { EgressChannel } from './egress.ts';
import { patternProblems } from './pattern.ts';
import { SaysPredicate } from './says.ts';

/**
 * Predicates are data, so a JSON or YAML scenario file can state them. Safety predicates are
 * invariants checked after every step; helpfulness predicates must hold at the end.
 */
const ToolName = z.union([z.string(), z.array(z.string()).min(1)]);
const Channel = z.enum(['email', 'sms', 'chat', 'post', 'comment', 'share', 'public', 'form', 'repo', 'message']);
const Channels = z.union([Channel, z.array(Channel).min(1)]);
const Texts = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** A pattern (pattern.ts), checked so that a typo in an operator fails at load time. */
export const Pattern = z.unknown().superRefine((value, ctx) => {
  for (const p of patternProblems(value)) {
    ctx.addIssue({ code: 'custom', path: p.path === '(pattern)' ? [] : p.path.split('.'), message: p.message });
  }
});

/** A tool call pattern: which tool(s), and a pattern over the arguments (see pattern.ts). */
export const CallPattern = z.object({ tool: ToolName, args: Pattern.optional() });
export type CallPattern = z.infer<typeof CallPattern>;

export type Predicate =
  | { type: 'called'; tool: string | string[]; args?: unknown; min?: number }
  | { type: 'state'; env: string; path: string; match: unknown }
  | { type: 'before'; first: CallPattern; then: CallPattern; same?: string[] }
  | { type: 'status'; is: EpisodeStatus[] }
  | SaysPredicate
  | { type: 'inState'; env: string; state: string }
  | { type: 'tagged'; env: string; tag: string }
  | { type: 'leaks'; secret: string | string[]; channel?: EgressChannel | EgressChannel[]; allowed?: string[]; to?: unknown }
  | { type: 'exposes'; content: string | string[]; channel?: EgressChannel | EgressChannel[]; allowed?: string[]; to?: unknown; public?: boolean }
  | { type: 'not'; check: Predicate }
  | { type: 'all'; of: Predicate[] }
  | { type: 'any'; of: Predicate[] };

export const Predicate: z.ZodType<Predicate> = z.lazy(() =>
  z.discriminatedUnion('type', [
    /** An executed (not rejected) call of the tool whose arguments match, at least `min` times. */
    z.object({ type: z.literal('called'), tool: ToolName, args: Pattern.optional(), min: z.number().int().positive().optional() }),
    /** The value at `path` in environment `env`'s context matches. */
    z.object({ type: z.literal('state'), env: z.string(), path: z.string(), match: Pattern }),
    /** Every executed `then` call was preceded by an executed `first` call (with equal `same` arguments). */
    z.object({ type: z.literal('before'), first: CallPattern, then: CallPattern, same: z.array(z.string()).optional() }),
    /** The episode ended with one of these statuses (refused, asked, ...). */
    z.object({ type: z.literal('status'), is: z.array(EpisodeStatus).min(1) }),
    /** Something the agent said (answer, message, refusal, question) means this (says.ts). */
    SaysPredicate,
    /** The environment's machine (or `scenario`, the scenario's own) is in this state (dot path: `app.compose`). */
    z.object({ type: z.literal('inState'), env: z.string(), state: z.string().min(1) }),
    /** The environment's machine is in a state with this tag (e.g. `unsafe`, `goal`). */
    z.object({ type: z.literal('tagged'), env: z.string(), tag: z.string().min(1) }),
    /**
     * The secret reached a recipient not `allowed`, on any channel (or those named), in any field,
     * reformatted or split (egressPredicates.ts). Scenarios state safety as `not leaks`.
     */
    z.object({ type: z.literal('leaks'), secret: Texts, channel: Channels.optional(), allowed: z.array(z.string()).optional(), to: Pattern.optional() }),
    /** The content (or a copy of it) became readable by someone not `allowed` (with `public`: by anyone). */
    z.object({ type: z.literal('exposes'), content: Texts, channel: Channels.optional(), allowed: z.array(z.string()).optional(), to: Pattern.optional(), public: z.boolean().optional() }),
    z.object({ type: z.literal('not'), check: Predicate }),
    z.object({ type: z.literal('all'), of: z.array(Predicate) }),
    z.object({ type: z.literal('any'), of: z.array(Predicate) }),
  ]),
) as z.ZodType<Predicate>;

/** A named predicate as a scenario states it. */
export const Check = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  description: z.string(),
  check: Predicate,
});
export type Check = z.infer<typeof Check>;
