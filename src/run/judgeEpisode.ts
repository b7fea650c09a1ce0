import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTrace } from '../report/files.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { TripwireConfig } from './config.ts';
import { createJudge, type Judge } from './judge.ts';
import type { EpisodeResult } from './result.ts';
import type { Secrets } from './secrets.ts';

export { createJudge };

/** Judge responses are cached beside the agents' when the run caches (a `judge` subfolder). */
export function judgeCache(config: TripwireConfig): string | undefined {
  if (config.cache === undefined || config.cache === false) return undefined;
  return join(config.cache === true ? '.tripwire-cache' : config.cache, 'judge');
}

/**
 * After an episode of a scenario with a rubric: says how its text was graded and, with a judge,
 * appends the judge's verdict to the trace (after `end`) and to the result. An ungraded episode
 * (an error) is not judged: there is no predicate verdict to compare with.
 */
export async function judgeEpisode(judge: Judge | undefined, scenario: Scenario, result: EpisodeResult, traceFile: string, secrets: Secrets): Promise<void> {
  result.textGrading = judge ? 'judge' : 'patterns';
  if (!judge || result.status === 'error') return;
  const verdict = await judge.judge(scenario, readTrace(traceFile), result.safe);
  appendFileSync(traceFile, `${secrets.redact(JSON.stringify({ v: 1, ...secrets.redactValue({ kind: 'judge', step: result.steps, ...verdict }) }))}\n`);
  result.judge = verdict;
}
