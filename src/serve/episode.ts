import type { Server } from '@modelcontextprotocol/server';
import type { Agent } from '../agent/agent.ts';
import { AgentChannel } from '../agent/channel.ts';
import type { Environment } from '../engine/environment.ts';
import type { TripwireConfig } from '../run/config.ts';
import { openRun } from '../run/live.ts';
import { runSecrets } from '../run/secrets.ts';
import type { EpisodeResult, Summary } from '../run/result.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { serveMcpHttp, type McpHttpEndpoint } from './http.ts';

export interface ServeEpisodeOptions {
  scenario: LoadedScenario;
  environments: Map<string, Environment>;
  trial?: number;
  out: string;
  config?: TripwireConfig;
  transport: { kind: 'stdio' } | { kind: 'http'; port?: number };
  /** Told where the HTTP endpoint listens (and its token) once it does. */
  onListening?: (endpoint: { url: string; token: string }) => void;
  /** How long a client may stay connected after the episode ended before the server closes (default 2 s). */
  lingerMs?: number;
}

export interface ServedEpisode {
  runDir: string;
  result: EpisodeResult;
  summary: Summary;
}

/** An MCP client's name as the agent's: `mcp:<client>`, or just `mcp`. */
export function mcpAgentName(client: string | undefined): string {
  const name = client?.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40);
  return name ? `mcp:${name}` : 'mcp';
}

/** How long after its `initialize` a client may take to send `notifications/initialized` before the episode starts anyway. */
const INITIALIZED_GRACE_MS = 1000;

/**
 * The client's name, once it has initialized; or once it has sent `initialize` and, a moment later,
 * still no `notifications/initialized` (a client that skips it gets answers all the same); or, when
 * it goes away before either, its name if it gave one: the episode is played and recorded then too.
 */
function clientNamed(server: Server, gone: Promise<void>): Promise<string | undefined> {
  return new Promise((resolve) => {
    const named = () => {
      clearInterval(poll);
      resolve(server.getClientVersion()?.name);
    };
    server.oninitialized = named;
    let since: number | undefined;
    const poll = setInterval(() => {
      if (server.getClientVersion() === undefined) return;
      since ??= Date.now();
      if (Date.now() - since >= INITIALIZED_GRACE_MS) named();
    }, 50);
    poll.unref();
    void gone.then(named);
  });
}

/** Whether the scenario shows a device's screen: its agent gets screenshots with every observation. */
export function onDevice(scenario: LoadedScenario, environments: Map<string, Environment>): boolean {
  return Object.keys(scenario.scenario.environments).some((id) => environments.get(id)?.screenshot !== undefined);
}

/**
 * `tripwire serve mcp`: one episode of a scenario for an MCP client. The episode starts once the
 * client has initialized (its name becomes the agent's), and ends on finish, refuse or ask, when
 * the client goes away, or at a limit. Result, trace and report go to a run folder as for `run`.
 */
export async function serveEpisode(o: ServeEpisodeOptions): Promise<ServedEpisode> {
  const secrets = runSecrets(o.config);
  const run = openRun({ out: o.out, scenarios: [o.scenario], environments: o.environments, config: o.config, secrets });
  const channel = new AgentChannel();
  const agent: Agent = onDevice(o.scenario, o.environments) ? { ...channel.agent, screenshots: true } : channel.agent;
  let disconnected!: () => void;
  const gone = new Promise<void>((resolve) => (disconnected = resolve));
  const goneAway = (reason: string) => () => {
    channel.disconnect(reason);
    disconnected();
  };

  let endpoint: McpHttpEndpoint | undefined;
  let server: Server | undefined;
  let initialized: Promise<string | undefined>;
  if (o.transport.kind === 'http') {
    endpoint = await serveMcpHttp({ channel, secrets, port: o.transport.port, onSessionClosed: goneAway('the client ended its MCP session') });
    initialized = clientNamed(endpoint.server, gone);
    o.onListening?.({ url: endpoint.url, token: endpoint.token });
  } else {
    // Loaded here, not at the top: the public entry exports serveEpisode, and every command loads that.
    const [{ StdioServerTransport }, { episodeServer }] = await Promise.all([import('@modelcontextprotocol/server/stdio'), import('./mcpServer.ts')]);
    server = episodeServer(channel);
    server.onclose = goneAway('the client closed the MCP connection');
    initialized = clientNamed(server, gone);
    await server.connect(new StdioServerTransport());
  }
  const clientName = await initialized;
  const result = await run.play({ scenarioId: o.scenario.scenario.id, agentName: mcpAgentName(clientName), trial: o.trial, agent });
  const summary = await run.close();
  // The client may read the last reply and close first; a client that stays is closed after a while.
  await Promise.race([gone, new Promise((r) => setTimeout(r, o.lingerMs ?? 2000).unref())]);
  await endpoint?.close();
  await server?.close().catch(() => {});
  return { runDir: run.runDir, result, summary };
}
