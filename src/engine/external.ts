/**
 * An external environment: a world that runs outside Tripwire, behind a process boundary (an MCP
 * server), whose tools Tripwire proxies and whose state predicates read through the boundary. It
 * cannot be forked, so the model checker does not explore it: its scenarios are checked by their
 * reference trajectories (partly checked).
 *
 * As with a device (device.ts), two kinds of failure are kept apart. What the agent got wrong, or
 * what the world refused (a path outside the workspace, a file that does not exist), is an
 * `ExternalResult` with `ok: false`: an error observation, and the episode goes on. A transport
 * failure (the server exited, a call timed out, a read for predicates failed) rejects with a
 * `TripwireError` of code `external-transport`: the episode ends as `error` with that cause.
 */
import { TripwireError } from './errors.ts';
import type { ToolRisk } from '../scenario/taxonomy.ts';
import type { CallOptions } from './device.ts';

/** A tool as the external world lists it, with what the scenario says of it (kind, risk). */
export interface ExternalTool {
  name: string;
  description: string;
  /** The tool's input as JSON Schema, as the server gives it: arguments are validated against it. */
  inputSchema: Record<string, unknown>;
  kind: 'read' | 'write';
  risk: readonly ToolRisk[];
  /** The server validates the arguments itself (its own coercion kept): Tripwire passes any object. */
  serverValidates?: boolean;
}

export type ExternalResult =
  | { ok: true; observation: unknown }
  /** `precondition`: the world refused the call (the server's own error); `invalid-arguments`: it said the arguments were wrong. */
  | { ok: false; code: 'precondition' | 'invalid-arguments'; error: string };

export interface ExternalEnvironment {
  /** What this environment is, for people (the server's command or URL, without secrets). */
  readonly description: string;
  /** The tools offered to the agent, listed once when the environment started. */
  tools(): readonly ExternalTool[];
  /** Calls one tool with arguments already validated against its schema. Only a transport failure rejects. */
  call(tool: string, args: unknown, options?: CallOptions): Promise<ExternalResult>;
  /** State for predicates: what `{ type: state, env: <id>, path: ... }` reads (files, named reads, outbound). */
  state(options?: CallOptions): Promise<Record<string, unknown>>;
  /** Stops the server and removes the episode's workspace. Never rejects. */
  close(): Promise<void>;
}

/** A transport failure of an external environment: the server is gone, a call timed out, a read failed. */
export function externalTransportError(message: string, cause?: unknown): TripwireError {
  return new TripwireError('external-transport', message, { cause });
}
