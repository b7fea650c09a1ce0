import { injectedProbe } from '../security/crossing.ts';
import { Action, TERMINAL_STATUS, type EpisodeStatus } from './action.ts';
import type { Agent, Observation, Usage } from '../agent/agent.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { actWithin, review, TIMED_OUT, type Approver } from './turn.ts';
import { consult, type ActionGate } from './gate.ts';
import { guardOf } from '../grading/guardLabels.ts';
import { createClock } from './clock.ts';
import type { Device } from './device.ts';
import { directorFor } from './director.ts';
import type { Environment } from './environment.ts';
import type { ExternalEnvironment } from './external.ts';
import { TripwireError } from './errors.ts';
import { Observer, type TraceListener } from '../grading/observer.ts';
import type { EpisodeResult } from '../run/result.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { Scene } from './scene.ts';
import { endReached } from './scenarioEnd.ts';
import { nullSink, type TraceSink } from '../grading/traceWriter.ts';
import { describeIssues } from './validation.ts';
import { World, type Outcome } from './world.ts';

/** Larger actions are rejected: a runaway or hostile agent must not bloat traces and reports. */
export const MAX_ACTION_BYTES = 64 * 1024;

export type { Approver };

export interface EpisodeOptions {
  episodeId: string;
  scenario: Scenario;
  /** The environments the scenario names, already resolved. */
  environments: Environment[];
  /**
   * Environments played by a device instead of their machine (`phone` on the virtual phone behind
   * the Device interface, or on an emulator). A device given as is belongs to the caller; one given
   * as a factory is made (a failure is the episode's error) and closed by the episode.
   */
  devices?: Record<string, Device | (() => Device | Promise<Device>)>;
  /**
   * Environments that run outside (MCP servers), each made fresh for this episode and closed by it.
   * Default: one server for each of the scenario's `servers`.
   */
  externals?: Record<string, (signal?: AbortSignal) => Promise<ExternalEnvironment>>;
  agentName: string;
  agent: Agent;
  trial: number;
  sink?: TraceSink;
  listener?: TraceListener;
  /** Limits beyond the scenario's step limit: model tokens and wall time per episode. */
  limits?: EpisodeLimits;
  /** Host clock for `durationMs` only; it never reaches the trace. */
  hostNow?: () => number;
  /** Awaited before every turn: how a viewer pauses, steps and resumes an episode. */
  control?: { beforeTurn(step: number): Promise<void> };
  /** Asked before every risky action (a tool with risk tags, or a tap on a control with some); a rejection reaches the agent. */
  approve?: Approver;
  /** Asked before every valid action (a guard, a defense's tool filter); its blocks reach the agent as errors. */
  gate?: ActionGate;
}

export interface EpisodeLimits {
  tokens?: number;
  wallMs?: number;
}

function observationOf(step: number, outcome: Outcome): Observation {
  if (!outcome.ok) return { step, kind: 'error', tool: outcome.tool, error: { code: outcome.code, message: outcome.message } };
  if (outcome.kind === 'tool') return { step, kind: 'result', tool: outcome.tool, content: outcome.observation };
  return { step, kind: 'message', content: 'The user is not available; carry on, or finish, refuse or ask.' };
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}

/** How an episode ended, once it has. */
interface Ending {
  status: EpisodeStatus;
  reason?: string;
}

/** Plays one agent on one scenario: observation -> agent -> action -> World.apply -> observer. */
export async function runEpisode(o: EpisodeOptions): Promise<EpisodeResult> {
  const hostNow = o.hostNow ?? (() => performance.now());
  const started = hostNow();
  const { scenario } = o;
  const observer = new Observer(scenario.safety, scenario.helpfulness, o.sink ?? nullSink);
  if (o.listener) observer.subscribe(o.listener);
  observer.injected = injectedProbe(scenario);
  const usage: Usage = { promptTokens: 0, completionTokens: 0 };
  // Aborts what a device is doing when the wall-time limit passes.
  const wall = new AbortController();
  const wallMs = o.limits?.wallMs;
  const wallTimer = wallMs === undefined ? undefined : setTimeout(() => wall.abort(new Error(`wall-time limit of ${wallMs} ms reached`)), wallMs);
  const play = { step: 0, scene: undefined as Scene | undefined, made: [] as Device[], external: [] as ExternalEnvironment[] };
  let ending: Ending;
  try {
    ending = await playEpisode(o, observer, usage, play, { signal: wall.signal, msLeft: () => (wallMs === undefined ? undefined : wallMs - (hostNow() - started)) }, hostNow);
  } catch (e) {
    if (wall.signal.aborted) {
      ending = { status: 'limit', reason: `wall-time limit of ${wallMs} ms reached` };
    } else {
      // A fault of ours, of an environment or of a device's transport, not of the agent: an error.
      const code = TripwireError.is(e, 'device-transport') ? 'device-transport' : TripwireError.is(e, 'external-transport') ? 'external-transport' : 'internal-error';
      ending = { status: 'error', reason: describe(e) };
      observer.record({ kind: 'error', step: play.step, code, message: `episode failed: ${ending.reason}` });
    }
  } finally {
    clearTimeout(wallTimer);
  }
  await Promise.all([...play.made, ...play.external].map((d) => d.close().catch(() => {})));
  // The agent stops before the verdict, so what its program did (exit, output) is in the trace.
  await Promise.resolve()
    .then(() => o.agent.stop?.({ report: (p) => observer.record({ kind: 'process', step: play.step, ...p }) }))
    .catch(() => {});
  await Promise.resolve().then(() => o.gate?.stop?.()).catch(() => {});
  const facts = play.scene?.facts() ?? { state: {}, machines: {} };
  const verdict = observer.end(play.step, ending.status, facts.state, ending.reason, facts.machines);
  o.sink?.close();
  return {
    episodeId: o.episodeId,
    scenarioId: scenario.id,
    agent: o.agentName,
    trial: o.trial,
    status: verdict.status,
    safe: verdict.safe,
    helpful: verdict.helpful,
    violations: verdict.violations,
    goalsMet: verdict.goalsMet,
    steps: play.step,
    invalidActions: observer.invalidActions,
    durationMs: Math.round((hostNow() - started) * 100) / 100,
    risk: scenario.risk,
    failureModes: scenario.failureModes,
    fulfillable: scenario.fulfillable,
    ...(usage.promptTokens + usage.completionTokens > 0 ? { tokens: { prompt: usage.promptTokens, completion: usage.completionTokens } } : {}),
    ...(usage.cost !== undefined ? { cost: Math.round(usage.cost * 1e6) / 1e6 } : {}),
    ...(ending.reason ? { reason: ending.reason } : {}),
    ...(o.gate ? { guard: guardOf(observer.records, verdict) } : {}),
  };
}

/** The episode loop proper; `play` tells the caller how far it got if it throws. */
async function playEpisode(
  o: EpisodeOptions,
  observer: Observer,
  usage: Usage,
  play: { step: number; scene?: Scene; made: Device[]; external: ExternalEnvironment[] },
  wall: { signal: AbortSignal; msLeft: () => number | undefined },
  hostNow: () => number,
): Promise<Ending> {
  const { scenario } = o;
  const limit = scenario.limits.steps;
  const clock = createClock(scenario.start);
  const world = new World(o.environments, scenario.environments, clock);
  const scene = (play.scene = new Scene(world, directorFor(scenario), observer));
  const begin = () => observer.record({
    kind: 'episode', episodeId: o.episodeId, scenarioId: scenario.id, agent: o.agentName, trial: o.trial,
    instruction: scenario.instruction, tools: world.toolNames(), limits: { steps: limit },
  });
  try {
    await startExternals(o, world, play.external, wall.signal);
  } catch (e) {
    begin(); // the trace still opens with its episode
    throw e;
  }
  const tools = world.toolSpecs();
  begin();
  if (scenario.history) observer.record({ kind: 'history', step: 0, messages: scenario.history });
  for (const [env, given] of Object.entries(o.devices ?? {})) {
    let device = given;
    if (typeof device === 'function') play.made.push((device = await device()));
    await world.useDevice(env, device, scenario.environments[env], wall.signal);
  }
  await scene.worldEvents(0, wall.signal);
  const views = await world.observe(wall.signal);
  const brief = { scenarioId: scenario.id, trial: o.trial, instruction: scenario.instruction, ...(scenario.history ? { history: structuredClone(scenario.history) } : {}), tools, limits: { steps: limit }, device: views.length > 0 };
  await o.agent.start?.(brief);
  await o.gate?.start?.(brief);

  // A device's screen is in view from the start: step 0's observations.
  let pending: Observation[] = views.map((v) => ({ step: 0, kind: 'result', content: v.content }));
  // The id of the device screen in the latest observations: the screen the agent's next actions are chosen on.
  let screen = views.findLast((v) => v.screen)?.screen;
  const shoot = async (obs: Observation[]): Promise<Observation[]> => {
    if (!o.agent.screenshots || obs.length === 0) return obs;
    const shots = Object.values(await world.screenshots(wall.signal, o.agent.screenshots === 'full' ? 'full' : 'model'));
    if (shots.length === 0) return obs;
    const last = obs.length - 1; // the screen now: after the turn's last action
    return obs.map((x, i) => (i === last ? { ...x, image: `data:image/png;base64,${shots[0]!.toString('base64')}` } : x));
  };
  // Push agents that read the screen themselves (over Appium) read it between actions, from the world.
  const first = async <T>(all: Promise<Record<string, T>>): Promise<T> => {
    const found = Object.values(await all)[0];
    if (found === undefined) throw new TripwireError('usage', 'no device in this world can show that');
    return found;
  };
  const screenReader = views.length > 0 ? { pageSource: () => first(world.pageSources(wall.signal)), screenshot: () => first(world.screenshots(wall.signal, 'full')) } : undefined;
  for (;;) {
    const tokens = usage.promptTokens + usage.completionTokens;
    if (o.limits?.tokens !== undefined && tokens >= o.limits.tokens) return { status: 'limit', reason: `token limit of ${o.limits.tokens} reached (${tokens} used)` };
    await o.control?.beforeTurn(play.step);
    let raw: unknown[];
    const shownScreen = screen;
    try {
      const step = play.step;
      const record = (note: { command: string; detail?: unknown }) => observer.record({ kind: 'read', step, command: note.command, ...(note.detail === undefined ? {} : { detail: note.detail }) });
      const turn = await actWithin(o.agent, await shoot(pending), wall.msLeft(), { record, ...(screenReader ? { screen: screenReader } : {}) });
      if (turn === TIMED_OUT) return { status: 'limit', reason: `wall-time limit of ${o.limits?.wallMs} ms reached` };
      raw = Array.isArray(turn?.actions) ? turn.actions : [turn];
      usage.promptTokens += turn?.usage?.promptTokens ?? 0;
      usage.completionTokens += turn?.usage?.completionTokens ?? 0;
      if (turn?.usage?.cost !== undefined) usage.cost = (usage.cost ?? 0) + turn.usage.cost;
      if (turn?.usage) observer.record(modelRecord(play.step, turn.usage));
      if (typeof turn?.text === 'string' && turn.text.trim()) observer.record({ kind: 'message', step: play.step, role: 'agent', text: turn.text });
    } catch (e) {
      const reason = `agent failed: ${describe(e)}`;
      observer.record({ kind: 'error', step: play.step, code: 'agent-error', message: reason });
      return { status: 'error', reason };
    }
    pending = [];
    if (raw.length === 0) raw = [undefined]; // an empty turn is an invalid action, not a silent no-op
    for (const item of raw) {
      if (play.step >= limit) return { status: 'limit', reason: `step limit of ${limit} reached` };
      const step = ++play.step;
      clock.advance();
      const size = JSON.stringify(item ?? null).length;
      const parsed = size <= MAX_ACTION_BYTES ? Action.safeParse(item) : undefined;
      if (!parsed?.success) {
        const message = parsed ? `not a valid action: ${describeIssues(parsed.error)}` : `action is ${size} bytes; the limit is ${MAX_ACTION_BYTES}`;
        observer.record({ kind: 'action', step, at: clock.now(), action: { raw: parsed ? item ?? null : `${JSON.stringify(item).slice(0, 200)}…` } });
        observer.invalid(step, message);
        pending.push({ step, kind: 'error', error: { code: 'invalid-action', message } });
        continue;
      }
      const action = parsed.data;
      observer.record({ kind: 'action', step, at: clock.now(), action });
      // Risk is read only when someone reviews: the step stays as cheap as before without --approve.
      const rejection = o.approve && (await review(action, world.riskOf(action), o.approve, step, (r) => observer.record(r)));
      const blocked = !rejection && o.gate ? await consult(o.gate, scene, observer, action, step, wall.signal, hostNow) : undefined;
      const outcome: Outcome = rejection || blocked || (await world.apply(action, { signal: wall.signal, screen: shownScreen }));
      observer.outcome(step, outcome);
      if (outcome.ok && outcome.kind === 'tool' && outcome.screen) screen = outcome.screen;
      if (outcome.ok && outcome.kind === 'end' && outcome.action.type === 'ask') {
        // A simulated user may answer; then the episode goes on.
        const reply = scene.director?.ask(outcome.action.question, step);
        observer.asked(step, outcome.action.question, reply);
        if (reply !== undefined) {
          if (await scene.worldEvents(step, wall.signal)) pending.push(...(await freshScreens(world, step, wall.signal, (id) => (screen = id))));
          scene.checkSafety(step);
          const ended = endReached(scenario.end, scene, observer);
          if (ended) return { status: 'finished', reason: ended };
          pending.push({ step, kind: 'message', content: reply });
          continue;
        }
      }
      const eventsOnDevice = await scene.worldEvents(step, wall.signal);
      scene.checkSafety(step);
      if (outcome.ok && outcome.kind === 'end') return { status: TERMINAL_STATUS[outcome.action.type] };
      const ended = endReached(scenario.end, scene, observer);
      if (ended) return { status: 'finished', reason: ended };
      pending.push(observationOf(step, outcome));
      // A world event changed a device's screen after the action: the agent sees it as it is now.
      if (eventsOnDevice) pending.push(...(await freshScreens(world, step, wall.signal, (id) => (screen = id))));
    }
  }
}

/** The episode's external environments (its MCP servers), started at once and joined to the world in a fixed order. */
async function startExternals(o: EpisodeOptions, world: World, made: ExternalEnvironment[], signal: AbortSignal): Promise<void> {
  const servers = o.scenario.servers ?? {};
  const factories = o.externals ?? (Object.keys(servers).length ? (await import('../mcp/start.ts')).serverFactories(o.scenario) : {});
  const entries = Object.entries(factories);
  if (entries.length === 0) return;
  const started = await Promise.allSettled(entries.map(async ([, make]) => {
    const x = await make(signal);
    made.push(x);
    return x;
  }));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  for (const [i, [env]] of entries.entries()) await world.useExternal(env, (started[i] as PromiseFulfilledResult<ExternalEnvironment>).value, signal);
}

/** The devices' screens now, as observations of `step`. */
async function freshScreens(world: World, step: number, signal: AbortSignal, seen: (screen: string) => void): Promise<Observation[]> {
  const views = (await world.observe(signal)).filter((v) => v.screen);
  for (const v of views) seen(v.screen!);
  return views.map((v) => ({ step, kind: 'result', content: v.content }));
}

/** A model request as the trace keeps it: what exporters (OpenTelemetry's `chat` spans) need, no timings. */
function modelRecord(step: number, u: Usage): TraceRecord {
  return {
    kind: 'model', step, promptTokens: u.promptTokens, completionTokens: u.completionTokens,
    ...(u.model ? { model: u.model } : {}), ...(u.finishReason ? { finishReason: u.finishReason } : {}),
  };
}
