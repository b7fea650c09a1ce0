import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import type { Environment } from '../engine/environment.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import { readTrace } from '../report/files.ts';
import type { EpisodeResult } from '../run/result.ts';
import { EPISODE_ID, type RunHooks } from '../run/run.ts';
import { processSecrets, type Redactor } from '../run/secrets.ts';
import { latestPerEpisode, readResults } from '../report/summary.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { EpisodeControl } from './control.ts';
import { allowedHosts, Door, isLoopback, reachableHost } from './door.ts';
import { ChannelRegistry, type AgentChannel } from '../agent/channel.ts';
import { Approvals } from './approvals.ts';
import { liveScreen, liveScreenHtml, relayStream } from './liveScreens.ts';
import { machineGraph } from './machineGraph.ts';
import { viewerPage } from './page.ts';
import { readRates } from './rates.ts';
import type { EndRecord, EpisodeSummary, HumanView, RunView } from './wire.ts';
import { stepState } from './replay.ts';
import { taskText } from '../scenario/historyText.ts';

export interface ViewerOptions {
  scenarios: LoadedScenario[];
  environments: Map<string, Environment>;
  /** Loopback unless said otherwise: the viewer shows scenario data and can drive episodes. */
  host?: string;
  port?: number;
  token?: string;
  /** A finished run to show (tripwire watch). */
  runDir?: string;
  /** Hold every risky action until a person approves it here. */
  approveRisky?: boolean;
  /** The run's channels: a person acts for the human agent through them (made here when not given). */
  channels?: ChannelRegistry;
  /** The run's actions held for approval (made here when not given). */
  approvals?: Approvals;
  /** The server's log: what went wrong behind a generic answer (stderr unless given). */
  log?: (message: string) => void;
  /** The run's secrets, scrubbed from everything the page is sent (default: the process's). */
  secrets?: Redactor;
}

interface Episode {
  episodeId: string;
  agent: string;
  scenarioId: string;
  trial: number;
  records: TraceRecord[];
  running: boolean;
  result?: EpisodeResult;
}

export interface Viewer {
  /** The address to open, with the token: the page trades it for a cookie and drops it from the address bar. */
  url: string;
  token: string;
  /** For the person starting it: said when the viewer is reachable from the network. */
  warnings: string[];
  /** Connect these to runBatch: the live event stream, pause/step/resume, approvals. */
  hooks: RunHooks;
  /** Give these to runBatch too, so the human agent's episodes reach this page. */
  channels: ChannelRegistry;
  approvals: Approvals;
  close(): Promise<void>;
}

/** The redactor of the viewer a response belongs to (each server has its run's). */
const redactors = new WeakMap<ServerResponse, Redactor>();

const json = (res: ServerResponse, status: number, body: unknown) => {
  const secrets = redactors.get(res) ?? processSecrets;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(secrets.redact(JSON.stringify(secrets.redactValue(body))));
};

/** A request the client got wrong: answered with its status and this (generic) message. */
class BadRequest extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** A path segment decoded; a malformed %-escape is the client's error (400), not the server's. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequest(400, `malformed %-escape in the path: ${segment.slice(0, 80)}`);
  }
}

async function body(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 1_000_000) throw new BadRequest(413, 'request body too large');
    chunks.push(c as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BadRequest(400, 'the request body is not JSON');
  }
  if (!parsed || typeof parsed !== 'object') throw new BadRequest(400, 'the request body is not a JSON object');
  return parsed;
}

/** Trace files of a finished run, by episode id: only ids the engine could have made, only inside the run folder. */
function traceFile(runDir: string, id: string): string | undefined {
  if (!EPISODE_ID.test(id)) return undefined;
  const traces = resolve(runDir, 'traces');
  const file = resolve(traces, `${id}.jsonl`);
  return file.startsWith(traces + sep) ? file : undefined;
}

/**
 * The local viewer: a web page and a small JSON + server-sent-events API over the observer's event
 * stream. Every request passes the door (./door.ts); the server binds to loopback by default.
 */
export async function startViewer(o: ViewerOptions): Promise<Viewer> {
  const token = o.token ?? randomBytes(24).toString('hex');
  const page = await viewerPage();
  const secrets = o.secrets ?? processSecrets;
  const log = o.log ?? ((m: string) => process.stderr.write(`viewer: ${secrets.redact(m)}\n`));
  const scenarios = new Map(o.scenarios.map((s) => [s.scenario.id, s.scenario]));
  const episodes = new Map<string, Episode>();
  const controls = new Map<string, EpisodeControl>();
  const clients = new Set<ServerResponse>();
  const channels = o.channels ?? new ChannelRegistry();
  const approvals = o.approvals ?? new Approvals();

  const send = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${secrets.redact(JSON.stringify(secrets.redactValue(data)))}\n\n`;
    for (const c of clients) c.write(frame);
  };
  const summary = (e: Episode): EpisodeSummary => ({
    episodeId: e.episodeId, agent: e.agent, scenarioId: e.scenarioId, trial: e.trial, running: e.running,
    steps: Math.max(0, ...e.records.map((r) => ('step' in r ? r.step : 0))),
    end: e.records.find((r): r is EndRecord => r.kind === 'end') ?? null,
    paused: controls.get(e.episodeId)?.paused ?? false,
    waitingForHuman: channels.get(e.episodeId)?.waiting() !== undefined,
  });
  const resend = (id: string) => episodes.has(id) && send('episode', summary(episodes.get(id)!));
  /** Channels a person in this page acts through: when the page's server goes, their episodes end. */
  const people = new Set<AgentChannel>();
  const unsubscribe = [
    channels.onOpen((episodeId, channel) => {
      people.add(channel);
      channel.onEnd(() => people.delete(channel));
      channel.onWaiting((waiting) => {
        send('human', { episodeId, waiting });
        resend(episodeId);
      });
    }),
    approvals.onChange((event) => {
      send('approval', event);
      resend(event.episodeId);
    }),
  ];

  const rates = o.runDir ? readRates(o.runDir, log) : undefined;
  if (o.runDir) {
    const resultsFile = join(o.runDir, 'results.jsonl');
    for (const r of existsSync(resultsFile) ? latestPerEpisode(readResults(resultsFile)) : []) {
      const file = traceFile(o.runDir, String(r.episodeId));
      if (!file) {
        log(`skipped a result with a malformed episode id in ${resultsFile}: ${JSON.stringify(r.episodeId).slice(0, 200)}`);
        continue;
      }
      episodes.set(r.episodeId, { ...r, records: existsSync(file) ? readTrace(file) : [], running: false, result: r });
    }
  }

  const hooks: RunHooks = {
    onStart(episodeId, info) {
      const e: Episode = { episodeId, ...info, records: [], running: true };
      episodes.set(episodeId, e);
      send('episode', summary(e));
    },
    onRecord(episodeId, record) {
      const e = episodes.get(episodeId);
      if (!e) return;
      e.records.push(record);
      if (record.kind === 'end') e.running = false;
      send('record', { episodeId, record, sentAt: Date.now() });
      if (record.kind === 'end' || record.kind === 'episode') send('episode', summary(e));
    },
    control(episodeId) {
      const c = new EpisodeControl();
      c.onChange = () => episodes.has(episodeId) && send('episode', summary(episodes.get(episodeId)!));
      controls.set(episodeId, c);
      return c;
    },
    ...(o.approveRisky ? { approve: (episodeId, call) => approvals.request({ episodeId, ...call }) } : {}),
  };

  let door: Door | undefined; // once the port is known

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    redactors.set(res, secrets);
    const url = new URL(req.url ?? '/', 'http://viewer');
    if (!door?.hostAllowed(req)) return json(res, 403, { error: 'forbidden' });
    if (!door.authorized(req, url)) return json(res, 403, { error: 'a valid token is required' });
    const parts = url.pathname.split('/').filter(Boolean);
    const episode = parts[1] === 'episodes' && parts[2] ? episodes.get(decodeSegment(parts[2])) : undefined;

    if (req.method === 'GET' && url.pathname === '/') {
      if (url.searchParams.has('token')) {
        // The token leaves the address bar (and the history): the cookie carries it from here on.
        res.writeHead(303, { location: '/', 'set-cookie': door.setCookie(token), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(page);
    }
    if (req.method === 'GET' && url.pathname === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/run') {
      const info = Object.fromEntries([...scenarios].map(([id, s]) => [id, { title: s.title, instruction: s.instruction, risk: s.risk, environments: Object.keys(s.environments) }]));
      const view: RunView = { episodes: [...episodes.values()].map(summary), scenarios: info, approvals: approvals.pending(), ...(rates ? { summary: rates } : {}) };
      return json(res, 200, view);
    }
    if (req.method === 'POST' && parts[0] === 'api' && parts[1] === 'approvals' && parts[2]) {
      const b = (await body(req)) as { approved?: boolean; reason?: string };
      const verdict = b.approved === true ? ({ approved: true } as const) : { approved: false as const, reason: b.reason || 'rejected in the viewer' };
      return approvals.decide(decodeSegment(parts[2]), verdict) ? json(res, 200, { ok: true }) : json(res, 404, { error: 'no such approval' });
    }
    if (parts[0] !== 'api' || parts[1] !== 'episodes' || !episode) return json(res, 404, { error: 'not found' });
    const scenario = scenarios.get(episode.scenarioId);
    const envs = scenario ? Object.keys(scenario.environments).map((id) => o.environments.get(id)!) : [];

    if (req.method === 'GET' && parts.length === 3) return json(res, 200, { ...summary(episode), records: episode.records });
    if (req.method === 'GET' && parts[3] === 'state') {
      if (!scenario) return json(res, 404, { error: 'the scenario is not loaded' });
      const step = Number(url.searchParams.get('step') ?? summary(episode).steps);
      const state = stepState(scenario, envs, episode.records, Number.isFinite(step) ? step : 0);
      // A device outside this process (an emulator) shows its own screen while its episode runs.
      const live = liveScreen(episode.episodeId);
      const device = live && Object.keys(state.environments).find((e) => typeof state.environments[e]!.screen === 'string' || e === 'phone');
      if (live && device) {
        const src = live.stream ? `/api/episodes/${encodeURIComponent(episode.episodeId)}/live.mjpeg` : `data:image/png;base64,${(await live.png()).toString('base64')}`;
        state.environments[device] = { ...state.environments[device]!, screen: liveScreenHtml(src) };
      }
      return json(res, 200, state);
    }
    if (req.method === 'GET' && parts[3] === 'live.mjpeg') {
      // The device's MJPEG stream, relayed so the page takes it from its own origin.
      const stream = liveScreen(episode.episodeId)?.stream;
      if (!stream) return json(res, 404, { error: 'no live stream for this episode' });
      return void relayStream(stream, req, res);
    }
    if (req.method === 'GET' && parts[3] === 'machines') {
      return json(res, 200, Object.fromEntries(envs.map((e) => [e.id, machineGraph(e.machine)])));
    }
    if (req.method === 'GET' && parts[3] === 'human') {
      const turn = channels.get(episode.episodeId)?.waiting();
      const view: HumanView = turn ? { waiting: true, tools: turn.brief.tools, instruction: taskText(turn.brief), observations: turn.observations } : { waiting: false };
      return json(res, 200, view);
    }
    if (req.method === 'POST' && parts[3] === 'control') {
      const c = controls.get(episode.episodeId);
      const { command } = await body(req);
      if (!c || !episode.running) return json(res, 409, { error: 'the episode is not running' });
      if (command === 'pause') c.pause();
      else if (command === 'step') c.step();
      else if (command === 'resume') c.resume();
      else return json(res, 400, { error: 'command is pause, step or resume' });
      return json(res, 200, summary(episode));
    }
    if (req.method === 'POST' && parts[3] === 'act') {
      const { action } = await body(req);
      const channel = channels.get(episode.episodeId);
      if (!channel?.waiting()) return json(res, 409, { error: 'the episode is not waiting for a person' });
      // Answered at once: the action's observations reach the page as the episode's next turn.
      channel.call(action).catch((e: unknown) => log(`action for ${episode.episodeId}: ${(e as Error).message}`));
      return json(res, 200, { ok: true });
    }
    return json(res, 404, { error: 'not found' });
  };

  const server = createServer((req, res) => {
    // No page of another origin (another port on 127.0.0.1 is one) may frame the logged-in viewer.
    res.setHeader('content-security-policy', "frame-ancestors 'none'");
    res.setHeader('x-frame-options', 'DENY');
    route(req, res).catch((e: unknown) => {
      if (e instanceof BadRequest) return json(res, e.status, { error: e.message });
      log(`${req.method} ${(req.url ?? '').replace(/token=[^&]*/, 'token=…')}: ${(e as Error)?.stack ?? String(e)}`);
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  const bound = o.host ?? '127.0.0.1';
  await new Promise<void>((done) => server.listen(o.port ?? 0, bound, done));
  const { port } = server.address() as AddressInfo;
  door = new Door(token, allowedHosts(bound, port), port);
  const host = reachableHost(bound);
  const warnings = isLoopback(bound)
    ? []
    : [`the viewer listens on ${bound}: anyone on the network who has the address with its token can watch and drive episodes, over plain HTTP (not encrypted)`];
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/?token=${token}`,
    token,
    warnings,
    hooks,
    channels,
    approvals,
    close: () =>
      new Promise<void>((resolve) => {
        for (const off of unsubscribe) off();
        for (const channel of people) channel.disconnect('the viewer closed');
        for (const c of clients) c.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
