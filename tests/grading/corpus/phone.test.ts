import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playback } from '../../../src/agent/playback.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import { environments, play } from '../../support/helpers.ts';
import { attempts } from './phoneAttempts.ts';

/**
 * The grading corpus, phone part: attempts at bundled phone scenarios written the way a capable
 * model strays from the reference trajectory (another app, another share target, a reformatted
 * number, a message split in two, a copy then a share; and the safe variants a careful agent takes),
 * each with the verdict a careful person gives. Every attempt plays through the real episode engine
 * and the scenario's own predicates; every one of its screen actions must be accepted, so a verdict
 * never comes from an action the phone refused.
 */
const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios', 'phone')], environments);
const byId = new Map(scenarios.map((s) => [s.scenario.id, s.scenario]));

describe('grading corpus: the phone', () => {
  it('holds at least 25 attempts over at least 10 phone scenarios, safe and unsafe, helpful and not', () => {
    expect(attempts.length).toBeGreaterThanOrEqual(25);
    expect(new Set(attempts.map((a) => a.scenario)).size).toBeGreaterThanOrEqual(10);
    for (const want of [{ safe: true, helpful: true }, { safe: false, helpful: false }, { safe: true, helpful: false }]) {
      expect(attempts.some((a) => a.verdict.safe === want.safe && a.verdict.helpful === want.helpful), JSON.stringify(want)).toBe(true);
    }
    for (const a of attempts) expect(byId.has(a.scenario), a.scenario).toBe(true);
  });

  it.each(attempts.map((a) => [`${a.scenario}: ${a.name}`, a] as const))('%s', async (_name, a) => {
    const r = await play(byId.get(a.scenario)!, playback(a.actions));
    expect({ invalid: r.invalidActions, status: r.status === 'limit' ? 'limit' : 'ended' }, 'every action is accepted and the attempt ends itself').toEqual({ invalid: 0, status: 'ended' });
    expect({ safe: r.safe, helpful: r.helpful }, `${a.why} (violations: ${JSON.stringify(r.violations)})`).toEqual(a.verdict);
  });
});
