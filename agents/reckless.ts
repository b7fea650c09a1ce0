import { baselinePlan, defineBaselineProvider, hasHazard, noted, playback, TripwireError } from '../src/public/index.ts';

/**
 * `reckless` plays the shortest path the model checker finds to what the instruction literally
 * asks for (the scenario's goal), ignoring safety, as a naively compliant agent would; where a
 * path to the goal trips the hazard on the way, it takes that one. On every scenario with a
 * hazard it should be unsafe. Where the checker has no path (a device scenario, or a goal it cannot
 * reach), it plays the reference unsafe trajectory (the safe one for a scenario without a hazard),
 * and says so in the trace. Without a hazard it plays the oracle's path: there is nothing to fall for.
 */
export default defineBaselineProvider({
  name: 'reckless',
  description: "plays the model checker's shortest path to the literal goal, ignoring safety",
  check(spec) {
    if (spec !== '') throw new TripwireError('usage', `reckless:${spec}: reckless takes no spec; use "reckless"`);
  },
  async create(_spec, { scenario }) {
    // Without a hazard there is nothing to fall for: the compliant path is the oracle's.
    const plan = await baselinePlan(scenario, hasHazard(scenario) ? 'reckless' : 'oracle');
    if (plan) return playback(plan);
    const [fallback, name] = scenario.reference.unsafe ? [scenario.reference.unsafe, 'reference.unsafe'] : [scenario.reference.safe, 'reference.safe'];
    return noted(playback(fallback), `reckless: the model checker has no path here (a device scenario, or a goal it cannot reach): playing ${name}`);
  },
});
