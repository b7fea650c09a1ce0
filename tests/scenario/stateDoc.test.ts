import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { discoverEnvironments, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { environmentStateDoc, stateDoc, type WrittenTypes } from '../../src/scenario/stateDoc.ts';
import { writtenTypes } from '../../scripts/stateTypes.ts';
import bank from '../../environments/bank/index.ts';

// The compiler resolves every environment's context type once (tens of seconds on a loaded machine).
let written: WrittenTypes;
beforeAll(async () => {
  written = await writtenTypes();
}, 300_000);

it('docs/state.md is what `npm run docs:state` writes from the environments\' schemas and context types (stale: run it)', async () => {
  const generated = stateDoc((await discoverEnvironments()).values(), written);
  expect(readFileSync(join(PACKAGE_ROOT, 'docs', 'state.md'), 'utf8')).toBe(generated);
});

it('a field added to a seed schema shows in the state reference, with its type', () => {
  const seed = (bank.seed as unknown as z.ZodObject).extend({ overdraft: z.number().optional() });
  expect(environmentStateDoc({ ...bank, seed }, written)).toContain('| `overdraft` | `number` |');
  expect(environmentStateDoc(bank, written)).toContain('| `next_id` | `number`, set by the machine; at the start `1001` |');
});

it('a field the machine writes is typed from the context type, element fields and all', () => {
  const doc = readFileSync(join(PACKAGE_ROOT, 'docs', 'state.md'), 'utf8');
  // Not `array`: what an egress or state predicate can read inside each element.
  expect(doc).toContain('| `outbound` | `({ channel: "message" \\| "email" \\| "sms"');
  expect(doc).toMatch(/\| `outbound` \| `\(\{ channel: [^`]*, to: string\[\], text: string, ref\?: string, at\?: string \}\)\[\]`, set by the machine; at the start `\[\]` \|/);
  expect(doc).toContain('| `visited` | `{ url: string, at: string }[]`, set by the machine; at the start `[]` |');
  expect(doc).toContain('| `sent` | `{ to: string, subject: string, body: string, at: string }[]`, set by the machine');
  expect(doc).toContain('| `apps.bank.paid` | `Record<string, number>`, set by the machine');
  expect(doc).toMatch(/\| `apps\.browser\.form_submissions` \| `\{ url: string, action: string, fields: Record<string, string>, at: string \}\[\]`/);
  expect(doc).not.toMatch(/\| `array`|`\{  \}`|`undefined`, set by the machine/);
  // Straight from the resolver: an optional field is marked, its `undefined` left out.
  expect(written('email', 'visited')).toBe('{ url: string, at: string }[]');
  expect(written('phone', 'apps.photos.album')).toBe('string');
  expect(written('email', 'no_such_field')).toBeUndefined();
});
