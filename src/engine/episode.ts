import { Action, TERMINAL_STATUS, type EpisodeStatus } from './action.ts';
import type { Agent, Observation, Usage } from '../agent/agent.ts';
import { actWithin, review, TIMED_OUT, type Approver } from './turn.ts';
import type { StateValue } from 'xstate';
import { createClock } from './clock.ts';
import { directorFor } from './director.ts';
import type { Environment } from './environment.ts';
import { Observer, type TraceListener } from '../grading/observer.ts';
import type { EpisodeResult } from '../run/result.ts';
import type { Scenario } from '../scenario/scenario.ts';
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
  return e instanceof Error ? e.message : String(e);
}

/** Plays one agent on one scenario: observation -> agent -> action -> World.apply -> observer. */
export async function runEpisode(o: EpisodeOptions): Promise<EpisodeResult> {
  const hostNow = o.hostNow ?? (() => performance.now());
  const started = hostNow();
  const { scenario } = o;
  const limit = scenario.limits.steps;
  const observer = new Observer(scenario.safety, scenario.helpfulness, o.sink ?? nullSink);
  if (o.listener) observer.subscribe(o.listener);
  const clock = createClock(scenario.start);
  const usage: Usage = { promptTokens: 0, completionTokens: 0 };

  let step = 0;
  let status: EpisodeStatus | undefined;
  let reason: string | undefined;
  let world: World | undefined;
  const director = directorFor(scenario);
  try {
    world = new World(o.environments, scenario.environments, clock);
    const tools = world.toolSpecs();
    observer.record({
      kind: 'episode', episodeId: o.episodeId, scenarioId: scenario.id, agent: o.agentName, trial: o.trial,
      instruction: scenario.instruction, tools: tools.map((t) => t.name), limits: { steps: limit },
    });
    // The state predicates see: the environments', and the scenario machine's as `scenario`.
    const facts = () => ({
      state: { ...world!.state(), ...(director ? { scenario: director.snapshot.context } : {}) },
      machines: { ...world!.machineStates(), ...(director ? { scenario: { value: director.snapshot.value, tags: [...(director.snapshot.tags ?? [])] } } : {}) },
    });
    const worldEvents = (after: number) => {
      for (const e of director?.afterStep(after) ?? []) observer.event(after, e.env, e.event, world!.inject(e.env, e.event));
    };
    worldEvents(0);
    const views = world.views();
    await o.agent.start?.({ scenarioId: scenario.id, trial: o.trial, instruction: scenario.instruction, tools, limits: { steps: limit }, device: views.length > 0 });

    // A device's screen is in view from the start: step 0's observations.
    let pending: Observation[] = views.map((v) => ({ step: 0, kind: 'result', content: v.content }));
    const shoot = async (obs: Observation[]): Promise<Observation[]> => {
      if (!o.agent.screenshots || obs.length === 0) return obs;
      const shots = Object.values(await world!.screenshots());
      if (shots.length === 0) return obs;
      const last = obs.length - 1; // the screen now: after the turn's last action
      return obs.map((x, i) => (i === last ? { ...x, image: `data:image/png;base64,${shots[0]!.toString('base64')}` } : x));
    };
    const wallMs = o.limits?.wallMs;
    turns: while (status === undefined) {
      const tokens = usage.promptTokens + usage.completionTokens;
      if (o.limits?.tokens !== undefined && tokens >= o.limits.tokens) {
        status = 'limit';
        reason = `token limit of ${o.limits.tokens} reached (${tokens} used)`;
        break;
      }
      await o.control?.beforeTurn(step);
      let raw: unknown[];
      try {
        const turn = await actWithin(o.agent, await shoot(pending), wallMs === undefined ? undefined : wallMs - (hostNow() - started));
        if (turn === TIMED_OUT) {
          status = 'limit';
          reason = `wall-time limit of ${wallMs} ms reached`;
          break;
        }
        raw = Array.isArray(turn?.actions) ? turn.actions : [turn];
        usage.promptTokens += turn?.usage?.promptTokens ?? 0;
        usage.completionTokens += turn?.usage?.completionTokens ?? 0;
        if (turn?.usage?.cost !== undefined) usage.cost = (usage.cost ?? 0) + turn.usage.cost;
        if (typeof turn?.text === 'string' && turn.text.trim()) observer.record({ kind: 'message', step, role: 'agent', text: turn.text });
      } catch (e) {
        status = 'error';
        reason = `agent failed: ${describe(e)}`;
        observer.record({ kind: 'error', step, code: 'agent-error', message: reason });
        break;
      }
      pending = [];
      if (raw.length === 0) raw = [undefined]; // an empty turn is an invalid action, not a silent no-op
      for (const item of raw) {
        if (step >= limit) {
          status = 'limit';
          reason = `step limit of ${limit} reached`;
          break turns;
        }
        step++;
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
        const outcome: Outcome = rejection ?? (await world.apply(action));
        observer.outcome(step, outcome);
        if (outcome.ok && outcome.kind === 'end' && outcome.action.type === 'ask') {
          // A simulated user may answer; then the episode goes on.
          const reply = director?.ask(outcome.action.question, step);
          observer.asked(step, outcome.action.question, reply);
          if (reply !== undefined) {
            worldEvents(step);
            const after = facts();
            observer.checkSafety(step, after.state, undefined, after.machines);
            pending.push({ step, kind: 'message', content: reply });
            continue;
          }
        }
        worldEvents(step);
        const now = facts();
        observer.checkSafety(step, now.state, undefined, now.machines);
        if (outcome.ok && outcome.kind === 'end') {
          status = TERMINAL_STATUS[outcome.action.type];
          break turns;
        }
        pending.push(observationOf(step, outcome));
      }
    }
  } catch (e) {
    // A fault of ours or of an environment, not of the agent: the episode is reported as an error.
    status = 'error';
    reason = describe(e);
    observer.record({ kind: 'error', step, code: 'internal-error', message: `episode failed: ${reason}` });
  }
  const scenarioMachine: Record<string, { value: StateValue; tags: string[] }> = director ? { scenario: { value: director.snapshot.value, tags: [...(director.snapshot.tags ?? [])] } } : {};
  const final = { ...(world?.state() ?? {}), ...(director ? { scenario: director.snapshot.context } : {}) };
  const verdict = observer.end(step, status ?? 'error', final, reason, { ...(world?.machineStates() ?? {}), ...scenarioMachine });
  await Promise.resolve(o.agent.stop?.()).catch(() => {});
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
    steps: step,
    invalidActions: observer.invalidActions,
    durationMs: Math.round((hostNow() - started) * 100) / 100,
    risk: scenario.risk,
    failureModes: scenario.failureModes,
    fulfillable: scenario.fulfillable,
    ...(usage.promptTokens + usage.completionTokens > 0 ? { tokens: { prompt: usage.promptTokens, completion: usage.completionTokens } } : {}),
    ...(usage.cost !== undefined ? { cost: Math.round(usage.cost * 1e6) / 1e6 } : {}),
    ...(reason ? { reason } : {}),
  };
}
