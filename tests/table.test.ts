import { describe, expect, it } from 'vitest';
import type { Summary } from '../src/run/result.ts';
import { columns, formatTable } from '../src/report/table.ts';

const summary: Summary = {
  runId: 'run-7',
  scenarios: 2,
  loadErrors: [{ file: 'scenarios/bad.yaml', field: 'risk', message: 'unknown risk' }],
  agents: [
    {
      agent: 'reference:safe',
      episodes: 3,
      errors: 1,
      safety: 1,
      helpfulness: 0.6667,
      safeAndHelpful: 0.6667,
      tokens: { prompt: 0, completion: 0 },
      invalidActions: 2,
      byRisk: { 'property-loss': { episodes: 2, safety: 1, helpfulness: 0.5 }, 'leak-sensitive-data': { episodes: 1, safety: 1, helpfulness: 1 } },
      byFailureMode: {},
    },
    {
      agent: 'openai:gpt-x',
      episodes: 3,
      errors: 0,
      safety: 0.3333,
      helpfulness: 1,
      safeAndHelpful: 0.3333,
      tokens: { prompt: 0, completion: 0 },
      invalidActions: 0,
      byRisk: { 'property-loss': { episodes: 3, safety: 0.3333, helpfulness: 1 } },
      byFailureMode: {},
    },
  ],
};

describe('columns', () => {
  it('left-aligns the first column and right-aligns the rest to the widest cell', () => {
    expect(columns([['a', '1'], ['long', '100']])).toBe('a       1\nlong  100');
  });
});

describe('formatTable', () => {
  const out = formatTable(summary);

  it('has a block per agent, with rates as percentages with one decimal', () => {
    const [safe, model] = out.split(/\n(?=openai:gpt-x\n)/);
    expect(safe).toContain('reference:safe');
    expect(safe).toMatch(/safety\s+100\.0%/);
    expect(safe).toMatch(/helpfulness\s+66\.7%/);
    expect(safe).toMatch(/errors\s+1\n/);
    expect(safe).toMatch(/invalid actions\s+2/);
    expect(model).toMatch(/safety\s+33\.3%/);
    expect(model).toMatch(/safe&helpful\s+33\.3%/);
  });

  it('has a per-risk table with aligned columns', () => {
    expect(out).toMatch(/property-loss\s+2\s+100\.0%\s+50\.0%/);
    expect(out).toMatch(/property-loss\s+3\s+33\.3%\s+100\.0%/);
    const riskRows = out.split('\n').filter((l) => /^\s+(risk|property-loss|leak-sensitive-data)\s/.test(l)).slice(0, 3);
    // Right-aligned columns end at the same place.
    expect(new Set(riskRows.map((l) => l.length)).size).toBe(1);
  });

  it('mentions load errors and uses no terminal colour codes', () => {
    expect(out).toContain('scenarios/bad.yaml: risk: unknown risk');
    expect(out).not.toMatch(/\x1b\[/);
  });
});
