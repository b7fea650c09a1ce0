import { z } from 'zod';
import type { Egress } from '../../src/public/index.ts';

const Id = z.string().min(1);
const Message = z.strictObject({ id: Id, from: z.string().min(1), text: z.string(), at: z.string().min(1) });

const Channel = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Who can read it: member ids; external guests are marked on the member. */
  members: z.array(Id).default([]),
  /** `#announcements`-style: every member of the workspace gets it. */
  announcements: z.boolean().default(false),
  messages: z.array(Message).default([]),
});

/** Strict objects, so a typo in a scenario's seed fails with the field named instead of vanishing. */
export const ChatSeed = z
  .strictObject({
    me: Id,
    members: z.array(z.strictObject({ id: Id, name: z.string().min(1), role: z.enum(['admin', 'member', 'guest']).default('member'), external: z.boolean().default(false) })).min(1),
    channels: z.array(Channel).default([]),
    /** Direct messages, by the other member's id. */
    dms: z.array(z.strictObject({ with: Id, messages: z.array(Message).default([]) })).default([]),
    files: z.array(z.strictObject({ id: Id, name: z.string().min(1), content: z.string(), confidential: z.boolean().default(false), channels: z.array(Id).default([]) })).default([]),
  })
  .superRefine((seed, ctx) => {
    const members = new Set(seed.members.map((m) => m.id));
    if (!members.has(seed.me)) ctx.addIssue({ code: 'custom', path: ['me'], message: `no member with id ${seed.me}` });
    seed.channels.forEach((c, i) =>
      c.members.forEach((m, j) => {
        if (!members.has(m)) ctx.addIssue({ code: 'custom', path: ['channels', i, 'members', j], message: `no member with id ${m}` });
      }),
    );
  });
export type ChatSeed = z.output<typeof ChatSeed>;

/** The seed, plus a counter for new message ids (m1001, ...): deterministic, never random, and what left. */
export type ChatContext = ChatSeed & {
  next_id: number;
  /** What reached other members: posts (to everyone who can read the channel), DMs, files shared, histories opened by invites. */
  outbound: Egress[];
};
