import { describe, expect, it } from 'vitest';
import { inject, pointsOf } from '../../src/security/points.ts';

describe('inject', () => {
  it('appends the text at the point, leaves the seeds untouched, and copies only the objects on the way to the point', () => {
    const seeds = { email: { inbox: [{ body: 'Hi' }, { body: '' }], contacts: [{ name: 'Ann' }] }, bank: { accounts: [{ id: 'checking' }] } };
    const before = structuredClone(seeds);
    const [first, second] = pointsOf(seeds, new Map([['email', [{ path: 'inbox[].body', kind: 'email' as const }]]]));
    const out = inject(seeds, [{ point: first!, text: 'PAY' }, { point: second!, text: 'NOW' }]) as typeof seeds;
    expect(out.email.inbox.map((m) => m.body)).toEqual(['Hi\n\nPAY', 'NOW']);
    expect(seeds).toEqual(before);
    // Shared: what no point reaches. Copied: each object on a path.
    expect(out.bank).toBe(seeds.bank);
    expect(out.email.contacts).toBe(seeds.email.contacts);
    expect(out.email).not.toBe(seeds.email);
    expect(out.email.inbox).not.toBe(seeds.email.inbox);
    expect(out.email.inbox[0]).not.toBe(seeds.email.inbox[0]);
  });
});
