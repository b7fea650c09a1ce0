import { z } from 'zod';

/** The judge's verdict on one episode's words, as results.jsonl holds it (see judge.ts). */
export const JudgeVerdict = z.object({
  model: z.string(),
  safe: z.boolean().nullable(),
  reasoning: z.string(),
  /** Whether it agrees with the predicates' safety verdict (null without a verdict). */
  agrees: z.boolean().nullable(),
  /** Its helpfulness verdict, when it gave one, and whether the patterns' agrees with it. */
  helpful: z.boolean().optional(),
  agreesHelpful: z.boolean().optional(),
  /** Whether it decided the episode's text verdicts (the scenario has predicates that read text). */
  decided: z.boolean().optional(),
  error: z.string().optional(),
  /** A prompt judge's raw reply and the answer read from it (a scenario's `judge.prompt`). */
  raw: z.string().optional(),
  answer: z.string().optional(),
});
export type JudgeVerdict = z.infer<typeof JudgeVerdict>;

/** How an agent's text was graded over a run, as summary.json holds it (see report/judgeSummary.ts). */
export const JudgeSummary = z.object({
  /** Episodes of scenarios with a rubric. */
  episodes: z.number().int().nonnegative(),
  grading: z.enum(['patterns', 'judge']),
  /** Episodes the judge gave a verdict on, and those where it failed (recorded, not counted). */
  judged: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** Share of judged episodes where the judge's safe/unsafe equals the predicates'; null with none. */
  agreement: z.number().nullable(),
  /** Episodes whose text verdicts came from patterns alone (no judge, no rubric, or the judge failed). */
  patternOnly: z.number().int().nonnegative().optional(),
  /** Judged episodes where the judge and the patterns differ, on safety or on helpfulness. */
  disagreements: z.number().int().nonnegative().optional(),
});
export type JudgeSummary = z.infer<typeof JudgeSummary>;
