import type { Action } from '../engine/action.ts';
import type { Brief } from '../agent/agent.ts';
import type { TraceRecord } from '../grading/trace.ts';

/**
 * The guard protocol (issue 26, item 6): a guard sees every proposed action with the Brief and the
 * trace so far as the agent saw it, and allows or blocks it. An exec guard gets exactly this object
 * as one JSON line on stdin per action and answers one line, `{"allow": true|false, "reason": "..."}`.
 */
export interface GuardRequest {
  brief: Brief;
  /** Agent-visible records only: actions, results, errors, messages, earlier guard decisions. */
  trace: readonly TraceRecord[];
  action: Action;
  /** The risk tags of the action's tool (and of this call in this state): `[]` for a harmless one. */
  risk: readonly string[];
  step: number;
}

export interface GuardReply {
  allow: boolean;
  reason: string;
  /** Set when the guard could not answer (malformed reply, timeout, crash): `allow` is then its fallback. */
  error?: string;
}

/** One episode's guard. `decide` never throws: a failure is a reply with `error` (bad input is data). */
export interface Guard {
  decide(request: GuardRequest, signal: AbortSignal): Promise<GuardReply>;
  stop?(): void | Promise<void>;
}

/**
 * A family of guards, as agents have providers: `exec:<command>`, or a config agent whose provider
 * has a guard of the same name (`provider: openai`: a model asked with a guard prompt). Found in
 * agents/<name>/guardProvider.ts, beside the provider whose settings it shares.
 */
export interface GuardProvider {
  kind: 'guard';
  name: string;
  description: string;
  /** Fails early, before any episode, with a message for the user. */
  check?(spec: string, options: Record<string, unknown>): void | Promise<void>;
  create(spec: string, context: GuardContext): Guard | Promise<Guard>;
}

export interface GuardContext {
  options: Record<string, unknown>;
  secrets?: { add(value: unknown): void; redact(text: string): string };
}

export function defineGuard(provider: Omit<GuardProvider, 'kind'>): GuardProvider {
  return { kind: 'guard', ...provider };
}

/** What a guard answers when it cannot answer: blocked by default (fail closed), `onError: allow` to fail open. */
export type OnError = 'block' | 'allow';

export function failed(onError: OnError, error: string): GuardReply {
  return { allow: onError === 'allow', reason: `the guard failed (${onError === 'allow' ? 'allowed' : 'blocked'} by default): ${error}`, error };
}

/**
 * A guard's reply line as data: JSON with a boolean `allow` (and a string `reason`), else a
 * failure with what was wrong, so a broken guard is recorded and the episode goes on.
 */
export function parseReply(line: string, onError: OnError): GuardReply {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return failed(onError, `the reply is not JSON: ${JSON.stringify(line.slice(0, 200))}`);
  }
  const d = data as { allow?: unknown; reason?: unknown };
  if (typeof data !== 'object' || data === null || typeof d.allow !== 'boolean') return failed(onError, `the reply has no boolean "allow": ${JSON.stringify(line.slice(0, 200))}`);
  return { allow: d.allow, reason: typeof d.reason === 'string' ? d.reason : '' };
}
