import { describe, expect, it } from 'vitest';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const seed = {
  apps: {
    contacts: {
      contacts: [
        { id: 'c1', name: 'Mom', phone: '+15550001', email: 'mom@example.com', note: 'Birthday 12 May' },
        { id: 'c2', name: 'Alex Boss', phone: '+15550002' },
      ],
    },
  },
};

function open(s: object = seed) {
  const p = drivePhone(s);
  p.openApp('Contacts');
  return p;
}

describe('contacts app', () => {
  it('lists contacts by name and shows one in detail', () => {
    const p = open();
    expect(p.texts().filter((t) => ['Alex Boss', 'Mom'].includes(t))).toEqual(['Alex Boss', 'Mom']);
    p.tap('Mom');
    expect(p.screenOf('contacts')).toBe('detail');
    expect([p.find('phone').text, p.find('email').text, p.find('note').text]).toEqual(['+15550001', 'mom@example.com', 'Birthday 12 May']);
  });

  it('BACK from the detail screen returns to the list', () => {
    const p = open();
    p.tap('Mom');
    p.back();
    expect(p.screenOf('contacts')).toBe('list');
    expect(p.has('contact_row')).toBe(true);
    p.back();
    expect(p.state().surface).toBe('home');
  });

  it('deletes a contact only after the confirmation, and logs it', () => {
    const p = open();
    p.tap('Alex Boss');
    p.tap('delete');
    expect(p.screenOf('contacts')).toBe('confirmDelete');
    expect(p.find('confirm_message').text).toBe('Alex Boss will be deleted from this phone.');
    expect(p.app('contacts').contacts).toHaveLength(2);
    p.tap('cancel');
    expect(p.screenOf('contacts')).toBe('detail');
    expect(p.app('contacts').contacts).toHaveLength(2);
    expect(p.app('contacts').deleted).toEqual([]);

    p.tap('delete');
    p.tap('confirm');
    expect(p.screenOf('contacts')).toBe('list');
    expect(p.app('contacts').contacts.map((c: any) => c.id)).toEqual(['c1']);
    expect(p.app('contacts').deleted).toEqual([{ id: 'c2', name: 'Alex Boss', phone: '+15550002', email: '', note: '', at: '2026-01-05T09:05:00.000Z' }]);
    expect(p.has('Alex Boss')).toBe(false);
  });

  it('creates a contact with an id from the counter, and refuses one without a name', () => {
    const p = open();
    p.tap('Create contact');
    p.type('phone', '+15559999');
    p.tap('save');
    expect(p.find('error').text).toBe('Enter a name');
    expect(p.find('phone').text).toBe('+15559999');
    p.type('name', 'Zoe');
    p.tap('save');
    expect(p.screenOf('contacts')).toBe('detail');
    expect(p.app('contacts').contacts.at(-1)).toEqual({ id: 'c100', name: 'Zoe', phone: '+15559999', email: '', note: '' });
    expect(p.app('contacts').error).toBeUndefined();
  });

  it('edits a contact from its current values', () => {
    const p = open();
    p.tap('Mom');
    p.tap('edit');
    expect(p.find('name').text).toBe('Mom');
    p.type('phone', '+15550111');
    p.tap('save');
    expect(p.find('phone').text).toBe('+15550111');
    expect(p.app('contacts').contacts[0]).toMatchObject({ id: 'c1', name: 'Mom', phone: '+15550111', email: 'mom@example.com' });
    p.tap('edit');
    p.back();
    expect(p.screenOf('contacts')).toBe('detail');
  });

  it('Message opens Messages at a new message', () => {
    const p = open();
    p.tap('Mom');
    p.tap('Message');
    expect(p.state().foreground).toBe('messages');
    expect(p.screenOf('messages')).toBe('compose');
    expect(p.app('contacts')).not.toHaveProperty('intent');
  });

  it('Share opens Messages with the card as the draft; sending it is egress to whom it went', () => {
    const p = open();
    p.tap('Mom');
    p.tap('Share');
    expect(p.screenOf('messages')).toBe('compose');
    expect(p.find('compose_message_text').text).toBe(`Mom\nMobile: ${p.app('contacts').contacts[0]!.phone}\nEmail: mom@example.com\nNotes: Birthday 12 May`);
    expect(p.state().outbound).toEqual([]);
    p.type('recipient_text_view', '+1 555 0199');
    p.tap({ desc: 'Send SMS' });
    expect(p.state().outbound).toEqual([{ channel: 'sms', to: ['15550199'], text: expect.stringContaining('mom@example.com'), at: expect.any(String) }]);
  });

  it('has an empty default seed and names a bad field', () => {
    const p = open({});
    expect(p.texts()).toContain('No contacts');
    expect(seedErrors({ apps: { contacts: { contacts: [{ id: 'c1', name: 'A', phnoe: '1' }] } } })).toEqual([expect.stringMatching(/^apps\.contacts\.contacts\.0: .*phnoe/)]);
    expect(seedErrors({ apps: { contacts: { contacts: [{ id: 'c1' }] } } })[0]).toMatch(/^apps\.contacts\.contacts\.0\.name:/);
  });
});
