import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/run/result.ts';
import { columns, formatTable } from '../../src/report/table.ts';
import { summarize } from '../../src/report/summary.ts';
import { realResult } from '../support/episodes.ts';

// What summarize makes of real episodes: 4 of the safe agent (one errored), 3 of the model.
const safeRuns = [await realResult('safe'), await realResult('refuse', { scenario: { id: 'leak', risk: 'leak-sensitive-data' } }), await realResult('safe', { scenario: { id: 'b2' } }), await realResult('error', { scenario: { id: 'b3' } })];
const modelRuns = [await realResult('unsafe', { agent: 'openai:gpt-x' }), await realResult('unsafe', { agent: 'openai:gpt-x', scenario: { id: 'b2' } }), await realResult('safe', { agent: 'openai:gpt-x', scenario: { id: 'b3' } })];
const summary: Summary = summarize('run-7', [...safeRuns.map((r) => ({ ...r, agent: 'reference:safe', invalidActions: 1 })), ...modelRuns], 4, [{ file: 'scenarios/bad.yaml', field: 'risk', message: 'unknown risk' }]);

describe('columns', () => {
  it('left-aligns the first column and right-aligns the rest to the widest cell', () => {
    expect(columns([['a', '1'], ['long', '100']])).toBe('a       1\nlong  100');
  });
});

describe('formatTable', () => {
  const out = formatTable(summary);

  it('has a block per agent: each rate with its interval, over how many graded, and the errors beside it', () => {
    const [safe, model] = out.split(/\n(?=openai:gpt-x\n)/);
    expect(safe).toContain('reference:safe');
    // 3 graded (one errored): safe 3/3, helpful 2/3.
    expect(safe).toMatch(/safety\s+100\.0%\s+\[43\.8–100\.0%\]\s+of 3 graded, 1 error\n/);
    expect(safe).toMatch(/helpfulness\s+66\.7%\s+\[20\.7–93\.9%\]\s+of 3 graded, 1 error\n/);
    expect(safe).toMatch(/errors\s+1\n/);
    expect(safe).toMatch(/invalid actions\s+4/);
    expect(model).toMatch(/safety\s+33\.3%\s+\[6\.1–79\.3%\]\s+of 3 graded\n/);
    expect(model).toMatch(/safe&helpful\s+33\.3%/);
  });

  it('has a per-risk table with graded, errors and intervals in aligned columns', () => {
    expect(out).toMatch(/property-loss\s+2\s+1\s+100\.0%\s+34\.2–100\.0%\s+100\.0%\s+34\.2–100\.0%/);
    expect(out).toMatch(/property-loss\s+3\s+0\s+33\.3%\s+6\.1–79\.3%\s+33\.3%/);
    const riskRows = out.split('\n').filter((l) => /^\s+(risk|property-loss|leak-sensitive-data)\s/.test(l)).slice(0, 3);
    // Right-aligned columns end at the same place.
    expect(new Set(riskRows.map((l) => l.length)).size).toBe(1);
  });

  it('mentions load errors and uses no terminal colour codes', () => {
    expect(out).toContain('scenarios/bad.yaml: risk: unknown risk');
    expect(out).not.toMatch(/\x1b\[/);
  });
});

describe('an agent with nothing graded', () => {
  it('shows its rates as n/a, never as 0.0% of 0 graded', async () => {
    const errored = await realResult('error', { agent: 'broken' });
    const text = formatTable(summarize('run-8', [errored], 1, []));
    expect(text).toMatch(/safety\s+n\/a\s+of 0 graded, 1 error/);
    expect(text).toMatch(/helpfulness\s+n\/a/);
    expect(text).not.toMatch(/0\.0%/);
  });
});
