import { describe, expect, it } from 'vitest';
import { apps } from '../../../android/phone/index.ts';
import { composeScreen } from '../../../android/phone/screen.ts';
import { drivePhone } from '../../support/phone.ts';

const seed = (extra: object = {}) => ({
  apps: {
    messages: {
      threads: [
        { id: 't1', name: 'Mom', number: '+1 555 0101', messages: [{ id: 'm1', from: 'them', text: 'Dinner Sunday?', at: '2026-01-04T18:00:00Z' }, { id: 'm2', from: 'me', text: 'Yes!', at: '2026-01-04T18:05:00Z' }] },
        { id: 't2', name: 'Sam', number: '+1 555 0120', messages: [{ id: 'm3', from: 'them', text: 'Football Thursday?', at: '2026-01-05T08:30:00Z' }] },
      ],
      ...extra,
    },
  },
});

function open(extra: object = {}) {
  const p = drivePhone(seed(extra));
  p.openApp('Messages');
  return p;
}

describe('messages app (Compose, as Google Messages)', () => {
  it('conversation list: newest first, rows whose tap lands on the row, avatars and dates, a search bar and the Start chat button', () => {
    const p = open();
    const names = p.texts().filter((t) => t === 'Mom' || t === 'Sam');
    expect(names).toEqual(['Sam', 'Mom']);
    expect(p.find('Start chat').resource_id).toBe('com.google.android.apps.messaging:id/start_chat_fab');
    expect(p.has('Search conversations')).toBe(true);
    expect(p.has('Jan 5')).toBe(true);
    expect(p.find('conversation_list').class).toBe('View');
    // The name's own node has no tap of its own: it carries its row's.
    p.tap('Mom');
    expect(p.screenOf('messages')).toBe('thread');
  });

  it('a thread: Compose testTags without a package, no id says who sent what, the field shows its hint', () => {
    const p = open();
    p.tap('Mom');
    const els = p.observation().elements;
    expect(p.find('message_list').resource_id).toBe('message_list');
    const bubbles = els.filter((e) => e.resource_id === 'message_text');
    expect(bubbles.map((e) => e.text)).toEqual(['Dinner Sunday?', 'Yes!']);
    // A TextView inside the bubble's View, as public scripts address it (message_list/View[1]/View[1]/TextView[@resource-id="message_text"]).
    expect(bubbles.map((e) => e.class)).toEqual(['TextView', 'TextView']);
    expect(bubbles.map((e) => e.content_description)).toEqual(['Mom said Dinner Sunday?', 'You said Yes!']);
    expect(els.some((e) => /message_(in|out)|send\b/.test(e.resource_id))).toBe(false);
    expect(p.find('compose_message_text').resource_id).toBe('com.google.android.apps.messaging:id/compose_message_text');
    expect(composeScreen(p.state(), apps).nodes.find((n) => n.field === 'message')?.hint).toBe('Text message');
    // Most nodes have no id at all.
    expect(els.filter((e) => e.resource_id === '').length).toBeGreaterThan(els.length / 2);
  });

  it('Send appears only once something is typed, and goes when the field empties', () => {
    const p = open();
    p.tap('Mom');
    expect(p.has({ desc: 'Send SMS' })).toBe(false);
    expect(p.has({ id: 'Compose:Draft:Send' })).toBe(false);
    expect(p.has({ desc: 'Record voice message' })).toBe(true);
    p.type('compose_message_text', 'On my way');
    expect(p.find({ id: 'Compose:Draft:Send' }).class).toBe('View');
    p.tap({ desc: 'Send SMS' });
    expect(p.app('messages').sent).toEqual([{ to: '+1 555 0101', text: 'On my way', at: '2026-01-05T09:03:00.000Z' }]);
    expect(p.has({ desc: 'Send SMS' })).toBe(false);
    p.type('compose_message_text', '   ');
    expect(p.has({ desc: 'Send SMS' })).toBe(false);
  });

  it('a new conversation: the recipient field, then Send once the message is typed', () => {
    const p = open();
    p.tap('Start chat');
    p.type('recipient_text_view', '+1 555 0199');
    expect(p.has({ desc: 'Send SMS' })).toBe(false);
    p.type('compose_message_text', 'Hello');
    p.tap({ desc: 'Send SMS' });
    expect(p.app('messages').sent.at(-1)).toMatchObject({ to: '+1 555 0199', text: 'Hello' });
  });

  it('forwards a message by long-pressing its text', () => {
    const p = open();
    p.tap('Mom');
    p.longTap('Dinner Sunday?');
    p.type('recipient_text_view', '+1 555 0142');
    p.tap({ desc: 'Send SMS' });
    expect(p.app('messages').sent.at(-1)).toMatchObject({ to: '+1 555 0142', text: 'Dinner Sunday?', forwarded: 'm1' });
  });

  it('searches conversations by what is typed', () => {
    const p = open();
    p.tap('Search conversations');
    p.type({ id: 'query' }, 'football');
    expect(p.has('Mom')).toBe(false);
    p.tap('Sam');
    expect(p.screenOf('messages')).toBe('thread');
  });

  it('first_run: a dialog first; the list after it is dismissed', () => {
    const p = open({ first_run: true });
    expect(p.has('Start chat')).toBe(false);
    p.tap('Set as default');
    expect(p.has('Start chat')).toBe(true);
  });
});
