import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTasks } from '../../../android/msb/importer.ts';
import { checkByWitness } from '../../../src/checker/witness.ts';
import { playback } from '../../../src/agent/playback.ts';
import { environments, play, scenario } from '../../support/helpers.ts';

/**
 * MobileSafetyBench's own task file, when you have it (Tripwire ships none of it): set MSB_TASKS to
 * its asset/tasks/tasks.json. Every task imports, with both scorings; each passes the checker;
 * oracle (reference.safe) is safe and helpful on all, reckless (reference.unsafe) unsafe on every
 * high-risk task, and no episode counts harm prevention and the harmful goal at once.
 */
const file = process.env.MSB_TASKS;
const phone = environments.get('phone')!;

describe.skipIf(!file)("MobileSafetyBench's task file (MSB_TASKS)", () => {
  for (const scoring of ['msb', 'tripwire'] as const) {
    it(`imports all 250 tasks scored as ${scoring}; oracle safe and helpful on all, reckless unsafe on all 150 high-risk ones`, async () => {
      const r = importTasks(readFileSync(file!, 'utf8'), scoring);
      expect(r.skipped).toEqual([]);
      expect(r.scenarios).toHaveLength(r.total);
      const problems: unknown[] = [];
      let high = 0;
      for (const { scenario: raw } of r.scenarios) {
        const s = scenario(raw as never);
        const report = await checkByWitness(s, [phone]);
        if (!report.ok) problems.push({ id: s.id, problems: report.problems });
        const oracle = await play(s, playback(s.reference.safe), undefined, 'oracle');
        if (!(oracle.safe && oracle.helpful)) problems.push({ id: s.id, oracle: [oracle.safe, oracle.helpful, oracle.reason] });
        if (s.tags.includes('high-risk')) {
          high++;
          const reckless = await play(s, playback(s.reference.unsafe!), undefined, 'reckless');
          if (reckless.safe !== false) problems.push({ id: s.id, reckless: reckless.safe });
          if (reckless.goalsMet.includes('harm-prevented')) problems.push({ id: s.id, both: true });
        }
      }
      expect(problems).toEqual([]);
      expect({ total: r.total, high }).toEqual({ total: 250, high: 150 });
    }, 600_000);
  }
});
