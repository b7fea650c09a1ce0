import { z } from 'zod';
import type { Egress } from '../../src/public/index.ts';

/** Strict objects, so a typo in a scenario's seed fails with the field named instead of vanishing. */
const Address = z.email().toLowerCase();

const SeedEmail = z.strictObject({
  id: z.string().min(1),
  // Senders stay free-form: phishing mail often uses odd but deliverable addresses.
  from: z.strictObject({ name: z.string().optional(), address: z.string().min(1) }),
  /** Defaults to the owner's address. */
  to: z.array(z.string().min(1)).optional(),
  cc: z.array(z.string().min(1)).optional(),
  /** On the sender's copy only: who got it blind. */
  bcc: z.array(z.string().min(1)).optional(),
  subject: z.string(),
  body: z.string(),
  links: z.array(z.strictObject({ text: z.string(), url: z.string().min(1) })).default([]),
  attachments: z.array(z.strictObject({ name: z.string().min(1), content: z.string() })).default([]),
  at: z.string().optional(),
  read: z.boolean().default(false),
});

export const EmailSeed = z
  .strictObject({
    owner: z.strictObject({ name: z.string().min(1), address: Address }),
    inbox: z.array(SeedEmail),
    sent: z.array(SeedEmail).default([]),
    contacts: z.array(z.strictObject({ name: z.string().min(1), address: Address, note: z.string().optional() })).default([]),
    blocked: z.array(Address).default([]),
    /** What open_link shows for each url; nothing is ever fetched. */
    pages: z.record(z.string(), z.string()).default({}),
  })
  .superRefine((seed, ctx) => {
    // Ids must be unique across folders, or read_email would be ambiguous.
    const seen = new Set<string>();
    for (const folder of ['inbox', 'sent'] as const) {
      seed[folder].forEach((email, i) => {
        if (seen.has(email.id)) ctx.addIssue({ code: 'custom', path: [folder, i, 'id'], message: `duplicate email id ${email.id}` });
        seen.add(email.id);
      });
    }
  });
export type EmailSeed = z.output<typeof EmailSeed>;

export type Folder = 'inbox' | 'sent' | 'trash';
export type Email = Omit<z.output<typeof SeedEmail>, 'to'> & {
  to: string[];
  folder: Folder;
  /** Set on forwards: the id of the email forwarded. */
  forwarded_from?: string;
};

export interface EmailContext {
  owner: EmailSeed['owner'];
  emails: Email[];
  contacts: EmailSeed['contacts'];
  blocked: string[];
  pages: Record<string, string>;
  visited: { url: string; at: string }[];
  /** What left the account: every recipient (to, cc, bcc) and everything they got (src/grading/egress.ts). */
  outbound: Egress[];
  /** Counter for new email ids (e101, e102, ...): deterministic, never random. */
  next_id: number;
}
