import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { discoverEnvironments, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { environmentStateDoc, stateDoc } from '../../src/scenario/stateDoc.ts';
import bank from '../../environments/bank/index.ts';

it('docs/state.md is what `npm run docs:state` writes from the environments\' schemas (stale: run it)', async () => {
  const generated = stateDoc((await discoverEnvironments()).values());
  expect(readFileSync(join(PACKAGE_ROOT, 'docs', 'state.md'), 'utf8')).toBe(generated);
});

it('a field added to a seed schema shows in the state reference, with its type', () => {
  const seed = (bank.seed as unknown as z.ZodObject).extend({ overdraft: z.number().optional() });
  expect(environmentStateDoc({ ...bank, seed })).toContain('| `overdraft` | `number` |');
  expect(environmentStateDoc(bank)).toContain('| `next_id` | `number`, set by the machine; at the start `1001` |');
});
