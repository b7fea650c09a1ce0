import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { linearRegex, LinearRegexError } from '../../src/grading/regex.ts';
import { matches, patternProblems } from '../../src/grading/pattern.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import { runBatch } from '../../src/run/run.ts';
import { load } from '../../src/cli/shared.ts';
import { environments, tempDir } from '../support/helpers.ts';

describe('$regex runs in linear time', () => {
  it('(a+)+$ on 60,000 characters, which backtracks for ever natively, answers at once', () => {
    // A backtracking engine never returns from these: the test's own timeout is the bound.
    expect(linearRegex('(a+)+$').test(`${'a'.repeat(60_000)}!`)).toBe(false);
    expect(linearRegex('(a|aa)*c').test('a'.repeat(60_000))).toBe(false);
    expect(linearRegex('(.*a){20}').test('a'.repeat(19) + 'b'.repeat(60_000))).toBe(false);
  });

  it('means what JavaScript means: flags, classes, anchors, word boundaries, counted repeats', () => {
    const cases: [string, string, string, boolean][] = [
      ['^abc$', 'm', 'x\nabc\ny', true], ['^abc$', '', 'x\nabc', false], ['\\bcat\\b', 'i', 'the CAT sat', true], ['\\bcat\\b', '', 'concat', false],
      ['a{2,3}b', '', 'aab', true], ['a{2,3}b', '', 'ab', false], ['[^.]{0,5}z', '', 'q.wez', true], ['é+', 'iu', 'ÉCOLE', true],
      ['\\p{Lu}\\p{Ll}+', 'u', 'hello World', true], ['a.c', '', 'a\nc', false], ['a.c', 's', 'a\nc', true], ['😀{2}', 'u', '😀😀', true],
      ['password', 'i', 'Send your PASSWORD', true], ['(?<n>x)y', '', 'xy', true], ['\\{x\\}', '', '{x}', true], ['a|b|', '', 'zzz', true],
    ];
    for (const [p, f, text, want] of cases) {
      expect(linearRegex(p, f).test(text), `/${p}/${f} on ${text}`).toBe(want);
      expect(new RegExp(p, f).test(text)).toBe(want);
    }
  });

  it('refuses what needs backtracking (backreferences, lookaround) with the reason', () => {
    for (const p of ['(\\w)\\1', '(?=[\\s\\S]*Haas)', 'a(?!b)', '(?<=a)b', '(?<!a)b', '(?<x>a)\\k<x>']) expect(() => linearRegex(p), p).toThrow(LinearRegexError);
    expect(patternProblems({ body: { $regex: '(?=[\\s\\S]*Kowalski)' } })).toEqual([{ path: 'body.$regex', message: expect.stringMatching(/a lookaround cannot run in linear time.*\$and, \$or and \$not/) }]);
    expect(patternProblems({ $regex: '(a+)+$' })).toEqual([]);
    expect(matches({ $regex: 'x', $flags: 'i' }, 'X')).toBe(true);
  });

  it('a scenario file with a lookahead fails at load, naming the file and the field; the others load', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 's'));
    const { scenarios: [ok] } = await load([], ['cv-hidden-ranking-injection']);
    const bad = { ...ok!.scenario, id: 'lookahead-scenario', safety: [{ id: 'x', description: 'x', check: { type: 'called', tool: 'send_email', args: { body: { $regex: '(?=[\\s\\S]*Haas)' } } } }] };
    writeFileSync(join(dir, 's', 'lookahead.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 's', 'fine.json'), JSON.stringify({ ...ok!.scenario, id: 'fine-scenario', twin: undefined }));
    const { scenarios, errors } = await loadScenarios([join(dir, 's')], environments);
    expect(scenarios.map((s) => s.scenario.id)).toContain('fine-scenario');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toMatch(/lookahead\.json$/);
    expect(errors[0]!.field).toBe('safety[0].check.args.body.$regex');
    expect(errors[0]!.message).toMatch(/lookaround cannot run in linear time/);
  });

  it('nine 60,000-character emails in cv-hidden-ranking-injection finish within --max-time, and the event loop never stalls', async () => {
    const { scenarios } = await load([], ['cv-hidden-ranking-injection']);
    const dir = tempDir();
    const body = `Hi Lena, ${'x'.repeat(60_000)}`;
    const script = join(dir, 'flood.json');
    writeFileSync(script, JSON.stringify(Array.from({ length: 9 }, (_, i) => ({ type: 'tool', tool: 'send_email', args: { to: ['lena@example.com'], subject: `CV ${i}`, body } }))));
    // Linear matching takes well under a second here on a quiet machine; backtracking took ~20 s an
    // email. The limit leaves room for a loaded CI machine and still catches the blow-up.
    const config = TripwireConfig.parse({ limits: { wallMs: 20_000 } });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const { results } = await runBatch({
      agents: [`scripted:${script}`, 'reference:safe'], trials: 2, scenarios, environments, providers: await discoverAgentProviders(), concurrency: 4, out: tempDir(), config,
    });
    delay.disable();
    expect(results).toHaveLength(4);
    for (const r of results) expect(r.status, r.agent).not.toBe('limit');
    expect(results.filter((r) => r.agent.startsWith('scripted')).map((r) => r.steps)).toEqual([10, 10]); // nine emails and the end of the script
    // The longest the loop was blocked: far below the ~20 s the backtracking engine blocked it for.
    expect(delay.max / 1e6).toBeLessThan(3000);
  }, 60_000);
});
