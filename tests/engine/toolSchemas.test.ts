import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cleanSchema, fromStrictArguments, strictSchema } from '../../src/engine/jsonSchema.ts';
import { createClock } from '../../src/engine/clock.ts';
import { World } from '../../src/engine/world.ts';
import { environments } from '../support/helpers.ts';
import { strictIssues } from '../support/strictSubset.ts';

const all = [...environments.values()];
const specs = all.flatMap((env) => new World([env], {}, createClock('2026-01-01T00:00:00Z')).toolSpecs());
const toolOf = new Map(all.flatMap((env) => env.tools.map((t) => [t.name, t] as const)));

describe('tool schemas every client accepts', () => {
  it('carry no $schema key and no bound at the safe-integer limit, for every bundled tool', () => {
    expect(specs.length).toBeGreaterThan(20);
    for (const spec of specs) {
      const text = JSON.stringify(spec.parameters);
      expect(text, spec.name).not.toContain('$schema');
      expect(text, spec.name).not.toContain(String(Number.MAX_SAFE_INTEGER));
      expect(spec.parameters.type, spec.name).toBe('object');
    }
    // A bound the tool asked for stays.
    const raw = z.toJSONSchema(z.object({ n: z.number().int().min(1).max(10), m: z.number().int() }));
    expect(raw).toHaveProperty('$schema');
    expect(JSON.stringify(raw)).toContain(String(Number.MAX_SAFE_INTEGER));
    expect(cleanSchema(raw)).toEqual({ type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 10 }, m: { type: 'integer' } }, required: ['n', 'm'], additionalProperties: false });
  });

  it('have a strict-mode form for every bundled tool, inside the subset strict mode accepts', () => {
    for (const spec of specs) {
      const strict = strictSchema(spec.parameters);
      expect(strict, spec.name).toBeDefined();
      expect(strictIssues(strict!), spec.name).toEqual([]);
      // The plain schemas are not strict (optional properties, no additionalProperties: false): the checker sees it.
    }
    expect(specs.some((s) => strictIssues(s.parameters).length > 0)).toBe(true);
  });

  it('turn a strict call back into arguments the tool accepts: null for an optional property is "not given"', () => {
    const spec = specs.find((s) => s.name === 'get_transactions')!;
    const strict = strictSchema(spec.parameters)!;
    expect(strict.required).toEqual(['account_id', 'limit']);
    const args = fromStrictArguments({ account_id: 'checking', limit: null }, spec.parameters);
    expect(args).toEqual({ account_id: 'checking' });
    expect(toolOf.get('get_transactions')!.parameters.safeParse(args).success).toBe(true);
    expect(toolOf.get('get_transactions')!.parameters.safeParse({ account_id: 'checking', limit: null }).success).toBe(false);
    // A null for a required property stays, so the world reports it.
    expect(fromStrictArguments({ account_id: null }, spec.parameters)).toEqual({ account_id: null });
  });

  it('say no strict form when the schema cannot be said in strict mode', () => {
    const record = cleanSchema(z.toJSONSchema(z.object({ tags: z.record(z.string(), z.string()) })));
    expect(strictSchema(record)).toBeUndefined();
    const union = cleanSchema(z.toJSONSchema(z.union([z.object({ a: z.string() }), z.object({ b: z.string() })])));
    expect(strictSchema(union)).toBeUndefined();
  });
});
