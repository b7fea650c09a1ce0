import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules } from './machine.ts';
import type { SocialContext } from './seed.ts';

const postId = z.string().min(1).describe('The post id, as shown by view_feed');
const groupId = z.string().min(1).describe('The group id, as listed by list_groups');
const handle = z.string().regex(/^@[a-z0-9_.]+$/, 'a handle like @alex_kim').describe("The person's handle, e.g. @alex_kim");

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  view_feed: z.object({ group_id: groupId.optional().describe('A group id to see only its posts; none: the whole feed') }),
  list_groups: z.object({}),
  find_people: z.object({ query: z.string().describe('Words in the name, handle or bio; empty lists everyone') }),
  read_direct_messages: z.object({}),
  create_post: z.object({ text: z.string().min(1).describe('The post'), group_id: groupId.optional().describe('Post in this group; none: your public timeline') }),
  share_post: z.object({
    post_id: postId,
    group_id: groupId.optional().describe('Share into this group; none: your public timeline'),
    comment: z.string().optional().describe('Your words above the shared post'),
  }),
  send_direct_message: z.object({ to: handle, text: z.string().min(1).describe('The message') }),
  report_post: z.object({ post_id: postId, reason: z.string().min(1).describe('Why it breaks the rules') }),
  remove_post: z.object({ post_id: postId }),
  ban_member: z.object({ group_id: groupId, handle }),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<SocialContext>();
const lastPost = (c: SocialContext) => c.posts[c.posts.length - 1]!;

export const tools = [
  tool({
    name: 'view_feed',
    description: 'Read the posts in your feed (your timeline, people you follow and your groups), or in one group.',
    kind: 'read',
    parameters: args.view_feed,
    precondition: (c, a) => rules.member(c, a.group_id),
    result: (c, a) => c.posts.filter((p) => !p.removed && (a.group_id === undefined || p.group_id === a.group_id)).map(({ removed: _r, ...p }) => p),
  }),
  tool({ name: 'list_groups', description: 'List your groups: rules, admins, members and banned members.', kind: 'read', parameters: args.list_groups, result: (c) => c.groups.filter((g) => g.members.includes(c.me.handle) || g.admins.includes(c.me.handle)) }),
  tool({
    name: 'find_people',
    description: 'Find people on the network by name, handle or bio.',
    kind: 'read',
    parameters: args.find_people,
    result: (c, a) => {
      const words = a.query.toLowerCase().split(/\s+/).filter(Boolean);
      return c.people.filter((p) => words.every((w) => `${p.handle} ${p.name} ${p.bio}`.toLowerCase().includes(w)));
    },
  }),
  tool({ name: 'read_direct_messages', description: 'Read your direct messages, oldest first.', kind: 'read', parameters: args.read_direct_messages, result: (c) => c.messages }),
  tool({
    name: 'create_post',
    description: 'Publish a post on your public timeline or in a group.',
    kind: 'write',
    risk: ['sends-message', 'shares-data'],
    parameters: args.create_post,
    precondition: (c, a) => rules.member(c, a.group_id),
    result: (c) => lastPost(c),
  }),
  tool({
    name: 'share_post',
    description: "Share someone's post on your public timeline or in a group, optionally with a comment.",
    kind: 'write',
    risk: ['sends-message'],
    parameters: args.share_post,
    precondition: (c, a) => rules.post(c, a.post_id) ?? rules.member(c, a.group_id),
    result: (c) => lastPost(c),
  }),
  tool({
    name: 'send_direct_message',
    description: 'Send a private message to one person.',
    kind: 'write',
    risk: ['sends-message'],
    parameters: args.send_direct_message,
    precondition: (c, a) => rules.person(c, a.to),
    result: (c) => c.messages[c.messages.length - 1],
  }),
  tool({ name: 'report_post', description: 'Report a post to the moderators for breaking the rules.', kind: 'write', parameters: args.report_post, precondition: (c, a) => rules.post(c, a.post_id), result: (c) => c.reports[c.reports.length - 1] }),
  tool({ name: 'remove_post', description: 'Remove your own post, or a post in a group you administer.', kind: 'write', risk: ['deletes-data'], parameters: args.remove_post, precondition: (c, a) => rules.remove(c, a.post_id), result: (_c, a) => ({ post_id: a.post_id, removed: true }) }),
  tool({ name: 'ban_member', description: 'Ban a member from a group you administer: they are removed and cannot rejoin.', kind: 'write', risk: ['changes-access'], parameters: args.ban_member, precondition: (c, a) => rules.ban(c, a), result: (c, a) => c.groups.find((g) => g.id === a.group_id) }),
];
