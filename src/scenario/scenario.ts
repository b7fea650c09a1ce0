import { z } from 'zod';
import type { AnyStateMachine } from 'xstate';
import { Action } from '../engine/action.ts';
import { UserScript, WorldEvent } from '../engine/director.ts';
import { Check } from '../grading/predicate.ts';
import { FailureMode, RiskCategory } from './taxonomy.ts';
import { McpServer } from './servers.ts';
import { History } from './history.ts';

export const Scenario = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  title: z.string().min(1),
  description: z.string().optional(),
  risk: RiskCategory,
  failureModes: z.array(FailureMode).default([]),
  /** false: no safe way to do what is asked; refusing or asking is the helpful end. */
  fulfillable: z.boolean(),
  persona: z.enum(['benign', 'malicious']).default('benign'),
  /**
   * The id of this scenario's twin: for a hazardous scenario, its benign twin (same or similar
   * task, no hazard: measures over-refusal); for a benign twin, the hazardous one.
   */
  twin: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes').optional(),
  /**
   * Security testing: the injection points its security cases may plant text in (`email:inbox[1].body`,
   * as `tripwire list --attack` shows them). Default: the untrusted fields its reference safe trajectory reads.
   */
  points: z.array(z.string().min(1)).min(1).optional(),
  /** Free labels, e.g. `injection` (untrusted content carries instructions), `cross-environment`. */
  tags: z.array(z.string()).default([]),
  /** Phone scenarios: the phones it runs on; `emulator` when every app it seeds exists on a stock Android image. */
  devices: z.array(z.enum(['virtual', 'emulator'])).default(['virtual']),
  /** Why a phone scenario does not run on an emulator (its app does not exist on a stock image). */
  notPortable: z.string().optional(),
  instruction: z.string().min(1),
  /**
   * A conversation that followed the instruction, which the agent continues (history.ts): user and
   * assistant messages, the assistant's tool calls with their arguments and what the tools returned.
   * Absent: the agent starts from the instruction alone (and the scenario's hash is as before).
   */
  history: History.optional(),
  /** Seed data per environment id; each is validated by that environment's own seed schema (`{}` when every environment is a server). */
  environments: z.record(z.string(), z.unknown()),
  /** MCP servers as environments, by environment id (servers.ts): external worlds Tripwire proxies and grades. Absent: none (and not in the scenario's hash). */
  servers: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'), McpServer).optional(),
  safety: z.array(Check).default([]),
  helpfulness: z.array(Check).min(1),
  /**
   * Ends the episode after the first step at which one of these holds (status `finished`, the
   * predicate named in the reason), as a benchmark's loop stops at its first outcome (src/engine/scenarioEnd.ts).
   */
  end: z.array(Check).optional(),
  /**
   * What the instruction literally asks for, whether or not it is safe: the model checker shows
   * that no path reaches it without a violation (unfulfillable scenarios), and the `reckless`
   * baseline heads for it. Defaults to the helpfulness predicates of a fulfillable scenario.
   */
  goal: z.array(Check).min(1).optional(),
  /**
   * For harm that is in the agent's own words: a rubric for an optional judge model, run after the
   * episode (tripwire run --judge). It decides the verdicts of the predicates that read text; the
   * patterns' verdict is recorded beside it (src/run/textVerdict.ts).
   */
  judge: z
    .object({
      rubric: z.string().min(1).optional(),
      /**
       * A benchmark's own judging prompt (tripwire import asb writes Agent-SafetyBench's): sent
       * alone as the judge's message, `{transcript}` replaced by the whole episode as a tagged
       * dialogue (src/run/judgeTranscript.ts); the judge answers `[Answer] safe|unsafe` and decides
       * the episode's safety. Without a judge, or when it fails, the episode is ungraded.
       */
      prompt: z.string().includes('{transcript}', { message: 'needs the {transcript} placeholder' }).optional(),
      /** The tools' descriptions as the prompt's tool-call lines give them (by tool name). */
      tools: z.record(z.string(), z.string()).optional(),
    })
    .refine((j) => j.rubric !== undefined || j.prompt !== undefined, 'needs a rubric or a prompt')
    .optional(),
  limits: z.object({ steps: z.number().int().positive().default(15) }).prefault({}),
  /** A simulated user: answers the agent's questions (`ask`) as scripted; without one, asking ends the episode. */
  user: UserScript.optional(),
  /** World events: sent to an environment's machine after a given step (a new email arrives). */
  events: z.array(WorldEvent).default([]),
  /** TS scenarios: the scenario's own machine for user and events (see director.ts); replaces `user` and `events`. */
  director: z.custom<AnyStateMachine>((v) => typeof v === 'object' && v !== null && 'transition' in v && 'root' in v, 'an XState machine').optional(),
  /** Model checker settings (`tripwire check`). */
  check: z
    .object({
      /** Extra candidate values per argument name, beside those found in the seed and instruction. */
      values: z.record(z.string(), z.array(z.unknown())).optional(),
      /** How many distinct states to explore at most (default 2000). */
      maxStates: z.number().int().positive().optional(),
    })
    .optional(),
  /** The world clock's start; every step advances it by a minute. */
  start: z.iso.datetime().default('2026-01-05T09:00:00Z'),
  /** Hand-written trajectories: regression fixtures and the reference:* baselines. */
  reference: z.object({
    safe: z.array(Action),
    /** Absent when the scenario has no hazard (a benign twin). */
    unsafe: z.array(Action).optional(),
  }),
}).superRefine((s, ctx) => {
  if (Object.keys(s.environments).length + Object.keys(s.servers ?? {}).length === 0) ctx.addIssue({ code: 'custom', path: ['environments'], message: 'needs at least one environment' });
  for (const id of Object.keys(s.servers ?? {})) if (id in s.environments) ctx.addIssue({ code: 'custom', path: ['servers', id], message: `"${id}" is also one of environments: an environment id names one world` });
});

export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** Typed helper for scenarios written as TS modules; the loader validates them like any file. */
export function defineScenario(scenario: ScenarioInput): ScenarioInput {
  return scenario;
}

/** A scenario has a hazard when it has safety predicates and an unsafe trajectory to trip them. */
export function hasHazard(s: Scenario): boolean {
  return s.safety.length > 0 && s.reference.unsafe !== undefined;
}

/** A scenario with external environments (MCP servers): nothing to explore, checked by its reference trajectories. */
export function hasServers(s: Scenario): boolean {
  return Object.keys(s.servers ?? {}).length > 0;
}
