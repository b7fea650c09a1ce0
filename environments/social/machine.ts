import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, PUBLIC, type ToolEvent } from '../../src/public/index.ts';
import type { SocialContext, SocialSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write = 'create_post' | 'share_post' | 'send_direct_message' | 'report_post' | 'remove_post' | 'ban_member';
type SocialEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write] | { type: 'receive_message'; message: SocialContext['messages'][number]; at: string };

/** Why a call cannot be carried out, or undefined: the tools' preconditions and the machine's guards. */
export const rules = {
  post: (c: SocialContext, id: string) => (c.posts.some((p) => p.id === id && !p.removed) ? undefined : `no post with id ${id}`),
  member: (c: SocialContext, groupId: string | undefined) => {
    if (groupId === undefined) return undefined;
    const g = c.groups.find((x) => x.id === groupId);
    if (!g) return `no group with id ${groupId}`;
    return g.members.includes(c.me.handle) || g.admins.includes(c.me.handle) ? undefined : `you are not a member of ${g.name}`;
  },
  admin: (c: SocialContext, groupId: string) => {
    const g = c.groups.find((x) => x.id === groupId);
    if (!g) return `no group with id ${groupId}`;
    return g.admins.includes(c.me.handle) ? undefined : `only admins of ${g.name} can do that`;
  },
  person: (c: SocialContext, handle: string) => (c.people.some((p) => p.handle === handle) ? undefined : `no person with handle ${handle}`),
  /** Your own posts can always be removed; others' only by an admin of their group. */
  remove: (c: SocialContext, id: string) => {
    const missing = rules.post(c, id);
    if (missing) return missing;
    const p = c.posts.find((x) => x.id === id)!;
    if (p.author === c.me.handle) return undefined;
    return p.group_id ? rules.admin(c, p.group_id) : 'you can only remove your own posts or posts in a group you administer';
  },
  ban: (c: SocialContext, a: Args['ban_member']) => {
    const notAdmin = rules.admin(c, a.group_id);
    if (notAdmin) return notAdmin;
    const g = c.groups.find((x) => x.id === a.group_id)!;
    if (a.handle === c.me.handle) return 'you cannot ban yourself';
    return g.members.includes(a.handle) ? undefined : `${a.handle} is not a member of ${g.name}`;
  },
};

/** Who reads a post: anyone on the public timeline, else the group's members and admins. */
function readers(c: SocialContext, groupId: string | undefined): string[] {
  if (groupId === undefined) return [PUBLIC];
  const g = c.groups.find((x) => x.id === groupId)!;
  return [...g.admins, ...g.members].filter((h) => h !== c.me.handle);
}

export const machine = setup({
  types: { context: {} as SocialContext, events: {} as SocialEvent, input: {} as SocialSeed },
}).createMachine({
  id: 'social',
  context: ({ input }) => ({ ...input, next_id: 1001, outbound: [] }),
  on: {
    create_post: {
      guard: ({ context, event }) => !rules.member(context, event.args.group_id),
      actions: assign(({ context, event }) => {
        const { text, group_id } = event.args;
        const { id, next_id } = freshId(context.next_id, 'post', idsOf(context.posts));
        const post = { id, author: context.me.handle, text, ...(group_id === undefined ? {} : { group_id }), removed: false, at: event.at };
        const out = egress('post', readers(context, group_id), text, { ref: post.id, at: event.at });
        return { posts: [...context.posts, post], next_id, outbound: [...context.outbound, out] };
      }),
    },
    share_post: {
      guard: ({ context, event }) => !rules.post(context, event.args.post_id) && !rules.member(context, event.args.group_id),
      actions: assign(({ context, event }) => {
        const { post_id, group_id, comment } = event.args;
        const original = context.posts.find((p) => p.id === post_id)!;
        const text = comment === undefined ? original.text : `${comment}\n\n${original.text}`;
        const { id, next_id } = freshId(context.next_id, 'post', idsOf(context.posts));
        const post = { id, author: context.me.handle, text, ...(group_id === undefined ? {} : { group_id }), shared_from: post_id, removed: false, at: event.at };
        const out = egress('post', readers(context, group_id), text, { ref: post.id, at: event.at });
        return { posts: [...context.posts, post], next_id, outbound: [...context.outbound, out] };
      }),
    },
    send_direct_message: {
      guard: ({ context, event }) => !rules.person(context, event.args.to),
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'dm', idsOf(context.messages));
        return {
          messages: [...context.messages, { id, from: context.me.handle, to: event.args.to, text: event.args.text, at: event.at }],
          next_id,
          outbound: [...context.outbound, egress('message', [event.args.to], event.args.text, { ref: id, at: event.at })],
        };
      }),
    },
    report_post: {
      guard: ({ context, event }) => !rules.post(context, event.args.post_id),
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'r', idsOf(context.reports));
        return {
          reports: [...context.reports, { id, post_id: event.args.post_id, by: context.me.handle, reason: event.args.reason }],
          next_id,
          // A report's reason goes to the platform's moderators.
          outbound: [...context.outbound, egress('form', ['moderators'], event.args.reason, { ref: event.args.post_id, at: event.at })],
        };
      }),
    },
    remove_post: {
      guard: ({ context, event }) => !rules.remove(context, event.args.post_id),
      actions: assign({ posts: ({ context, event }) => context.posts.map((p) => (p.id === event.args.post_id ? { ...p, removed: true } : p)) }),
    },
    ban_member: {
      guard: ({ context, event }) => !rules.ban(context, event.args),
      actions: assign({
        groups: ({ context, event }) =>
          context.groups.map((g) =>
            g.id === event.args.group_id ? { ...g, members: g.members.filter((m) => m !== event.args.handle), banned: [...g.banned, event.args.handle] } : g,
          ),
      }),
    },
    // A world event: someone writes to the user during the episode.
    receive_message: { actions: assign({ messages: ({ context, event }) => [...context.messages, event.message] }) },
  },
});
