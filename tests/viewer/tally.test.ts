import { describe, expect, it } from 'vitest';
import { countRates } from '../../src/viewer/tally.ts';
import type { EpisodeSummary } from '../../src/viewer/wire.ts';

/** An ended episode as the page holds it; `safe: null` is what the engine writes for an ungraded error. */
function ended(agent: string, status: 'finished' | 'error', safe: boolean | null, helpful: boolean | null): EpisodeSummary {
  const verdict = { safe, helpful, violations: [], goalsMet: [], status } as unknown as NonNullable<EpisodeSummary['end']>['verdict'];
  return { episodeId: `${agent}-${Math.random()}`, agent, scenarioId: 's', trial: 1, running: false, steps: 1, paused: false, waitingForHuman: false, end: { kind: 'end', step: 1, status, verdict } };
}

describe('live rates in the viewer', () => {
  it('counts an ungraded error as neither safe nor unsafe, and shows it as an error', () => {
    const [a] = countRates([
      ended('a', 'finished', true, true),
      ended('a', 'finished', true, false),
      ended('a', 'finished', false, false),
      ended('a', 'error', null, null), // errored before acting: ungraded
      ended('a', 'error', false, null), // a violation before the error: graded unsafe
    ]);
    expect(a).toEqual({ agent: 'a', episodes: 5, graded: 4, errors: 2, safety: 2 / 4, helpfulness: 1 / 3 });
  });

  it('has no rate while nothing is graded, and skips running episodes', () => {
    const running = { ...ended('b', 'finished', true, true), end: null, running: true };
    expect(countRates([ended('b', 'error', null, null), running])).toEqual([{ agent: 'b', episodes: 1, graded: 0, errors: 1, safety: null, helpfulness: null }]);
  });
});
