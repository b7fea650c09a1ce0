import type { Action } from '../engine/action.ts';
import { createClock } from '../engine/clock.ts';
import { runEpisode, type EpisodeOptions } from '../engine/episode.ts';
import type { Environment, Tool } from '../engine/environment.ts';
import { World } from '../engine/world.ts';
import { playback, selects, type ElementSelector } from '../agent/playback.ts';
import type { Element } from '../engine/device.ts';
import type { EpisodeResult } from '../run/result.ts';
import { hasServers, type Scenario } from '../scenario/scenario.ts';
import { judgedOutside } from './witness.ts';
import { applies, type MutationContext, type MutationKind, type MutationOperator, type Variant } from './mutation.ts';

/**
 * How one variant fared. `killed`: the grader kept its verdict (an unsafe variant was flagged, a
 * safe one stayed safe and helpful). `missed`: it did not, and `predicates` names the predicates
 * that missed. `rejected`: the world refused one of its actions (or it ended in error), so it
 * shows nothing about the grader and counts for neither side.
 */
export interface MutationOutcome {
  operator: string;
  kind: MutationKind;
  label: string;
  status: 'killed' | 'missed' | 'rejected';
  /** For a miss: the safety predicates that should have caught it, or what failed a safe variant. */
  predicates: string[];
  /** For a miss or a rejection: what the grader (or the world) said. */
  detail?: string;
  actions: Action[];
}

export interface MutationReport {
  scenarioId: string;
  /** Whether the scenario has a hazard (safety predicates and a reference.unsafe): its unsafe path should have variants. */
  hazard: boolean;
  outcomes: MutationOutcome[];
  /** Operators that threw: a bug in the operator, said rather than hidden. */
  errors: string[];
}

export interface MutationOptions {
  /** At most this many variants per operator and trajectory (the first ones it gives). */
  maxVariants?: number;
}

export const DEFAULT_MAX_VARIANTS = 4;

function toolsOf(environments: Environment[]): Map<string, Tool> {
  const byName = new Map<string, Tool>();
  for (const env of environments) for (const t of [...env.tools, ...(env.optionalTools ?? [])]) byName.set(t.name, t);
  return byName;
}

/** The argument names of a zod object schema (through a default or a pipe), else none. */
function schemaKeys(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown } } | undefined;
  for (let depth = 0; s && depth < 4; depth++) {
    if (s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
    s = (s.def?.in ?? s.def?.innerType) as typeof s;
  }
  return [];
}

/** A screen action's element selector resolved against what the world shows now, as a scripted agent would. */
function resolved(a: Action, world: World): Action {
  const sel = a.type === 'tool' ? (a.args as { index?: unknown } | undefined)?.index : undefined;
  if (a.type !== 'tool' || typeof sel !== 'object' || sel === null) return a;
  const elements = world.views().flatMap((v) => (v.content as { elements?: Element[] } | undefined)?.elements ?? []);
  const s = sel as ElementSelector;
  const hit = elements.filter((e) => selects(s, e))[s.nth ?? 0];
  return hit ? { ...a, args: { ...(a.args as object), index: hit.numeric_tag } } : a;
}

function contextFor(scenario: Scenario, environments: Environment[], kind: MutationKind, harmful: number[]): MutationContext {
  const tools = toolsOf(environments);
  return {
    scenario,
    kind,
    harmful,
    tool: (name) => tools.get(name),
    fields: (name) => schemaKeys(tools.get(name)?.parameters),
    stateAfter: (actions) => {
      const world = new World(environments, scenario.environments, createClock(scenario.start));
      for (const a of actions) if (a.type === 'tool') world.applySync(resolved(a, world));
      return world.state();
    },
  };
}

async function play(scenario: Scenario, environments: Environment[], actions: readonly Action[], extra: Pick<EpisodeOptions, 'externals' | 'listener'> = {}): Promise<EpisodeResult> {
  // A variant may take more steps than the original (a split, a copy): the step limit is not what is tested.
  const graded = actions.length + 1 > scenario.limits.steps ? { ...scenario, limits: { ...scenario.limits, steps: actions.length + 1 } } : scenario;
  return runEpisode({ episodeId: 'mutation', scenario: graded, environments, agentName: 'mutation', agent: playback(actions), trial: 1, ...extra });
}

const unmet = (scenario: Scenario, r: EpisodeResult) => scenario.helpfulness.filter((c) => !r.goalsMet.includes(c.id)).map((c) => c.id);

function judge(scenario: Scenario, kind: MutationKind, original: EpisodeResult, r: EpisodeResult, base: Omit<MutationOutcome, 'status' | 'predicates'>): MutationOutcome {
  if (r.safe === null || r.status === 'error') return { ...base, status: 'rejected', predicates: [], detail: `ended in error: ${r.reason ?? 'no reason given'}` };
  if (r.invalidActions > original.invalidActions) return { ...base, status: 'rejected', predicates: [], detail: `${r.invalidActions - original.invalidActions} action(s) rejected by the world` };
  if (kind === 'unsafe') {
    if (r.safe === false) return { ...base, status: 'killed', predicates: [] };
    const should = [...new Set(original.violations.map((v) => v.predicate))];
    return { ...base, status: 'missed', predicates: should, detail: `graded safe; the original violates ${should.join(', ')}` };
  }
  if (r.safe === true && r.helpful === true) return { ...base, status: 'killed', predicates: [] };
  const violated = [...new Set(r.violations.map((v) => v.predicate))];
  const missing = r.helpful === false ? unmet(scenario, r) : [];
  const detail = [violated.length ? `violates ${violated.join(', ')}` : '', missing.length ? `ends ${r.status} without ${missing.join(', ')}` : ''].filter(Boolean).join('; ');
  return { ...base, status: 'missed', predicates: [...violated, ...missing], detail };
}

/**
 * Plays every variant the operators make of a scenario's reference trajectories and grades it
 * with the scenario's own predicates. A trajectory whose original play does not hold (an unsafe
 * one graded safe, a safe one unsafe or unhelpful) is not mutated: the reference check reports it.
 */
export async function checkMutations(scenario: Scenario, environments: Environment[], operators: readonly MutationOperator[], options: MutationOptions = {}): Promise<MutationReport> {
  const max = options.maxVariants ?? DEFAULT_MAX_VARIANTS;
  const envIds = Object.keys(scenario.environments);
  const report: MutationReport = { scenarioId: scenario.id, hazard: scenario.safety.length > 0 && !!scenario.reference.unsafe, outcomes: [], errors: [] };
  // A judge decides its safety and its helpfulness is how it ended: no predicate of the world for a variant to test (witness.ts says so in its report).
  if (judgedOutside(scenario) && scenario.safety.length === 0) return report;
  // A server's world cannot be replayed from a seed: its original play records the states operators read (src/mcp/mutationContext.ts).
  const servers = hasServers(scenario) ? await import('../mcp/mutationContext.ts') : undefined;
  const trajectories: [MutationKind, readonly Action[] | undefined][] = [['unsafe', scenario.safety.length ? scenario.reference.unsafe : undefined], ['safe', scenario.reference.safe]];
  const mutate = async ([kind, trajectory]: (typeof trajectories)[number]): Promise<MutationOutcome[]> => {
    const ops = operators.filter((op) => applies(op, kind, envIds));
    if (!trajectory || ops.length === 0) return [];
    const recorder = servers?.serverRecorder(scenario);
    const original = await play(scenario, environments, trajectory, recorder?.options);
    const holds = kind === 'unsafe' ? original.safe === false : original.safe === true && original.helpful === true;
    if (!holds) return [];
    const harmful = kind === 'unsafe' ? [...new Set(original.violations.map((v) => v.step - 1))].filter((i) => i >= 0 && i < trajectory.length) : [];
    const ctx = recorder ? recorder.context(scenario, kind, harmful, trajectory) : contextFor(scenario, environments, kind, harmful);
    const seen = new Set([JSON.stringify(trajectory)]);
    const planned: { op: string; v: Variant }[] = [];
    for (const op of ops) {
      let variants: Variant[];
      try {
        variants = op.variants(trajectory, ctx);
      } catch (e) {
        report.errors.push(`operator ${op.name} failed on reference.${kind}: ${(e as Error).message}`);
        continue;
      }
      let taken = 0;
      for (const v of variants) {
        const key = JSON.stringify(v.actions);
        if (taken >= max || seen.has(key)) continue;
        seen.add(key);
        taken++;
        planned.push({ op: op.name, v });
      }
    }
    // A server's episode mostly waits (a process to start, calls over a pipe): several at once, each on its own fresh server.
    const results = await inParallel(planned, servers ? SERVER_PLAYS : 1, ({ v }) => play(scenario, environments, v.actions));
    return planned.map(({ op, v }, i) => judge(scenario, kind, original, results[i]!, { operator: op, kind, label: v.label, actions: v.actions }));
  };
  // Both trajectories of a server's scenario at once too; their outcomes still in a fixed order.
  const outcomes = servers ? await Promise.all(trajectories.map(mutate)) : await inParallel(trajectories, 1, mutate);
  report.outcomes.push(...outcomes.flat());
  return report;
}

/** Variants of a scenario on MCP servers played at once. */
const SERVER_PLAYS = 4;

/** `f` over `items`, at most `limit` at a time, results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
