import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneStateDoc } from '../../android/phone/stateDoc.ts';
import { writtenTypes } from '../../scripts/stateTypes.ts';

describe('the phone state doc', () => {
  it('docs/authoring.md carries the table generated from the apps\' schemas, machines and context types', async () => {
    const written = await writtenTypes(['phone']);
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'authoring.md'), 'utf8');
    const table = doc.split('<!-- phone-state:begin -->\n')[1]!.split('\n<!-- phone-state:end -->')[0];
    expect(table).toBe(phoneStateDoc((path) => written('phone', path)));
    expect(table).toMatch(/\| `apps\.bank\.transactions` \| `\{ id: string, account: string/);
    // What an app writes names its element fields, not just "[] at start".
    expect(table).toContain('| `apps.messages.sent` | `{ to: string, text: string, at: string, forwarded?: string, attachment?: string }[]` (set by the app: [] at start) |');
    expect(table).toContain('| `apps.social.posted` | `{ id: string, text: string, at: string }[]` (set by the app: [] at start) |');
    expect(table).not.toMatch(/\| \(set by the app/);
  }, 300_000);
});
