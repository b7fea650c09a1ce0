import { spawn, type ChildProcess } from 'node:child_process';
import { Client, ProtocolError, StreamableHTTPClientTransport, type CallToolResult, type Tool as McpTool, type Transport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { CallOptions } from '../engine/device.ts';
import { TripwireError } from '../engine/errors.ts';
import { externalTransportError, type ExternalEnvironment, type ExternalResult, type ExternalTool } from '../engine/external.ts';
import { resetsPerEpisode, serverBase, type McpServer as McpServerSpec } from '../scenario/servers.ts';
import { cleanEnvironment, freePort, resolveProgram } from './command.ts';
import { observationOf, readValue } from './content.ts';
import { SpawnedTransport, spawnerAvailable } from './spawner.ts';
import { sharedEgress, Workspace } from './workspace.ts';
import { resolve } from 'node:path';
import { z } from 'zod';

/** What a server wrote to stderr last, for the message when it dies: a capped tail, never the trace. */
const STDERR_TAIL = 2000;

/** The request that makes a server as new for the next episode, with that episode's setup (servers.ts: `reuse`, `setup`). */
export const RESET_METHOD = 'tripwire/reset';
const ResetResult = z.looseObject({});

/** The workspace fixture of a server's spec, as a path. */
const fixtureOf = (spec: McpServerSpec) => (spec.workspace ? resolve(serverBase(spec) ?? process.cwd(), spec.workspace) : undefined);

/**
 * One MCP server for one episode, as an external environment: started fresh (with a fresh copy of
 * its workspace and a clean environment), its tools listed once, every call proxied under the
 * scenario's limits, its state read for predicates after every step, and all of it removed at the end.
 */
export class McpServer implements ExternalEnvironment {
  readonly description: string;
  /** The episode's spec: its tools, reads, limits and setup (a reused server gets the next episode's at `reuse`). */
  #spec: McpServerSpec;
  readonly #client: Client;
  readonly #workspace?: Workspace;
  readonly #child?: ChildProcess;
  readonly #stderr: { tail: string };
  #tools: ExternalTool[] = [];
  #closed?: string;

  private constructor(spec: McpServerSpec, client: Client, description: string, stderr: { tail: string }, workspace?: Workspace, child?: ChildProcess) {
    this.#spec = spec;
    this.#client = client;
    this.description = description;
    this.#stderr = stderr;
    this.#workspace = workspace;
    this.#child = child;
    // Over stdio a closed connection is a server gone; over HTTP each request stands alone, and fails on its own.
    if (spec.url === undefined) {
      client.onclose = () => {
        this.#closed ??= `the MCP server (${description}) closed the connection${this.#stderrNote()}`;
      };
    }
  }

  /** Starts the server for one episode and lists its tools. Fails (as a transport error) when it does not come up. */
  static async start(spec: McpServerSpec, options: CallOptions = {}): Promise<McpServer> {
    const base = serverBase(spec);
    const workspace = spec.command !== undefined ? new Workspace(fixtureOf(spec)) : undefined;
    const stderr = { tail: '' };
    let child: ChildProcess | undefined;
    let env: McpServer | undefined;
    try {
      const port = spec.url?.includes('{port}') ? await freePort() : undefined;
      const expand = (s: string) => workspace?.expand(s, port) ?? s;
      const client = new Client({ name: 'tripwire', version: '1' });
      const description = spec.command ? [spec.command, ...spec.args].join(' ') : spec.url!;
      const command = spec.command && (await resolveProgram(spec.command, base, spec.env));
      const args = spec.args.map(expand);
      const childEnv = workspace && cleanEnvironment(workspace.home, Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, expand(v)])));
      let transport: () => Transport;
      if (spec.url === undefined) {
        const params = { command: command!, args, env: childEnv!, cwd: workspace!.dir };
        const stdio = spawnerAvailable ? new SpawnedTransport(params) : new StdioClientTransport({ ...params, stderr: 'pipe' });
        stdio.stderr?.on('data', (chunk: Buffer) => (stderr.tail = (stderr.tail + chunk.toString('utf8')).slice(-STDERR_TAIL)));
        transport = () => stdio;
      } else {
        if (command) {
          child = spawn(command, args, { env: childEnv, cwd: workspace!.dir, stdio: ['ignore', 'ignore', 'pipe'] });
          child.stderr?.on('data', (chunk: Buffer) => (stderr.tail = (stderr.tail + chunk.toString('utf8')).slice(-STDERR_TAIL)));
          child.on('error', (e) => (stderr.tail += `\n${e.message}`));
        }
        const url = new URL(expand(spec.url));
        transport = () => new StreamableHTTPClientTransport(url);
      }
      env = new McpServer(spec, client, description, stderr, workspace, child);
      await env.#connect(transport, options.signal);
      if (resetsPerEpisode(spec)) await env.#reset(options.signal);
      env.#tools = await env.#listTools(options.signal);
      return env;
    } catch (e) {
      if (env) await env.close();
      else {
        child?.kill('SIGKILL');
        workspace?.remove();
      }
      if (TripwireError.is(e) || options.signal?.aborted) throw e;
      throw externalTransportError(`the MCP server ${spec.command ?? spec.url} did not start: ${(e as Error).message}${stderr.tail ? `; it said: ${stderr.tail.trim().slice(-500)}` : ''}`, e);
    }
  }

  /** Connects; a server started over HTTP is given until `startMs` to listen. */
  async #connect(transport: () => Transport, signal?: AbortSignal): Promise<void> {
    const deadline = performance.now() + this.#spec.limits.startMs;
    for (;;) {
      try {
        await this.#client.connect(transport(), { timeout: this.#spec.limits.startMs, signal });
        return;
      } catch (e) {
        // Only a server Tripwire started over HTTP may still be on its way up.
        if (!this.#child || this.#child.exitCode !== null || signal?.aborted || performance.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /**
   * Makes this running server as new for another episode (`spec`: that episode's server, with the
   * same command, arguments and variables): its workspace refilled, `tripwire/reset` with the
   * episode's setup, its tools listed again. Rejects when the server is gone or the reset fails:
   * the caller then closes it and starts a fresh one.
   */
  async reuse(spec: McpServerSpec, options: CallOptions = {}): Promise<void> {
    if (this.#closed) throw externalTransportError(this.#closed);
    if (this.#child && this.#child.exitCode !== null) throw externalTransportError(`the MCP server (${this.description}) has exited`);
    this.#spec = spec;
    this.#stderr.tail = '';
    this.#workspace?.refill(fixtureOf(spec));
    await this.#reset(options.signal);
    this.#tools = await this.#listTools(options.signal, 'refresh');
  }

  /** `tripwire/reset` with the episode's setup, under the start limit. */
  async #reset(signal?: AbortSignal): Promise<void> {
    const params = this.#spec.setup === undefined ? {} : { setup: this.#workspace?.toReal(this.#spec.setup) ?? this.#spec.setup };
    try {
      await this.#client.request({ method: RESET_METHOD, params }, ResetResult, { timeout: this.#spec.limits.startMs, ...(signal ? { signal } : {}) });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw externalTransportError(`the MCP server (${this.description}) did not reset (${RESET_METHOD}): ${(e as Error).message}${this.#stderrNote()}`, e);
    }
  }

  async #listTools(signal?: AbortSignal, cacheMode?: 'refresh'): Promise<ExternalTool[]> {
    const { tools } = await this.#client.listTools(undefined, { timeout: this.#spec.limits.startMs, signal, ...(cacheMode ? { cacheMode } : {}) });
    const wanted = this.#spec.tools;
    if (wanted) {
      const missing = Object.keys(wanted).filter((n) => !tools.some((t) => t.name === n));
      if (missing.length) throw new TripwireError('scenario-load', `the MCP server (${this.description}) has no tool ${missing.map((n) => `"${n}"`).join(', ')}; it has: ${tools.map((t) => t.name).join(', ')}`);
    }
    return tools
      .filter((t) => !wanted || t.name in wanted)
      .map((t: McpTool) => ({
        name: t.name,
        description: this.#workspace?.toVirtual(t.description ?? '') ?? t.description ?? '',
        inputSchema: t.inputSchema as Record<string, unknown>,
        kind: wanted?.[t.name]?.kind ?? (t.annotations?.readOnlyHint ? 'read' : 'write'),
        risk: wanted?.[t.name]?.risk ?? [],
        ...(this.#spec.validate === 'server' ? { serverValidates: true } : {}),
      }));
  }

  /** Still up: its connection open and (over HTTP) its process running. */
  get alive(): boolean {
    return this.#closed === undefined && (!this.#child || this.#child.exitCode === null);
  }

  tools(): readonly ExternalTool[] {
    return this.#tools;
  }

  async call(tool: string, args: unknown, options: CallOptions = {}): Promise<ExternalResult> {
    let result: CallToolResult;
    try {
      result = (await this.#request((o) => this.#client.callTool({ name: tool, arguments: (this.#workspace?.toReal(args) ?? args) as Record<string, unknown> }, o), options)) as CallToolResult;
    } catch (e) {
      // The server said the arguments were wrong (our schema check let them through): the agent's mistake.
      if (e instanceof ProtocolError && e.code === -32602) return { ok: false, code: 'invalid-arguments', error: this.#virtual(e.message) };
      throw e;
    }
    const observation = observationOf(result, this.#spec.limits.outputBytes, (v) => this.#virtual(v));
    if (result.isError) return { ok: false, code: 'precondition', error: typeof observation === 'string' ? observation : JSON.stringify(observation) };
    return { ok: true, observation };
  }

  async state(options: CallOptions = {}): Promise<Record<string, unknown>> {
    const reads: Record<string, unknown> = {};
    for (const [name, read] of Object.entries(this.#spec.reads)) {
      if ('tool' in read) {
        const r = (await this.#request((o) => this.#client.callTool({ name: read.tool, arguments: read.args }, o), options)) as CallToolResult;
        if (r.isError) throw externalTransportError(`the read "${name}" (${read.tool}) failed: ${JSON.stringify(r.content).slice(0, 300)}`);
        reads[name] = this.#virtual(readValue(r));
      } else {
        const r = await this.#request((o) => this.#client.readResource({ uri: read.resource }, { ...o, cacheMode: 'bypass' }), options);
        const texts = r.contents.map((c) => ('text' in c ? c.text : ''));
        reads[name] = this.#virtual(readValue({ content: texts.map((text) => ({ type: 'text', text })) }));
      }
    }
    const files = await this.#workspace?.read();
    const outbound = files ? sharedEgress(files.files, this.#spec.shared) : [];
    return { ...(files ?? {}), ...(Object.keys(reads).length ? { reads } : {}), ...(outbound.length ? { outbound } : {}) };
  }

  /** One request under the call limit and the episode's signal; a timeout or a lost server is a transport error. */
  async #request<T>(send: (o: { timeout: number; maxTotalTimeout: number; signal?: AbortSignal }) => Promise<T>, options: CallOptions): Promise<T> {
    if (this.#closed) throw externalTransportError(this.#closed);
    try {
      return await send({ timeout: this.#spec.limits.callMs, maxTotalTimeout: this.#spec.limits.callMs, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (e) {
      if (e instanceof ProtocolError || options.signal?.aborted) throw e;
      throw externalTransportError(`the MCP server (${this.description}) failed: ${(e as Error).message}${this.#stderrNote()}`, e);
    }
  }

  #virtual<T>(value: T): T {
    return this.#workspace ? this.#workspace.toVirtual(value) : value;
  }

  #stderrNote(): string {
    return this.#stderr.tail ? `; it said: ${this.#virtual(this.#stderr.tail.trim().slice(-500))}` : '';
  }

  async close(): Promise<void> {
    this.#closed ??= 'closed';
    await this.#client.close().catch(() => {});
    if (this.#child && this.#child.exitCode === null) {
      this.#child.kill('SIGTERM');
      await new Promise<void>((r) => {
        const t = setTimeout(() => (this.#child!.kill('SIGKILL'), r()), 2000);
        this.#child!.once('exit', () => (clearTimeout(t), r()));
      });
    }
    this.#workspace?.remove();
  }
}
