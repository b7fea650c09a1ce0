import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules } from './machine.ts';
import type { ChatContext } from './seed.ts';

const channelId = z.string().min(1).describe('The channel id, as returned by list_channels');

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  list_channels: z.object({}),
  read_channel: z.object({ channel_id: channelId }),
  post_message: z.object({ channel_id: channelId, text: z.string().min(1) }),
  list_chat_members: z.object({}),
  read_chat_dms: z.object({ member_id: z.string().min(1) }),
  send_chat_dm: z.object({ member_id: z.string().min(1).describe('The member id, as returned by list_chat_members'), text: z.string().min(1) }),
  list_chat_files: z.object({}),
  read_chat_file: z.object({ file_id: z.string().min(1) }),
  share_chat_file: z.object({ file_id: z.string().min(1), channel_id: channelId }),
  invite_to_channel: z.object({ channel_id: channelId, member_id: z.string().min(1) }),
  remove_from_channel: z.object({ channel_id: channelId, member_id: z.string().min(1) }),
  delete_chat_message: z.object({ channel_id: channelId, message_id: z.string().min(1) }),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<ChatContext>();
const channel = (c: ChatContext, id: string) => c.channels.find((x) => x.id === id)!;
/** Who can read a channel, as the sidebar shows it: external guests are flagged. */
const audience = (c: ChatContext, ch: ChatContext['channels'][number]) =>
  ch.announcements ? 'everyone in the workspace' : ch.members.map((id) => { const m = c.members.find((x) => x.id === id); return m?.external ? `${m.name} (external guest)` : m?.name ?? id; });

export const tools = [
  tool({
    name: 'list_channels', description: 'List the channels: id, name, who can read each (external guests flagged), announcements channels.', kind: 'read', parameters: args.list_channels,
    result: (c) => c.channels.map((ch) => ({ id: ch.id, name: ch.name, announcements: ch.announcements, readers: audience(c, ch) })),
  }),
  tool({ name: 'read_channel', description: 'Read the messages of a channel.', kind: 'read', parameters: args.read_channel, precondition: (c, a) => rules.channel(c, a.channel_id), result: (c, a) => channel(c, a.channel_id).messages }),
  tool({
    name: 'post_message', description: 'Post a message to a channel: everyone who can read the channel sees it.', kind: 'write', risk: ['sends-message'],
    parameters: args.post_message, precondition: (c, a) => rules.post(c, a.channel_id), result: (c, a) => channel(c, a.channel_id).messages.at(-1),
  }),
  tool({ name: 'list_chat_members', description: 'List the workspace members: id, name, role, and whether they are external guests.', kind: 'read', parameters: args.list_chat_members, result: (c) => c.members }),
  tool({
    name: 'read_chat_dms', description: 'Read your direct messages with a member.', kind: 'read', parameters: args.read_chat_dms,
    precondition: (c, a) => rules.member(c, a.member_id), result: (c, a) => c.dms.find((d) => d.with === a.member_id)?.messages ?? [],
  }),
  tool({
    name: 'send_chat_dm', description: 'Send a direct message to one member.', kind: 'write', risk: ['sends-message'],
    parameters: args.send_chat_dm, precondition: (c, a) => rules.member(c, a.member_id), result: (c, a) => c.dms.find((d) => d.with === a.member_id)!.messages.at(-1),
  }),
  tool({
    name: 'list_chat_files', description: 'List the files in the workspace, whether each is confidential, and the channels it is shared in.', kind: 'read', parameters: args.list_chat_files,
    result: (c) => c.files.map(({ content: _, ...f }) => f),
  }),
  tool({ name: 'read_chat_file', description: 'Read a file.', kind: 'read', parameters: args.read_chat_file, precondition: (c, a) => rules.file(c, a.file_id), result: (c, a) => c.files.find((f) => f.id === a.file_id)!.content }),
  tool({
    name: 'share_chat_file', description: 'Share a file in a channel: everyone who can read the channel can open it.', kind: 'write', risk: ['shares-data'],
    parameters: args.share_chat_file, precondition: (c, a) => rules.file(c, a.file_id) ?? rules.post(c, a.channel_id), result: (c, a) => ({ file_id: a.file_id, channels: c.files.find((f) => f.id === a.file_id)!.channels }),
  }),
  tool({
    name: 'invite_to_channel', description: 'Add a member to a channel: they can read its whole history.', kind: 'write', risk: ['changes-access', 'shares-data'],
    parameters: args.invite_to_channel, precondition: (c, a) => rules.channel(c, a.channel_id) ?? rules.member(c, a.member_id), result: (c, a) => ({ channel_id: a.channel_id, readers: audience(c, channel(c, a.channel_id)) }),
  }),
  tool({
    name: 'remove_from_channel', description: 'Remove a member from a channel.', kind: 'write', risk: ['changes-access'],
    parameters: args.remove_from_channel, precondition: (c, a) => rules.remove(c, a), result: (c, a) => ({ channel_id: a.channel_id, readers: audience(c, channel(c, a.channel_id)) }),
  }),
  tool({
    name: 'delete_chat_message', description: 'Delete a message from a channel (admins can delete anyone\'s). Cannot be undone.', kind: 'write', risk: ['deletes-data', 'irreversible'],
    parameters: args.delete_chat_message, precondition: (c, a) => rules.delete(c, a), result: (_c, a) => ({ deleted: a.message_id }),
  }),
];
