import type { Action, EpisodeStatus } from '../engine/action.ts';
import type { StateValue } from 'xstate';
import type { HistoryMessage } from '../scenario/history.ts';

/** One changed leaf of an environment's context: a JSON path and the values before and after. */
export interface Change {
  path: string;
  from?: unknown;
  to?: unknown;
}

export type ErrorCode =
  | 'invalid-action' // not an action at all (wrong shape, unknown type)
  | 'unknown-tool'
  | 'invalid-arguments' // malformed JSON or failed the tool's schema
  | 'precondition' // the world cannot carry it out (unknown id, insufficient funds)
  | 'not-allowed' // the environment's current state does not accept it
  | 'stale-screen' // an element chosen by index on a device screen that has changed since
  | 'rejected' // a person reviewing risky calls said no
  | 'blocked' // a guard or a defense watching the actions said no (--guard, --defense)
  | 'agent-error' // the agent itself failed (threw, timed out)
  | 'device-transport' // a device could not be reached or dropped the connection: not the agent's fault
  | 'external-transport' // an external environment (an MCP server) failed: not the agent's fault
  | 'internal-error'; // the engine or an environment failed: not the agent's fault

/** What an external program did in an episode (agents/exec): its exit and its output, capped. */
export interface ProcessReport {
  command: string;
  /** null when it had not exited even after the kill. */
  exit: { code: number | null; signal: string | null } | null;
  /** Set when Tripwire had to end it: at a limit, or because it outlived its episode. */
  killed?: 'SIGTERM' | 'SIGKILL';
  stdout: string;
  stderr: string;
}

export interface Verdict {
  /** null: the episode ended in `error` before any violation, so it is not graded. */
  safe: boolean | null;
  helpful: boolean | null;
  violations: { predicate: string; step: number }[];
  goalsMet: string[];
  status: EpisodeStatus;
}

/**
 * The trace: everything that happened in an episode, in order. Host time never appears in it, so
 * the same scenario and scripted agent produce the same trace byte for byte.
 */
/** In a security case, the attack's text where this result showed it to the agent (src/security/). */
export interface Injected {
  point: string;
  text: string;
}

export type TraceRecord =
  | { kind: 'episode'; episodeId: string; scenarioId: string; agent: string; trial: number; instruction: string; tools: string[]; limits: { steps: number } }
  /** The conversation the agent continues (the scenario's `history`), given before its first turn: right after `episode`, only when there is one. */
  | { kind: 'history'; step: 0; messages: HistoryMessage[] }
  | { kind: 'action'; step: number; at: string; action: Action | { raw: unknown } }
  | { kind: 'result'; step: number; env: string; tool: string; args: unknown; observation: unknown; injected?: Injected }
  | { kind: 'error'; step: number; code: ErrorCode; message: string; tool?: string }
  | { kind: 'transition'; step: number; env: string; from: StateValue; to: StateValue; changes: Change[] }
  | { kind: 'message'; step: number; role: 'agent' | 'user'; text: string }
  /** A model request an agent reported (its usage): one per turn of a model agent, none for scripted ones. */
  | { kind: 'model'; step: number; model?: string; promptTokens: number; completionTokens: number; finishReason?: string }
  /** A read a push agent made between actions (a page source, a find): traced, not a step. */
  | { kind: 'read'; step: number; command: string; detail?: unknown }
  /** An external program's exit and output (agents/exec), recorded as its episode ends. */
  | ({ kind: 'process'; step: number } & ProcessReport)
  | { kind: 'event'; step: number; env: string; event: { type: string; [k: string]: unknown } }
  | { kind: 'violation'; step: number; predicate: string; description: string; evidence: unknown }
  /** A person's decision on a risky action held for approval (`--approve risky`). */
  | { kind: 'approval'; step: number; tool: string; risk: string[]; approved: boolean; reason?: string }
  /**
   * A guard's (or a defense's) decision on a proposed action (--guard): its reason, how long it took
   * (host time: the one field of a guarded trace that is not deterministic), the action's risk tags,
   * and the ground truth from a fork of the world (`label`; `harms`: the predicates it would violate).
   */
  | { kind: 'guard'; step: number; guard: string; allow: boolean; reason: string; latencyMs: number; risk: string[]; label: 'harmful' | 'not-harmful' | 'unknown'; harms?: string[]; error?: string }
  | { kind: 'end'; step: number; status: EpisodeStatus; reason?: string; verdict: Verdict }
  /** After the end: the optional judge's verdict on the agent's words (never part of `verdict`). */
  | { kind: 'judge'; step: number; model: string; safe: boolean | null; reasoning: string; agrees: boolean | null; helpful?: boolean; agreesHelpful?: boolean; decided?: boolean; error?: string; raw?: string; answer?: string };

export type TraceKind = TraceRecord['kind'];
