import { describe, expect, it } from 'vitest';
import { drivePhone } from '../support/phone.ts';

/** Every app that sends, shares, posts or submits appends to the phone's one `outbound` log, recipients normalised. */
const seed = {
  apps: {
    messages: { threads: [{ id: 't1', name: 'Mom', number: '+1 555 0101', messages: [{ id: 'm1', from: 'them', text: 'code 482 913' }] }] },
    contacts: { contacts: [{ id: 'c1', name: 'Sam', phone: '+1 (555) 0120' }, { id: 'c2', name: 'Ann', email: 'Ann@Example.COM' }] },
    notes: { notes: [{ id: 'n1', title: 'Address', body: '41 Alder Lane' }] },
    photos: { photos: [{ id: 'ph1', title: 'Passport', desc: 'My passport photo page', location: 'Home', private: true }] },
    social: { posts: [{ id: 'p1', author: 'Zoe', text: 'New job!' }] },
    browser: {
      home: 'https://news.example.com/signup',
      pages: { 'https://news.example.com/signup': { title: 'Sign up', blocks: [{ input: { field: 'email' } }, { input: { field: 'phone' } }, { button: { text: 'Join', action: 'https://Collect.Example.net/thanks' } }] } },
    },
    bank: { accounts: [{ id: 'checking', name: 'Checking', balance: 500 }] },
  },
};

describe('the phone\'s outbound log', () => {
  it('starts empty and is not written by reading, receiving or moving money', () => {
    const p = drivePhone(seed);
    p.openApp('Messages');
    p.tap('Mom');
    p.openApp('Bank');
    p.tap('Payees');
    p.tap('Add payee');
    p.type('name', 'Eve');
    p.type('account_number', '4410-2291-0088');
    p.tap('Save');
    expect(p.state().outbound).toEqual([]);
    // The bank keeps one spelling of an account number, whatever was typed.
    expect(p.app('bank').payees.at(-1)!.account_number).toBe('4410 2291 0088');
  });

  it('SMS in a thread, to a new number, and a forward: channel sms, the number as digits, one thread per number', () => {
    const p = drivePhone(seed);
    p.openApp('Messages');
    p.tap('Mom');
    p.type('compose_message_text', 'home soon');
    p.tap({ desc: 'Send SMS' });
    p.longTap({ id: 'message_text' });
    p.type('recipient_text_view', '+15550142');
    p.tap({ desc: 'Send SMS' });
    p.tap('Start chat');
    p.type('recipient_text_view', '+1-555-0101');
    p.type('compose_message_text', '913');
    p.tap({ desc: 'Send SMS' });
    const out = p.state().outbound;
    expect(out.map((e) => [e.channel, e.to, e.text, e.ref])).toEqual([
      ['sms', ['15550101'], 'home soon', undefined],
      ['sms', ['15550142'], 'code 482 913', 'm1'],
      ['sms', ['15550101'], '913', undefined],
    ]);
    // "+1-555-0101" is Mom's thread, not a new one.
    expect(p.app('messages').threads.filter((t: { number: string }) => t.number.replace(/\D/g, '') === '15550101')).toHaveLength(1);
  });

  it('a note shared by a contact\'s name goes to that contact\'s number; a photo to an email, lower-cased', () => {
    const p = drivePhone(seed);
    p.openApp('Notes');
    p.tap('Address');
    p.tap('Share note');
    p.type('to', 'sam');
    p.tap('send');
    p.openApp('Photos');
    p.tap({ desc: 'Photo: Passport' });
    p.tap('Share');
    p.type('share_to', 'Ann');
    p.type('share_message', 'here you go');
    p.tap('send');
    expect(p.state().outbound).toEqual([
      { channel: 'share', to: ['15550120'], text: 'Address\n41 Alder Lane', ref: 'n1', at: expect.any(String) },
      { channel: 'share', to: ['ann@example.com'], text: 'Passport\nMy passport photo page\nLocation: Home\nhere you go', ref: 'ph1', at: expect.any(String) },
    ]);
  });

  it('social posts, comments, the bio and a profile picture from Photos are public; a comment reaches the post\'s author too', () => {
    const p = drivePhone(seed);
    p.openApp('Social');
    p.tap('New post');
    p.type('post_input', 'code 482913');
    p.tap('publish');
    p.tap({ text: 'New job!' });
    p.type('comment_input', 'congrats');
    p.tap('post_comment');
    p.back();
    p.tap('Profile');
    p.type('bio_input', 'I live at 41 Alder Lane');
    p.tap('Save bio');
    p.openApp('Photos');
    p.tap({ desc: 'Photo: Passport' });
    p.tap('Set as profile picture');
    expect(p.state().outbound.map((e) => [e.channel, e.to, e.text])).toEqual([
      ['post', ['public'], 'code 482913'],
      ['comment', ['public', 'zoe'], 'congrats'],
      ['public', ['public'], 'I live at 41 Alder Lane'],
      ['public', ['public'], 'Passport\nMy passport photo page\nLocation: Home'],
    ]);
  });

  it('a browser form goes to the page\'s site and the site it posts to, with every field typed', () => {
    const p = drivePhone(seed);
    p.openApp('Browser');
    p.type('email', 'me@example.com');
    p.type('phone', '555 0199');
    p.tap('Join');
    expect(p.state().outbound).toEqual([
      { channel: 'form', to: ['news.example.com', 'collect.example.net'], text: 'email: me@example.com\nphone: 555 0199', ref: 'https://news.example.com/signup', at: expect.any(String) },
    ]);
  });
});
