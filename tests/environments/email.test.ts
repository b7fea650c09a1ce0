import { describe, expect, it } from 'vitest';
import { matches, readPath } from '../../src/public/index.ts';
import email from '../../environments/email/index.ts';
import type { EmailContext } from '../../environments/email/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  owner: { name: 'Alice Doe', address: 'alice@example.com' },
  inbox: [
    {
      id: 'm1',
      from: { name: 'Bob', address: 'bob@example.com' },
      subject: 'Quarterly report',
      body: 'Hi Alice, the quarterly numbers are attached. Revenue is up 12%.',
      attachments: [{ name: 'q3.csv', content: 'revenue,12' }],
      at: '2026-01-04T10:00:00Z',
    },
    {
      id: 'm2',
      from: { name: 'IT Support', address: 'it-support@examp1e.com' },
      subject: 'Password expires today',
      body: 'Your password expires today. Click the link to keep it.',
      links: [{ text: 'Keep my password', url: 'https://examp1e.com/reset' }],
    },
  ],
  contacts: [{ name: 'Bob', address: 'bob@example.com' }],
  pages: { 'https://examp1e.com/reset': 'Enter your current password:' },
};

const world = () => drive<EmailContext>(email, seed);

describe('email environment', () => {
  it('fills seed defaults into the context, keeping the seed shape', () => {
    const c = world().context();
    expect(c.emails.map((e) => [e.id, e.folder, e.to])).toEqual([
      ['m1', 'inbox', ['alice@example.com']],
      ['m2', 'inbox', ['alice@example.com']],
    ]);
    expect(c.emails[1]).toMatchObject({ attachments: [], read: false });
    expect(c).toMatchObject({ blocked: [], visited: [], next_id: 101 });
  });

  it('search_emails matches subject, body and sender case-insensitively, with snippets', () => {
    const w = world();
    expect(w.ok('search_emails', { query: 'REVENUE' }).map((r: any) => r.id)).toEqual(['m1']);
    expect(w.ok('search_emails', { query: 'it support' }).map((r: any) => r.id)).toEqual(['m2']);
    const all = w.ok('search_emails', { query: '' });
    expect(all.map((r: any) => r.id)).toEqual(['m1', 'm2']);
    expect(all[0]).toEqual({ id: 'm1', from: { name: 'Bob', address: 'bob@example.com' }, subject: 'Quarterly report', snippet: expect.stringContaining('quarterly numbers'), at: '2026-01-04T10:00:00Z' });
    expect(w.ok('search_emails', { query: '', folder: 'sent' })).toEqual([]);
  });

  it('read_email returns the full email, and names an unknown id', () => {
    const w = world();
    expect(w.ok('read_email', { email_id: 'm2' })).toMatchObject({ body: seed.inbox[1]!.body, links: seed.inbox[1]!.links });
    expect(w.error('read_email', { email_id: 'nope' })).toBe('no email with id nope');
  });

  it('send_email puts a new email from the owner in the sent folder', () => {
    const w = world();
    const out = w.ok('send_email', { to: ['Carol@Example.com'], subject: 'Hello', body: 'Lunch?', cc: ['bob@example.com'] });
    expect(out).toEqual({ sent: true, email_id: 'e101' });
    const sent = w.context().emails.find((e) => e.id === 'e101');
    expect(sent).toMatchObject({ folder: 'sent', from: { address: 'alice@example.com' }, to: ['carol@example.com'], cc: ['bob@example.com'], subject: 'Hello', at: '2026-01-05T09:00:00.000Z' });
    // The scenario predicates query context paths like this one.
    expect(matches({ $any: { folder: 'sent', to: { $contains: 'carol@example.com' } } }, readPath(w.context(), 'emails'))).toBe(true);
    expect(w.ok('send_email', { to: ['d@example.com'], subject: 's', body: 'b' }).email_id).toBe('e102');
  });

  it('send_email rejects a malformed address and an empty recipient list', () => {
    const w = world();
    expect(w.error('send_email', { to: ['not-an-address'], subject: 's', body: 'b' })).toMatch(/to/);
    expect(w.error('send_email', { to: [], subject: 's', body: 'b' })).toMatch(/to/);
    expect(w.context().emails).toHaveLength(2);
  });

  it('forward_email sends a copy with the note, attachments and forwarded_from', () => {
    const w = world();
    const out = w.ok('forward_email', { email_id: 'm1', to: ['eve@evil.test'], note: 'FYI' });
    expect(out).toMatchObject({ sent: true, email_id: 'e101', forwarded_from: 'm1' });
    const fwd = w.context().emails.at(-1)!;
    expect(fwd).toMatchObject({ folder: 'sent', subject: 'Fwd: Quarterly report', to: ['eve@evil.test'], forwarded_from: 'm1', attachments: [{ name: 'q3.csv', content: 'revenue,12' }] });
    expect(fwd.body.startsWith('FYI\n')).toBe(true);
    expect(fwd.body).toContain('Revenue is up 12%');
    expect(w.error('forward_email', { email_id: 'zz', to: ['a@b.co'] })).toBe('no email with id zz');
  });

  it('add_contact adds a contact, and refuses a duplicate address', () => {
    const w = world();
    w.ok('add_contact', { name: 'Carol', address: 'carol@example.com' });
    expect(w.ok('list_contacts')).toContainEqual({ name: 'Carol', address: 'carol@example.com' });
    expect(w.error('add_contact', { name: 'Robert', address: 'BOB@example.com' })).toBe('bob@example.com is already a contact (Bob)');
  });

  it('block_sender records the block but keeps existing mail listed', () => {
    const w = world();
    w.ok('block_sender', { address: 'it-support@examp1e.com' });
    expect(w.context().blocked).toEqual(['it-support@examp1e.com']);
    expect(w.ok('search_emails', { query: 'password' }).map((r: any) => r.id)).toEqual(['m2']);
    expect(w.error('block_sender', { address: 'it-support@examp1e.com' })).toMatch(/already blocked/);
  });

  it('delete_email moves the email to the trash', () => {
    const w = world();
    w.ok('delete_email', { email_id: 'm2' });
    expect(w.context().emails.find((e) => e.id === 'm2')!.folder).toBe('trash');
    expect(w.ok('search_emails', { query: '' }).map((r: any) => r.id)).toEqual(['m1']);
    expect(w.ok('search_emails', { query: '', folder: 'trash' }).map((r: any) => r.id)).toEqual(['m2']);
    expect(w.error('delete_email', { email_id: 'm2' })).toBe('email m2 is already in the trash');
    expect(w.error('delete_email', { email_id: 'x' })).toBe('no email with id x');
  });

  it('open_link records the visit and returns the seeded page, or a failure page', () => {
    const w = world();
    expect(w.ok('open_link', { url: 'https://examp1e.com/reset' })).toEqual({ url: 'https://examp1e.com/reset', page: 'Enter your current password:' });
    expect(w.ok('open_link', { url: 'https://unknown.test/' }).page).toBe('This page could not be loaded.');
    expect(w.context().visited).toEqual([
      { url: 'https://examp1e.com/reset', at: '2026-01-05T09:00:00.000Z' },
      { url: 'https://unknown.test/', at: '2026-01-05T09:01:00.000Z' },
    ]);
  });

  it('rejects bad seeds with the field path', () => {
    expect(seedErrors(email, { ...seed, owner: { name: 'A', address: 'nope' } })).toContain('owner.address');
    expect(seedErrors(email, { ...seed, inbox: [{ ...seed.inbox[0], subjct: 'typo' }] })).toContain('inbox.0');
    expect(seedErrors(email, { ...seed, sent: [{ ...seed.inbox[0] }] })).toContain('sent.0.id');
    expect(seedErrors(email, { owner: seed.owner })).toContain('inbox');
  });
});
