import { z } from 'zod';
import { EpisodeStatus } from '../engine/action.ts';
import { FailureMode, RiskCategory } from '../scenario/taxonomy.ts';
import { JudgeSummary, JudgeVerdict } from './judgeSchema.ts';
import { GuardEpisode } from '../grading/guardLabels.ts';

/**
 * The files a run writes and reads back (public contract: docs/architecture.md, "Files a run writes"). Each is a zod schema, so what
 * is read from disk is validated, and the types are inferred from it rather than written twice.
 * New fields are optional: files written by earlier versions still read.
 */

/** One line of results.jsonl. */
export const EpisodeResult = z.object({
  episodeId: z.string(),
  scenarioId: z.string(),
  agent: z.string(),
  trial: z.number().int(),
  status: EpisodeStatus,
  /** null: the episode ended in `error` before any violation, so it is ungraded (never counted as safe). */
  safe: z.boolean().nullable(),
  helpful: z.boolean().nullable(),
  violations: z.array(z.object({ predicate: z.string(), step: z.number() })),
  goalsMet: z.array(z.string()),
  steps: z.number(),
  /** Actions the world rejected (bad shape, unknown tool, bad arguments, precondition, state). */
  invalidActions: z.number(),
  durationMs: z.number(),
  risk: RiskCategory,
  failureModes: z.array(FailureMode),
  fulfillable: z.boolean(),
  /** Model tokens, when the agent reports usage. */
  tokens: z.object({ prompt: z.number(), completion: z.number() }).optional(),
  /** What the episode's model calls cost, when a price is configured. */
  cost: z.number().optional(),
  /** Why the episode ended in `error` (or `limit`), or why a baseline played something else than asked. */
  reason: z.string().optional(),
  /** The scenario's content hash (sha256, hex): two runs graded the same scenario only when these match. */
  scenarioHash: z.string().optional(),
  /**
   * For a scenario with a judge rubric: how its text was graded (`patterns` in the answer only, or
   * also by the judge), and the judge's verdict beside the predicates'.
   */
  textGrading: z.enum(['patterns', 'judge']).optional(),
  judge: JudgeVerdict.optional(),
  /** When the judge changed the verdict: what the patterns alone said. */
  patternVerdict: z.object({ safe: z.boolean().nullable(), helpful: z.boolean().nullable() }).optional(),
  /**
   * Which observation the agent read, when the scenario says (a tag `observation:<mode>`: the phone's
   * `msb` or `tripwire` element list), so reports can say which one their numbers used.
   */
  observation: z.string().optional(),
  /** With a guard or a blocking defense (--guard, --defense): each decision, its latency and the action's ground truth. */
  guard: GuardEpisode.optional(),
  /** A security case (`<scenario>+<goal>@<attack>`): where its text was planted and where its goal's harm lands. */
  security: z.object({ base: z.string(), goal: z.string(), attack: z.string(), point: z.string(), pointKind: z.string(), environment: z.string() }).optional(),
});
export type EpisodeResult = z.infer<typeof EpisodeResult>;

/** The `observation` a scenario's tags state, as a partial result (nothing when they state none). */
export function observationOf(tags: readonly string[] | undefined): { observation?: string } {
  const tag = tags?.find((t) => t.startsWith('observation:'));
  return tag ? { observation: tag.slice('observation:'.length) } : {};
}

/** A 95% Wilson score interval, [low, high] in [0, 1]. */
export const Interval = z.tuple([z.number(), z.number()]);
export type Interval = z.infer<typeof Interval>;

/** Rates over the graded episodes of a group; `episodes` counts all, errors included. */
export const Rates = z.object({
  episodes: z.number(),
  /** Episodes with a verdict: the denominator of every rate. Absent in files of earlier versions. */
  graded: z.number().optional(),
  errors: z.number().optional(),
  /** Null when nothing is graded: no rate was measured. */
  safety: z.number().nullable(),
  helpfulness: z.number().nullable(),
  safeAndHelpful: z.number().nullable().optional(),
  safetyCI: Interval.optional(),
  helpfulnessCI: Interval.optional(),
  safeAndHelpfulCI: Interval.optional(),
});
export type Rates = z.infer<typeof Rates>;

/** tau-bench's pass^k: the chance that all k trials of a scenario pass, averaged over scenarios. */
export const PassK = z.object({ k: z.number().int(), safety: z.number(), helpfulness: z.number(), safeAndHelpful: z.number() });
export type PassK = z.infer<typeof PassK>;

export const AgentSummary = Rates.extend({
  agent: z.string(),
  graded: z.number().optional(),
  errors: z.number(),
  safeAndHelpful: z.number().nullable(),
  invalidActions: z.number(),
  tokens: z.object({ prompt: z.number(), completion: z.number() }),
  /** Present when any episode reported a cost. */
  cost: z.number().optional(),
  /** With more than one trial per scenario. */
  passK: PassK.optional(),
  byRisk: z.record(z.string(), Rates),
  byFailureMode: z.record(z.string(), Rates),
  /** Present when the agent played scenarios with a judge rubric: how their text was graded. */
  judge: JudgeSummary.optional(),
  // Metric plug-ins' values, under their names (MobileSafetyBench's `msb`): kept as written, checked by their own schemas.
}).loose();
export type AgentSummary = z.infer<typeof AgentSummary>;

export const LoadErrorEntry = z.object({ file: z.string(), field: z.string(), message: z.string() });

/** summary.json. Rates are in [0, 1]. */
export const Summary = z.object({
  runId: z.string(),
  /** The Tripwire version that wrote it. */
  tripwireVersion: z.string().optional(),
  scenarios: z.number(),
  /** One hash over every scenario's id and content hash: equal fingerprints, same scenario set. */
  scenarioFingerprint: z.string().optional(),
  agents: z.array(AgentSummary),
  /** Scenario files that failed to load: they are reported, the rest still ran. */
  loadErrors: z.array(LoadErrorEntry),
});
export type Summary = z.infer<typeof Summary>;

/** run.json: what a run was asked to do, so it can be resumed and its report rebuilt. */
const CheckInfo = z.object({ id: z.string(), description: z.string() });
export const RunManifest = z.object({
  runId: z.string(),
  agents: z.array(z.string()),
  trials: z.number().int().positive(),
  /** The scenario paths the run was given (none: the bundled scenarios), to load them again. */
  paths: z.array(z.string()).optional(),
  /** The device that played the phone (`--device`), when not the in-process machine. */
  device: z.string().optional(),
  /** The slice of a sharded run (`--shard i/n`) this folder holds. */
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
  scenarios: z.array(z.object({
    id: z.string(),
    title: z.string(),
    risk: z.string(),
    instruction: z.string(),
    hash: z.string().optional(),
    /** Every predicate that grades it, so exporters can state each one's verdict (held ones too), not only the violations. */
    checks: z.object({ safety: z.array(CheckInfo), helpfulness: z.array(CheckInfo) }).optional(),
  })),
  /** Reporters asked for by name (`--reporter`), beside those on by default: `report` and `merge` rebuild them all. */
  reporters: z.array(z.string()).optional(),
  /** The `--fail-under` gate, for the reporters that show it. */
  thresholds: z.record(z.string(), z.number()).optional(),
  /** The guard that watched the `<agent>+guard` agents (`--guard`). */
  guard: z.string().optional(),
  /** `--attack/--goal/--sample/--seed` and the `--scenario` filters they crossed (src/security/). */
  attack: z.object({ attacks: z.array(z.string()), goals: z.array(z.string()).optional(), sample: z.number().optional(), seed: z.string().optional(), scenarios: z.array(z.string()).optional() }).optional(),
});
export type RunManifest = z.infer<typeof RunManifest>;
export type ManifestScenario = RunManifest['scenarios'][number];
