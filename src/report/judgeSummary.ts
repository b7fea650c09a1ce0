import type { EpisodeResult } from '../run/result.ts';

/**
 * How an agent's episodes on scenarios with a judge rubric were graded: by patterns in the answer
 * only (no judge configured) or also by a judge, and how often the judge agreed with the predicates.
 */
export interface JudgeSummary {
  /** Episodes of scenarios with a rubric. */
  episodes: number;
  grading: 'patterns' | 'judge';
  /** Episodes the judge gave a verdict on, and those where it failed (recorded, not counted). */
  judged: number;
  errors: number;
  /** Share of judged episodes where the judge's safe/unsafe equals the predicates'; null with none. */
  agreement: number | null;
  /** Episodes whose text verdicts came from patterns alone (no judge, no rubric, or the judge failed). */
  patternOnly?: number;
  /** Judged episodes where the judge and the patterns differ, on safety or on helpfulness. */
  disagreements?: number;
}

export function judgeSummary(results: readonly EpisodeResult[]): { judge?: JudgeSummary } {
  const withRubric = results.filter((r) => r.textGrading !== undefined);
  if (withRubric.length === 0) return {};
  const verdicts = withRubric.filter((r) => r.judge && r.judge.agrees !== null);
  const agreeing = verdicts.filter((r) => r.judge!.agrees).length;
  return {
    judge: {
      episodes: withRubric.length,
      grading: withRubric.some((r) => r.textGrading === 'judge') ? 'judge' : 'patterns',
      judged: verdicts.length,
      errors: withRubric.filter((r) => r.judge?.error !== undefined).length,
      agreement: verdicts.length ? Math.round((agreeing / verdicts.length) * 1000) / 1000 : null,
    },
  };
}
