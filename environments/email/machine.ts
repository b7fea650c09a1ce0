import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, type ToolEvent } from '../../src/public/index.ts';
import type { Email, EmailContext, EmailSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write = 'send_email' | 'forward_email' | 'add_contact' | 'block_sender' | 'delete_email' | 'open_link';
/** A world event from the scenario: new mail arrives (unless its sender is blocked). */
type Deliver = { type: 'deliver'; email: Omit<Email, 'folder' | 'to' | 'links' | 'attachments' | 'read'> & Partial<Email>; at: string };
type EmailEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write] | Deliver;

/**
 * Why a call cannot be carried out, or undefined. Tools use these as preconditions (for a clear
 * message) and the machine as guards (so it never applies an event a precondition forbids).
 * A write that would change nothing (already blocked, already in trash) is refused too.
 */
export const rules = {
  known: (c: EmailContext, id: string) => (c.emails.some((e) => e.id === id) ? undefined : `no email with id ${id}`),
  forward_email: (c: EmailContext, a: Args['forward_email']) => rules.known(c, a.email_id),
  delete_email: (c: EmailContext, a: Args['delete_email']) =>
    rules.known(c, a.email_id) ??
    (c.emails.find((e) => e.id === a.email_id)!.folder === 'trash' ? `email ${a.email_id} is already in the trash` : undefined),
  add_contact: (c: EmailContext, a: Args['add_contact']) => {
    const existing = c.contacts.find((k) => k.address === a.address);
    return existing ? `${a.address} is already a contact (${existing.name})` : undefined;
  },
  block_sender: (c: EmailContext, a: Args['block_sender']) => (c.blocked.includes(a.address) ? `${a.address} is already blocked` : undefined),
};

/** Everything a recipient reads: subject, body, and each attachment's name and content. */
const contentOf = (e: Email) => [e.subject, e.body, ...e.attachments.flatMap((a) => [a.name, a.content])].join('\n');

/** A link opened sends what its address carries (a query string, a token) to the host. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

function sentEmail(c: EmailContext, id: string, at: string, fields: Pick<Email, 'to' | 'subject' | 'body'> & Partial<Email>): Email {
  return { id, from: { name: c.owner.name, address: c.owner.address }, links: [], attachments: [], read: true, ...fields, at, folder: 'sent' };
}

export const machine = setup({
  types: { context: {} as EmailContext, events: {} as EmailEvent, input: {} as EmailSeed },
}).createMachine({
  id: 'email',
  context: ({ input }) => ({
    owner: input.owner,
    emails: [
      ...input.inbox.map((e) => ({ ...e, to: e.to ?? [input.owner.address], folder: 'inbox' as const })),
      ...input.sent.map((e) => ({ ...e, to: e.to ?? [], folder: 'sent' as const })),
    ],
    contacts: input.contacts,
    blocked: input.blocked,
    pages: input.pages,
    visited: [],
    outbound: [],
    next_id: 101,
  }),
  initial: 'ready',
  states: {
    ready: {
      on: {
        deliver: {
          // Blocking is what stops new mail: a blocked sender's mail never arrives.
          actions: assign(({ context, event }) =>
            context.blocked.includes(event.email.from.address.toLowerCase())
              ? {}
              : { emails: [...context.emails, { links: [], attachments: [], read: false, ...event.email, to: event.email.to ?? [context.owner.address], at: event.email.at ?? event.at, folder: 'inbox' as const }] },
          ),
        },
        send_email: {
          actions: assign(({ context, event }) => {
            const { id, next_id } = freshId(context.next_id, 'e', idsOf(context.emails));
            const { to, cc, bcc, subject, body } = event.args;
            const email = sentEmail(context, id, event.at, { to, subject, body, ...(cc === undefined ? {} : { cc }), ...(bcc === undefined ? {} : { bcc }) });
            const out = egress('email', [...to, ...(cc ?? []), ...(bcc ?? [])], contentOf(email), { ref: id, at: event.at });
            return { emails: [...context.emails, email], outbound: [...context.outbound, out], next_id };
          }),
        },
        forward_email: {
          guard: ({ context, event }) => !rules.forward_email(context, event.args),
          actions: assign(({ context, event }) => {
            const { id, next_id } = freshId(context.next_id, 'e', idsOf(context.emails));
            const original = context.emails.find((e) => e.id === event.args.email_id)!;
            const quoted = `---------- Forwarded message ----------\nFrom: ${original.from.name ?? ''} <${original.from.address}>\nSubject: ${original.subject}\n\n${original.body}`;
            const email = sentEmail(context, id, event.at, {
              to: event.args.to,
              subject: `Fwd: ${original.subject}`,
              body: event.args.note ? `${event.args.note}\n\n${quoted}` : quoted,
              attachments: original.attachments.map((a) => ({ ...a })),
              links: original.links.map((l) => ({ ...l })),
              forwarded_from: original.id,
            });
            const out = egress('email', event.args.to, contentOf(email), { ref: id, at: event.at });
            return { emails: [...context.emails, email], outbound: [...context.outbound, out], next_id };
          }),
        },
        add_contact: {
          guard: ({ context, event }) => !rules.add_contact(context, event.args),
          actions: assign({ contacts: ({ context, event }) => [...context.contacts, { name: event.args.name, address: event.args.address }] }),
        },
        block_sender: {
          guard: ({ context, event }) => !rules.block_sender(context, event.args),
          actions: assign({ blocked: ({ context, event }) => [...context.blocked, event.args.address] }),
        },
        delete_email: {
          guard: ({ context, event }) => !rules.delete_email(context, event.args),
          actions: assign({
            emails: ({ context, event }) => context.emails.map((e) => (e.id === event.args.email_id ? { ...e, folder: 'trash' as const } : e)),
          }),
        },
        open_link: {
          // Only recorded: the page comes from the seed's `pages`, nothing is fetched.
          actions: assign({
            visited: ({ context, event }) => [...context.visited, { url: event.args.url, at: event.at }],
            outbound: ({ context, event }) => [...context.outbound, egress('form', [hostOf(event.args.url)], event.args.url, { at: event.at })],
          }),
        },
      },
    },
  },
});
