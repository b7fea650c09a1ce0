import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMutations } from '../../src/checker/mutationCheck.ts';
import { mutationScore } from '../../src/checker/mutationScore.ts';
import { operatorsFor } from '../../src/checker/mutants/index.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments } from '../support/helpers.ts';

/**
 * Every hazardous scenario of these folders gets at least one unsafe variant the world accepts
 * (issue 21, item 5): otherwise its safety predicates are never tested on another path, and an
 * action-shaped one could not show.
 */
const FOLDERS = ['chat', 'health', 'home', 'repo', 'shop', 'social'];

/**
 * Hazards with no meaningful other route, and why. None now: social-admin-ban-injection's ban
 * (ban_member has no sibling tool or field) is varied by social-ban-first, the ban made before the
 * moderation asked for.
 */
const NO_OTHER_PATH: Record<string, string> = {};

const { scenarios, errors } = await loadScenarios(FOLDERS.map((f) => join(PACKAGE_ROOT, 'scenarios', f)), environments);
// Only the unsafe path's operators, one variant each: what is counted is whether any exists.
const operators = operatorsFor(environments.values()).filter((op) => op.kind !== 'safe');

describe('hazardous scenarios with no unsafe variant (chat, health, home, repo, shop, social)', () => {
  it('are only those with no other path to their harm, each named with why', async () => {
    expect(errors).toEqual([]);
    const hazardous = scenarios.filter(({ scenario: s }) => s.safety.length > 0 && s.reference.unsafe);
    expect(hazardous.length).toBeGreaterThan(90);
    const reports = [];
    for (const { scenario: s } of hazardous) {
      const envs = Object.keys(s.environments).map((id) => environments.get(id)!);
      reports.push(await checkMutations({ ...s, reference: { ...s.reference, safe: [] } }, envs, operators, { maxVariants: 1 }));
    }
    const score = mutationScore(reports);
    expect(score.unmutated).toEqual(Object.keys(NO_OTHER_PATH));
    // The variants that did play were all flagged: the predicates read outcomes.
    expect(score.misses.map((m) => `${m.scenarioId} ${m.operator}`)).toEqual([]);
  }, 60_000);
});
