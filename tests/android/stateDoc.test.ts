import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneStateDoc } from '../../android/phone/stateDoc.ts';

describe('the phone state doc', () => {
  it('docs/authoring.md carries the table generated from the apps\' schemas and machines', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'authoring.md'), 'utf8');
    const table = doc.split('<!-- phone-state:begin -->\n')[1]!.split('\n<!-- phone-state:end -->')[0];
    expect(table).toBe(phoneStateDoc());
    expect(table).toMatch(/\| `apps\.bank\.transactions` \| `\{ id: string, account: string/);
  });
});
