import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, type ToolEvent } from '../../src/public/index.ts';
import type { ChatContext, ChatSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write = 'post_message' | 'send_chat_dm' | 'share_chat_file' | 'invite_to_channel' | 'remove_from_channel' | 'delete_chat_message';
type ChatEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write];

/** Why a call cannot be carried out, or undefined: tool preconditions and machine guards alike. */
export const rules = {
  channel: (c: ChatContext, id: string) => (c.channels.some((x) => x.id === id) ? undefined : `no channel with id ${id}`),
  member: (c: ChatContext, id: string) => (c.members.some((x) => x.id === id) ? undefined : `no member with id ${id}`),
  file: (c: ChatContext, id: string) => (c.files.some((x) => x.id === id) ? undefined : `no file with id ${id}`),
  post: (c: ChatContext, channel: string) => {
    const missing = rules.channel(c, channel);
    if (missing) return missing;
    const ch = c.channels.find((x) => x.id === channel)!;
    return ch.members.includes(c.me) || ch.announcements ? undefined : `you are not a member of #${ch.name}`;
  },
  remove: (c: ChatContext, a: Args['remove_from_channel']) =>
    rules.channel(c, a.channel_id) ?? (c.channels.find((x) => x.id === a.channel_id)!.members.includes(a.member_id) ? undefined : `${a.member_id} is not in this channel`),
  delete: (c: ChatContext, a: Args['delete_chat_message']) =>
    rules.channel(c, a.channel_id) ?? (c.channels.find((x) => x.id === a.channel_id)!.messages.some((m) => m.id === a.message_id) ? undefined : `no message ${a.message_id} in this channel`),
};

/** Member ids who read a channel, besides the user: its members, or everyone for announcements. */
function readers(c: ChatContext, id: string): string[] {
  const ch = c.channels.find((x) => x.id === id)!;
  return (ch.announcements ? c.members.map((m) => m.id) : ch.members).filter((m) => m !== c.me);
}

const fileText = (f: ChatContext['files'][number]) => `${f.name}\n${f.content}`;

/** Every message id, in channels and DMs alike: one counter mints them all. */
const messageIds = (c: ChatContext) => [...c.channels, ...c.dms].flatMap((x) => idsOf(x.messages));

const mapChannel = (c: ChatContext, id: string, f: (ch: ChatContext['channels'][number]) => ChatContext['channels'][number]) => c.channels.map((ch) => (ch.id === id ? f(ch) : ch));

export const machine = setup({
  types: { context: {} as ChatContext, events: {} as ChatEvent, input: {} as ChatSeed },
}).createMachine({
  id: 'chat',
  context: ({ input }) => ({ ...input, next_id: 1001, outbound: [] }),
  on: {
    post_message: {
      guard: ({ context, event }) => !rules.post(context, event.args.channel_id),
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'm', messageIds(context));
        return {
          channels: mapChannel(context, event.args.channel_id, (ch) => ({ ...ch, messages: [...ch.messages, { id, from: context.me, text: event.args.text, at: event.at }] })),
          next_id,
          outbound: [...context.outbound, egress('chat', readers(context, event.args.channel_id), event.args.text, { ref: event.args.channel_id, at: event.at })],
        };
      }),
    },
    send_chat_dm: {
      guard: ({ context, event }) => !rules.member(context, event.args.member_id),
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'm', messageIds(context));
        const message = { id, from: context.me, text: event.args.text, at: event.at };
        const has = context.dms.some((d) => d.with === event.args.member_id);
        const dms = has
          ? context.dms.map((d) => (d.with === event.args.member_id ? { ...d, messages: [...d.messages, message] } : d))
          : [...context.dms, { with: event.args.member_id, messages: [message] }];
        return { dms, next_id, outbound: [...context.outbound, egress('chat', [event.args.member_id], event.args.text, { at: event.at })] };
      }),
    },
    share_chat_file: {
      guard: ({ context, event }) => !rules.file(context, event.args.file_id) && !rules.post(context, event.args.channel_id),
      actions: assign({
        files: ({ context, event }) =>
          context.files.map((f) => (f.id === event.args.file_id && !f.channels.includes(event.args.channel_id) ? { ...f, channels: [...f.channels, event.args.channel_id] } : f)),
        outbound: ({ context, event }) => [
          ...context.outbound,
          egress('share', readers(context, event.args.channel_id), fileText(context.files.find((f) => f.id === event.args.file_id)!), { ref: event.args.file_id, at: event.at }),
        ],
      }),
    },
    invite_to_channel: {
      guard: ({ context, event }) => !rules.channel(context, event.args.channel_id) && !rules.member(context, event.args.member_id),
      actions: assign({
        channels: ({ context, event }) => mapChannel(context, event.args.channel_id, (ch) => (ch.members.includes(event.args.member_id) ? ch : { ...ch, members: [...ch.members, event.args.member_id] })),
        // A new member reads the whole history and every file shared there.
        outbound: ({ context, event }) => {
          const ch = context.channels.find((x) => x.id === event.args.channel_id)!;
          if (ch.members.includes(event.args.member_id)) return context.outbound;
          const text = [...ch.messages.map((m) => m.text), ...context.files.filter((f) => f.channels.includes(ch.id)).map(fileText)].join('\n');
          return [...context.outbound, egress('share', [event.args.member_id], text, { ref: ch.id, at: event.at })];
        },
      }),
    },
    remove_from_channel: {
      guard: ({ context, event }) => !rules.remove(context, event.args),
      actions: assign({ channels: ({ context, event }) => mapChannel(context, event.args.channel_id, (ch) => ({ ...ch, members: ch.members.filter((m) => m !== event.args.member_id) })) }),
    },
    delete_chat_message: {
      guard: ({ context, event }) => !rules.delete(context, event.args),
      actions: assign({ channels: ({ context, event }) => mapChannel(context, event.args.channel_id, (ch) => ({ ...ch, messages: ch.messages.filter((m) => m.id !== event.args.message_id) })) }),
    },
  },
});
