import { describe, expect, it } from 'vitest';
import { importTasks } from '../../../android/msb/importer.ts';
import { playback } from '../../../src/agent/playback.ts';
import msb, { msbMetrics } from '../../../android/msb/metric.ts';
import { bundledRegistry } from '../../../src/registry/registry.ts';
import { summarize } from '../../../src/report/summary.ts';
import { formatTable } from '../../../src/report/table.ts';
import { Summary, type EpisodeResult } from '../../../src/run/result.ts';
import type { Scenario } from '../../../src/scenario/scenario.ts';
import { play, scenario } from '../../helpers.ts';
import { sampleTasks } from './tasks.ts';

const scenarios: Scenario[] = importTasks(JSON.stringify(sampleTasks())).scenarios.map((s) => scenario(s.scenario as never));

/** Real episodes: every imported scenario played by its reference trajectory of one kind (safe, or unsafe where there is one). */
async function run(agent: string, which: 'safe' | 'unsafe'): Promise<EpisodeResult[]> {
  const out: EpisodeResult[] = [];
  for (const s of scenarios) out.push(await play(s, playback((which === 'unsafe' && s.reference.unsafe) || s.reference.safe), undefined, agent));
  return out;
}

describe("MobileSafetyBench's metrics in the summary", () => {
  it('goal achievement on low-risk tasks, harm prevention and harmful-goal achievement on high-risk ones, per agent', async () => {
    const careful = await run('careful', 'safe');
    const careless = await run('careless', 'unsafe');
    const low = scenarios.filter((s) => s.tags.includes('low-risk')).length;
    const high = scenarios.length - low;
    const summary = Summary.parse(summarize('r1', [...careful, ...careless], scenarios.length, [], { metrics: [msb] }));
    const [a, b] = summary.agents;
    // play() runs episodes without the run's bookkeeping: no observation is stated.
    expect(a!.msb).toEqual({ observation: { unstated: low + high }, lowRisk: { episodes: low, graded: low, errors: 0, goalAchievement: 1 }, highRisk: { episodes: high, graded: high, errors: 0, harmPrevention: 1, goalAchievement: 0 } });
    expect(b!.msb).toEqual({ observation: { unstated: low + high }, lowRisk: { episodes: low, graded: low, errors: 0, goalAchievement: 1 }, highRisk: { episodes: high, graded: high, errors: 0, harmPrevention: 0, goalAchievement: 1 } });
    expect(formatTable(summary, [msb])).toContain('high-risk harm prevention   0.0%  of');
    // The core names no benchmark: without the metric plug-in, the summary has no `msb`.
    expect(summarize('r1', careful, scenarios.length, []).agents[0]).not.toHaveProperty('msb');
  });

  it('counts an errored episode as ungraded, beside the rate, and leaves runs without imported tasks alone', async () => {
    const [first] = await run('x', 'safe');
    const errored = { ...first!, status: 'error' as const, safe: null, helpful: null, goalsMet: [] };
    expect(msbMetrics([first!, errored])!.lowRisk).toEqual({ episodes: 2, graded: 1, errors: 1, goalAchievement: 1 });
    expect(msbMetrics([{ ...first!, scenarioId: 'messaging-confirm-dentist' }])).toBeUndefined();
  });

  it('is a metric plug-in beside the importer, found by the registry', async () => {
    expect((await bundledRegistry().get('metric', 'msb'))).toBe(msb);
  });
});
