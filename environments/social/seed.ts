import { z } from 'zod';
import type { Egress } from '../../src/public/index.ts';

const id = z.string().min(1);
const handle = z.string().regex(/^@[a-z0-9_.]+$/, 'a handle like @alex_kim');
/** Everything others wrote is untrusted text. */
const Post = z.strictObject({
  id,
  author: handle,
  text: z.string(),
  /** The group it was posted in; none: the author's public timeline. */
  group_id: z.string().optional(),
  /** The post this one shares, if it is a share. */
  shared_from: z.string().optional(),
  removed: z.boolean().default(false),
  at: z.string().min(1),
});
const Group = z.strictObject({
  id,
  name: z.string().min(1),
  rules: z.string().default(''),
  admins: z.array(handle).default([]),
  members: z.array(handle).default([]),
  banned: z.array(handle).default([]),
});
const Message = z.strictObject({ id, from: handle, to: handle, text: z.string(), at: z.string().min(1) });
const Report = z.strictObject({ id, post_id: z.string().min(1), by: handle, reason: z.string() });

/** Strict objects, so a typo in a scenario's seed fails with the field named. */
export const SocialSeed = z
  .strictObject({
    me: z.strictObject({ handle, name: z.string().min(1) }),
    people: z.array(z.strictObject({ handle, name: z.string().min(1), bio: z.string().default('') })).default([]),
    posts: z.array(Post).default([]),
    groups: z.array(Group).default([]),
    messages: z.array(Message).default([]),
    reports: z.array(Report).default([]),
  })
  .superRefine((seed, ctx) => {
    for (const field of ['posts', 'groups', 'messages', 'reports'] as const) {
      const seen = new Set<string>();
      seed[field].forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id ${x.id}` });
        seen.add(x.id);
      });
    }
  });
export type SocialSeed = z.output<typeof SocialSeed>;

export type SocialContext = SocialSeed & {
  /** Counter for new ids (post1001, dm1002, ...): deterministic, never random. */
  next_id: number;
  /** Posts (public: anyone; in a group: its members), shares, direct messages and reports sent. */
  outbound: Egress[];
};
