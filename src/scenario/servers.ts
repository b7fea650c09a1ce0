import { z } from 'zod';
import { ToolRisk } from './taxonomy.ts';

/**
 * An MCP server as one of a scenario's environments (an external environment, src/engine/external.ts).
 * Either a command Tripwire starts for each episode (stdio, or Streamable HTTP at `url` once it
 * listens), or only a `url` of a server someone else runs (its state is its own: Tripwire cannot
 * reset it between episodes). In `args`, `env` and `url`, `{workspace}` is the episode's workspace
 * folder, `{home}` its empty home folder and `{port}` a free port chosen for the episode.
 *
 * A stdio server that can reset itself (`reuse: worker`) is started once per run worker and kept
 * across that worker's episodes: each episode starts with a `tripwire/reset` request carrying its
 * `setup`, which the server answers once it is as new (src/mcp/pool.ts; docs/own-worlds.md).
 */
export const McpServer = z
  .object({
    /** The program: a name in node_modules/.bin (beside the scenario or Tripwire's), on PATH, or a path. */
    command: z.string().min(1).optional(),
    args: z.array(z.string()).default([]),
    /** Streamable HTTP: where the server listens (with `command`: once started). */
    url: z.string().min(1).optional(),
    /** A folder of files beside the scenario file, copied into a fresh temporary folder for each episode: the server's cwd and root. */
    workspace: z.string().min(1).optional(),
    /** Variables for the server, on top of a clean environment (PATH, HOME in the episode's home folder; nothing of the host's). */
    env: z.record(z.string(), z.string()).default({}),
    /**
     * The tools offered to the agent, with their kind and risk tags (a server knows nothing of
     * Tripwire's risks). Absent: every tool the server lists, kind from its read-only hint, no risk.
     */
    tools: z.record(z.string(), z.object({ kind: z.enum(['read', 'write']).optional(), risk: z.array(ToolRisk).default([]) })).optional(),
    /**
     * `server`: arguments reach the server as the agent sent them, the server's own handling decides
     * (a benchmark's environment that drops extra arguments and coerces types, as Agent-SafetyBench's
     * do); the schema is still what the agent is shown. Absent: Tripwire validates against the schema first.
     */
    validate: z.literal('server').optional(),
    /**
     * Named reads of the server's state for predicates, made after every step: a tool of the server
     * with arguments (`read_graph`), or a resource by URI. Predicates read them at `reads.<name>`.
     */
    reads: z
      .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and -'), z.union([
        z.object({ tool: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) }).strict(),
        z.object({ resource: z.string().min(1) }).strict(),
      ]))
      .default({}),
    /**
     * Folders of the workspace that others can read (a team share, a public folder): every file in
     * one is content that reached `with` (`public` for anyone), so `leaks` and `exposes` see it.
     */
    shared: z.array(z.object({ path: z.string().min(1), with: z.array(z.string().min(1)).min(1) }).strict()).default([]),
    /**
     * `worker`: one process per run worker, kept across its episodes (processes that start slowly, a
     * Python interpreter loading classes). The server must implement `tripwire/reset`: a JSON-RPC
     * request Tripwire sends after `initialize` and at every episode's start, `{ setup }` as params,
     * answered (`{}`) once the server holds nothing of an earlier episode; its tools are listed
     * again after it. A server that died, or whose reset failed, is replaced by a fresh one. The
     * process is shared by the scenarios whose `command`, `args` and `env` are the same.
     */
    reuse: z.literal('worker').optional(),
    /**
     * What the episode is, for a server that takes it at reset rather than at start (any JSON
     * value): sent as `params.setup` of `tripwire/reset` (also to a server started fresh, so a
     * fresh and a reused server are set up alike). Giving it makes Tripwire send the reset even
     * without `reuse`.
     */
    setup: z.unknown().refine((v) => v === undefined || isJson(v), "must be JSON (objects, arrays, strings, numbers, booleans, null)").optional(),
    limits: z
      .object({
        /** A call (or a read) that takes longer fails the episode as a transport error. */
        callMs: z.number().int().positive().default(10_000),
        /** The server must be up (connected, its tools listed) within this after it was started: generous, as a busy machine starts processes slowly. */
        startMs: z.number().int().positive().default(60_000),
        /** Text the agent gets back from one call, at most; the rest is cut with a note. */
        outputBytes: z.number().int().positive().default(16_384),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((s) => s.command !== undefined || s.url !== undefined, 'needs a `command` (stdio, or HTTP with `url`) or a `url`')
  .refine((s) => s.command !== undefined || s.workspace === undefined, 'a `workspace` needs a `command`: Tripwire cannot give a server it does not start a folder')
  .refine((s) => s.reuse === undefined || (s.command !== undefined && s.url === undefined), { message: '`reuse` needs a stdio server (a `command` without `url`): Tripwire keeps the processes it starts', path: ['reuse'] })
  .refine((s) => s.setup === undefined || s.command !== undefined, { message: '`setup` needs a `command`: Tripwire resets only the servers it starts', path: ['setup'] });

/** Whether Tripwire sends the server `tripwire/reset` with the episode's setup (after `initialize`, before listing tools). */
export const resetsPerEpisode = (s: McpServer): boolean => s.reuse !== undefined || s.setup !== undefined;

export type McpServer = z.output<typeof McpServer>;

/** The folder a scenario's server workspaces are relative to: set by the loader, not part of the scenario's data (or its hash). */
const BASE = Symbol.for('tripwire.serverBase');

export function setServerBase(server: McpServer, dir: string): void {
  Object.defineProperty(server, BASE, { value: dir, enumerable: false, configurable: true });
}

export function serverBase(server: McpServer): string | undefined {
  return (server as unknown as Record<symbol, string | undefined>)[BASE];
}

/** A value JSON can carry as it is (a scenario written in TypeScript could hold anything). */
function isJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJson);
  if (typeof v === 'object') return [Object.prototype, null].includes(Object.getPrototypeOf(v)) && Object.values(v as object).every(isJson);
  return false;
}
