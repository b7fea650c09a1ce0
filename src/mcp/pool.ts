import type { CallOptions } from '../engine/device.ts';
import type { ExternalEnvironment } from '../engine/external.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { serverBase, type McpServer as McpServerSpec } from '../scenario/servers.ts';
import type { McpServer } from './server.ts';

/** Idle servers a worker keeps at most; the least recently used beyond it are stopped. */
const MAX_IDLE = 4;

type Factory = (signal?: AbortSignal) => Promise<ExternalEnvironment>;

// Loaded with the first server, then kept: an import() of a module already loaded still costs a trip
// through the module loader (~1 ms each under tsx's hooks, two per episode).
let serverModule: Promise<typeof import('./server.ts')> | undefined;
let commandModule: Promise<typeof import('./command.ts')> | undefined;

/**
 * The MCP servers of one run worker that are kept across its episodes (`reuse: worker`). An
 * episode leases one per server it names: an idle process of the same command, arguments and
 * variables, reset for the episode (its workspace refilled, `tripwire/reset` with the episode's
 * setup, its tools listed again), or a fresh one when there is none, when the idle one has died or
 * when its reset fails. When the episode ends the server goes back, unless a request of the
 * episode failed (a call that timed out, a server gone): then it is stopped, and the next episode
 * gets a fresh one. Servers not marked reusable are started fresh for each episode, as without a
 * pool. `close` stops them all, at the end of the worker's share of the run.
 *
 * The module is light (the MCP client is loaded with the first server), so a run without servers
 * pays nothing for it.
 */
export class ServerPool {
  /** Idle servers by key, the least recently used first. */
  readonly #idle = new Map<string, McpServer[]>();
  #count = 0;
  #closed = false;
  /** Servers this pool started, and how many of its leases found one idle: for tests and benches. */
  readonly stats = { started: 0, reused: 0, replaced: 0 };

  /** The factories an episode uses for the scenario's servers (its `externals`). */
  factories(scenario: Scenario): Record<string, Factory> {
    return Object.fromEntries(Object.entries(scenario.servers ?? {}).map(([id, spec]) => [id, (signal?: AbortSignal) => (spec.reuse === 'worker' ? this.#lease(spec, { signal }) : this.#fresh(spec, { signal }))]));
  }

  async #fresh(spec: McpServerSpec, options: CallOptions): Promise<McpServer> {
    const { McpServer } = await (serverModule ??= import('./server.ts'));
    const server = await McpServer.start(spec, options);
    this.stats.started++;
    return server;
  }

  async #lease(spec: McpServerSpec, options: CallOptions): Promise<ExternalEnvironment> {
    const key = await serverKey(spec);
    const idle = this.#take(key);
    let server: McpServer | undefined;
    if (idle) {
      try {
        await idle.reuse(spec, options);
        server = idle;
        this.stats.reused++;
      } catch (e) {
        await idle.close();
        if (options.signal?.aborted) throw e;
        // Dead, or its reset failed: the episode gets a fresh one.
        this.stats.replaced++;
      }
    }
    server ??= await this.#fresh(spec, options);
    return this.#leased(server, key);
  }

  #take(key: string): McpServer | undefined {
    const list = this.#idle.get(key);
    const server = list?.pop();
    if (server) this.#count--;
    if (list?.length === 0) this.#idle.delete(key);
    return server;
  }

  /** The server as the episode sees it: the same, but its `close` gives it back (or stops it when one of its requests failed). */
  #leased(server: McpServer, key: string): ExternalEnvironment {
    let failed = false;
    let released = false;
    const watch = <T>(p: Promise<T>): Promise<T> => p.catch((e: unknown) => {
      failed = true;
      throw e;
    });
    return {
      description: server.description,
      tools: () => server.tools(),
      call: (tool, args, o) => watch(server.call(tool, args, o)),
      state: (o) => watch(server.state(o)),
      close: async () => {
        if (released) return;
        released = true;
        if (failed || this.#closed || !server.alive) return server.close();
        await this.#giveBack(key, server);
      },
    };
  }

  async #giveBack(key: string, server: McpServer): Promise<void> {
    // Back at the end, as the most recently used; keys whose last use is oldest go first.
    const list = this.#idle.get(key) ?? [];
    this.#idle.delete(key);
    this.#idle.set(key, [...list, server]);
    this.#count++;
    const evicted: McpServer[] = [];
    for (const [k, servers] of this.#idle) {
      if (this.#count <= MAX_IDLE) break;
      const s = servers.shift()!;
      this.#count--;
      if (servers.length === 0) this.#idle.delete(k);
      evicted.push(s);
    }
    await Promise.all(evicted.map((s) => s.close()));
  }

  /** Idle servers now (for tests). */
  get idle(): number {
    return this.#count;
  }

  /** Stops every idle server; servers still leased are stopped when their episode gives them back. Never rejects. */
  async close(): Promise<void> {
    this.#closed = true;
    const all = [...this.#idle.values()].flat();
    this.#idle.clear();
    this.#count = 0;
    await Promise.all(all.map((s) => s.close()));
  }
}

/**
 * What makes two episodes' servers one process: the program (resolved as it would be started),
 * its arguments and its variables. Not the setup, the tools, reads or limits: those are the
 * episode's, given at reset.
 */
async function serverKey(spec: McpServerSpec): Promise<string> {
  const { resolveProgram } = await (commandModule ??= import('./command.ts'));
  let command: string = spec.command!;
  try {
    command = await resolveProgram(command, serverBase(spec), spec.env);
  } catch {
    // Not found: the fresh start says so, with the reason.
  }
  return JSON.stringify([command, spec.args, Object.entries(spec.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}
