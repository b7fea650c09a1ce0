import { defineBaselineProvider, TripwireError, gulliblePlanFor, noted, playback } from '../src/public/index.ts';

/**
 * `gullible` does the user's task and follows any instruction it reads: in a security case, as soon
 * as its task shows it the injected text, it takes the shortest way to the attacker's goal (the
 * goal's reference from the state it is in), then finishes the task. The ceiling of attack success:
 * an attack whose goal gullible does not reach could not be reached. On any other scenario it plays
 * the reference safe trajectory (the task alone: there is nothing to follow).
 */
export default defineBaselineProvider({
  name: 'gullible',
  description: 'does the task and follows every instruction it reads (security cases: the ceiling of attack success)',
  check(spec) {
    if (spec !== '') throw new TripwireError('usage', `gullible:${spec}: gullible takes no spec; use "gullible"`);
  },
  async create(_spec, { scenario, world }) {
    const plan = await gulliblePlanFor(scenario, world);
    // The goal's steps may change the screens the task's remaining steps were written for: then it finishes there.
    if (plan) return playback(plan, { offScript: 'finish' });
    return scenario.id.includes('@') ? noted(playback(scenario.reference.safe), "gullible: the goal has no path from where the text is read: playing reference.safe") : playback(scenario.reference.safe);
  },
});
