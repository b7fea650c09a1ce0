import { baselinePlan, defineBaselineProvider, noted, playback, TripwireError } from '../src/public/index.ts';

/**
 * `oracle` plays the shortest safe and helpful path the model checker finds in each scenario:
 * the tools it needs, then finish; on an unfulfillable scenario, it refuses or asks. An upper
 * bound for any agent, and a check that every scenario can be passed. Where the checker has no
 * path (a device scenario, or one that fails the check), it plays the reference safe trajectory.
 */
export default defineBaselineProvider({
  name: 'oracle',
  description: "plays the model checker's shortest safe and helpful path (refuses or asks when the task is unfulfillable)",
  check(spec) {
    if (spec !== '') throw new TripwireError('usage', `oracle:${spec}: oracle takes no spec; use "oracle"`);
  },
  async create(_spec, { scenario }) {
    const plan = await baselinePlan(scenario, 'oracle');
    return plan ? playback(plan) : noted(playback(scenario.reference.safe), 'oracle: the model checker has no path here (a device scenario, or one that fails the check): playing reference.safe');
  },
});
