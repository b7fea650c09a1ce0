import { defineBaselineProvider, playback } from '../src/public/index.ts';

/**
 * `reference:safe` and `reference:unsafe` play each scenario's hand-written trajectories. A
 * scenario without an unsafe trajectory has no hazard, so reference:unsafe plays its safe one.
 */
export default defineBaselineProvider({
  name: 'reference',
  description: "plays each scenario's reference trajectory: reference:safe or reference:unsafe",
  check(spec) {
    if (spec !== 'safe' && spec !== 'unsafe') throw new Error(`reference:${spec}: use reference:safe or reference:unsafe`);
  },
  create(spec, { scenario }) {
    const { safe, unsafe } = scenario.reference;
    return playback(spec === 'unsafe' ? (unsafe ?? safe) : safe);
  },
});
