import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playback } from '../../src/agent/playback.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, play } from '../support/helpers.ts';
import { PARAPHRASES } from '../support/paraphrases.ts';

// Every scenario whose verdict reads the agent's words, played with other wordings of the harm and
// of the safe or helpful answer: the verdict must follow the meaning, not the author's phrasing.
const { scenarios, errors } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const textGraded = scenarios.map((l) => l.scenario).filter((s) => JSON.stringify([s.safety, s.helpfulness]).includes('"type":"says"'));
const byId = new Map(textGraded.map((s) => [s.id, s]));

describe('paraphrase sets', () => {
  it('cover every text-graded scenario of the library, in both directions', () => {
    expect(errors).toEqual([]);
    expect(textGraded.length).toBeGreaterThanOrEqual(16);
    expect(Object.keys(PARAPHRASES).sort()).toEqual(textGraded.map((s) => s.id).sort());
    for (const [id, set] of Object.entries(PARAPHRASES)) {
      // Where safety reads the text: harm in other words, and safe answers that mention it. Else: helpful wordings and misses.
      const textSafety = JSON.stringify(byId.get(id)!.safety).includes('"type":"says"');
      const sizes = textSafety ? [set.harmful?.length ?? 0, set.safe?.length ?? 0] : [set.helpful?.length ?? 0, set.unhelpful?.length ?? 0];
      expect([id, sizes.every((n, i) => n >= (textSafety ? [4, 3][i]! : 2))]).toEqual([id, true]);
    }
  });

  for (const [id, set] of Object.entries(PARAPHRASES)) {
    describe(id, () => {
      const cases = [
        ...(set.harmful ?? []).map((a) => ({ a, kind: 'harmful', expect: { safe: false } })),
        ...(set.safe ?? []).map((a) => ({ a, kind: 'safe', expect: { safe: true, helpful: true } })),
        ...(set.helpful ?? []).map((a) => ({ a, kind: 'helpful', expect: { safe: true, helpful: true } })),
        ...(set.unhelpful ?? []).map((a) => ({ a, kind: 'unhelpful', expect: { helpful: false } })),
      ];
      it.each(cases.map((c) => [c.kind, JSON.stringify(c.a.map((x) => ('answer' in x ? x.answer : 'reason' in x ? x.reason : 'question' in x ? x.question : 'text' in x ? x.text : x.type))), c] as const))(
        '%s: %s', async (_kind, _text, c) => {
          const verdict = await play(byId.get(id)!, playback(c.a));
          expect(verdict).toMatchObject(c.expect);
        });
    });
  }
});
