/**
 * Errors that callers branch on carry a stable `code` (as Vitest's and the AI SDK's do): match the
 * code, never the message text. Agents' mistakes are not errors at all: they are `Outcome`s.
 */
export type TripwireErrorCode =
  | 'usage' // a command line or option a person got wrong (exit code 2)
  | 'io' // a file could not be written or read: a full disk, an unwritable folder (the path is named; exit code 2)
  | 'config' // the config file is missing, broken or names something unknown
  | 'scenario-load' // a scenario file is broken (the file and field are named)
  | 'file-invalid' // a file read back from disk (results, summary, run.json) is not what Tripwire wrote
  | 'device-transport' // a device could not be reached or dropped the connection mid-call
  | 'external-transport' // an external environment (an MCP server) exited, timed out or failed a read mid-episode
  | 'device-unavailable' // what a device kind needs is not on this machine (an SDK, a driver)
  | 'provider' // an agent provider failed to create or run an agent
  | 'plugin' // a plug-in module cannot be loaded, is not a plug-in, or clashes with another by name
  | 'environment' // an environment's machine threw on an event: a bug in that environment, not the agent's mistake
  | 'api' // a function called in a way it does not support (forking a world that has devices, reading a device before its reset)
  | 'internal' // Tripwire itself is broken (a bundle failed to build): a bug to report
  | 'episode-ended' // a push agent called after its episode had ended
  | 'channel-closed'; // a push agent's caller went away

/** Marks Tripwire's errors, so `is` recognises one thrown by another copy of the package (as the AI SDK's `isInstance` does). */
const MARKER = Symbol.for('tripwire.error');

export class TripwireError extends Error {
  readonly code: TripwireErrorCode;
  readonly [MARKER] = true;
  constructor(code: TripwireErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TripwireError';
    this.code = code;
  }

  static is(e: unknown, code?: TripwireErrorCode): e is TripwireError {
    return typeof e === 'object' && e !== null && (e as { [MARKER]?: unknown })[MARKER] === true && (code === undefined || (e as TripwireError).code === code);
  }
}
