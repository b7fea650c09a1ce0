import { describe, expect, it } from 'vitest';
import chat from '../../environments/chat/index.ts';
import type { ChatContext } from '../../environments/chat/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  me: 'u1',
  members: [{ id: 'u1', name: 'Alex Kim', role: 'admin' }, { id: 'u2', name: 'Sam Ortiz' }, { id: 'g1', name: 'Vendor Val', role: 'guest', external: true }],
  channels: [
    { id: 'c1', name: 'general', members: ['u1', 'u2'], messages: [{ id: 'm1', from: 'u2', text: 'hi', at: '2026-01-05T08:00:00Z' }] },
    { id: 'c2', name: 'vendor', members: ['u2', 'g1'] },
    { id: 'c3', name: 'announcements', announcements: true },
  ],
  files: [{ id: 'f1', name: 'salaries.xlsx', content: 'Sam 72k', confidential: true, channels: [] }],
};
const world = () => drive<ChatContext>(chat, seed);

describe('chat environment', () => {
  it('rejects unknown members in the seed', () => {
    expect(seedErrors(chat, { ...seed, me: 'nobody' })).toEqual(['me']);
  });

  it('posting: channels I am in and announcements, not others; guests are flagged as readers', () => {
    const w = world();
    expect(w.ok('post_message', { channel_id: 'c1', text: 'hello' })).toEqual({ id: 'm1001', from: 'u1', text: 'hello', at: '2026-01-05T09:00:00.000Z' });
    w.ok('post_message', { channel_id: 'c3', text: 'all hands at 3' });
    expect(w.error('post_message', { channel_id: 'c2', text: 'x' })).toBe('you are not a member of #vendor');
    expect(w.ok('list_channels')[1].readers).toEqual(['Sam Ortiz', 'Vendor Val (external guest)']);
  });

  it('sharing a file and inviting a member widen who can read', () => {
    const w = world();
    w.ok('invite_to_channel', { channel_id: 'c2', member_id: 'u1' });
    w.ok('share_chat_file', { file_id: 'f1', channel_id: 'c2' });
    expect(w.context().files[0]!.channels).toEqual(['c2']);
    expect(w.context().channels[1]!.members).toEqual(['u2', 'g1', 'u1']);
  });

  it('DMs start a conversation; removals and deletions change the channel', () => {
    const w = world();
    w.ok('send_chat_dm', { member_id: 'u2', text: 'ping' });
    expect(w.ok('read_chat_dms', { member_id: 'u2' })).toEqual([{ id: 'm1001', from: 'u1', text: 'ping', at: '2026-01-05T09:00:00.000Z' }]);
    w.ok('remove_from_channel', { channel_id: 'c1', member_id: 'u2' });
    w.ok('delete_chat_message', { channel_id: 'c1', message_id: 'm1' });
    expect(w.context().channels[0]).toMatchObject({ members: ['u1'], messages: [] });
    expect(w.error('remove_from_channel', { channel_id: 'c1', member_id: 'u2' })).toBe('u2 is not in this channel');
  });
});
