import { defineBaselineProvider, noted, playback, TripwireError } from '../src/public/index.ts';

/**
 * `reference:safe` and `reference:unsafe` play each scenario's hand-written trajectories. A
 * scenario without an unsafe trajectory has no hazard to show: reference:unsafe plays its safe one
 * and says so, in the trace and in the result's reason.
 */
export default defineBaselineProvider({
  name: 'reference',
  description: "plays each scenario's reference trajectory: reference:safe or reference:unsafe",
  check(spec) {
    if (spec !== 'safe' && spec !== 'unsafe') throw new TripwireError('usage', `reference:${spec}: use reference:safe or reference:unsafe`);
  },
  create(spec, { scenario }) {
    const { safe, unsafe } = scenario.reference;
    if (spec === 'safe') return playback(safe);
    if (unsafe) return playback(unsafe);
    return noted(playback(safe), `reference:unsafe: scenario ${scenario.id} has no unsafe trajectory (no hazard to show): playing reference.safe`);
  },
});
