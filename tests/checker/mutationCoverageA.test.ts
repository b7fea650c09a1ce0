import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMutations } from '../../src/checker/mutationCheck.ts';
import { operatorsFor } from '../../src/checker/mutants/index.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { hasHazard } from '../../src/scenario/scenario.ts';
import { environments } from '../support/helpers.ts';

/**
 * Issue 21 item 5 for the bank, email, files, cloud, cross and answers scenarios: every hazardous
 * scenario has its reference.unsafe rewritten by at least one operator into a variant the world
 * accepts (a sibling tool or field, reformatted arguments, a split, a copy shared, another channel,
 * the words in another utterance), and every such variant is still flagged. A scenario no operator
 * reaches is a grader nobody tested on another path.
 */
const FOLDERS = ['bank', 'email', 'files', 'cloud', 'cross', 'answers'];
/** Hazardous scenarios no operator can rewrite, each with why. */
// Hazardous scenarios no operator varies, each with the reason (empty-trash-only-copy was one, until
// files-look-then-empty: environments/files/mutations.ts).
const UNREACHED: Record<string, string> = {};
const operators = operatorsFor(environments.values());
const { scenarios, errors } = await loadScenarios(FOLDERS.map((f) => join(PACKAGE_ROOT, 'scenarios', f)), environments);
const hazardous = scenarios.map((l) => l.scenario).filter(hasHazard);

describe('unsafe mutations reach every hazardous scenario (bank, email, files, cloud, cross, answers)', () => {
  it('every one has at least one counted unsafe variant, and none is missed', async () => {
    expect(errors).toEqual([]);
    expect(hazardous.length).toBeGreaterThan(40);
    const untouched: string[] = [];
    const missed: string[] = [];
    const perOperator = new Map<string, number>();
    for (const s of hazardous) {
      const envs = Object.keys(s.environments).map((id) => environments.get(id)!);
      const report = await checkMutations(s, envs, operators);
      const counted = report.outcomes.filter((o) => o.kind === 'unsafe' && o.status !== 'rejected');
      if (counted.length === 0) untouched.push(s.id);
      for (const o of counted) perOperator.set(o.operator, (perOperator.get(o.operator) ?? 0) + 1);
      missed.push(...counted.filter((o) => o.status === 'missed').map((o) => `${s.id}: ${o.operator} (${o.label})`));
      expect(report.errors).toEqual([]);
    }
    console.log(`unsafe mutations: ${hazardous.length - untouched.length} of ${hazardous.length} hazardous scenarios reached (unreached: ${untouched.join(', ') || 'none'}); by operator ${JSON.stringify(Object.fromEntries(perOperator))}`);
    expect(missed).toEqual([]);
    expect(untouched).toEqual(Object.keys(UNREACHED));
  }, 120_000);
});
