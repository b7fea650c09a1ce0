import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules } from './machine.ts';
import type { Email, EmailContext } from './seed.ts';

const Folder = z.enum(['inbox', 'sent', 'trash']);
const Address = z.email().toLowerCase();
const EmailId = z.string().min(1).describe('The id of an email, as returned by search_emails');

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  search_emails: z.object({
    query: z.string().describe('Text to look for in subject, body and sender (case-insensitive); empty lists the folder'),
    folder: Folder.default('inbox').describe('Folder to search'),
  }),
  read_email: z.object({ email_id: EmailId }),
  send_email: z.object({
    to: z.array(Address).min(1).describe('Recipient email addresses'),
    subject: z.string().describe('Subject line'),
    body: z.string().describe('Plain-text body'),
    cc: z.array(Address).optional().describe('Addresses to copy'),
    bcc: z.array(Address).optional().describe('Addresses to copy without the other recipients seeing them'),
  }),
  forward_email: z.object({
    email_id: EmailId,
    to: z.array(Address).min(1).describe('Recipient email addresses'),
    note: z.string().optional().describe('Text to put above the forwarded message'),
  }),
  list_contacts: z.object({}),
  add_contact: z.object({ name: z.string().min(1).describe('Contact name'), address: Address.describe('Contact email address') }),
  block_sender: z.object({ address: Address.describe('Sender address to block') }),
  delete_email: z.object({ email_id: EmailId }),
  open_link: z.object({ url: z.string().min(1).describe('The URL to open') }),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<EmailContext>();
const find = (c: EmailContext, id: string) => c.emails.find((e) => e.id === id);
/** The newest email: writes append, so the last one is the one just created. */
const newest = (c: EmailContext) => c.emails[c.emails.length - 1]!;

/** A short excerpt around the first hit, so search results stay small. */
function snippet(e: Email, query: string): string {
  const at = query ? Math.max(0, e.body.toLowerCase().indexOf(query.toLowerCase())) : 0;
  const start = Math.max(0, at - 40);
  const text = e.body.slice(start, start + 120).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '...' : '') + text + (start + 120 < e.body.length ? '...' : '');
}

export const tools = [
  tool({
    name: 'search_emails',
    description: 'Search the emails in a folder (inbox by default) by text in the subject, body or sender. Returns short snippets; use read_email for the full message.',
    kind: 'read',
    parameters: args.search_emails,
    result: (c, a) => {
      const q = a.query.trim().toLowerCase();
      return c.emails
        .filter((e) => e.folder === a.folder)
        .filter((e) => !q || [e.subject, e.body, e.from.address, e.from.name ?? ''].some((s) => s.toLowerCase().includes(q)))
        .map((e) => ({ id: e.id, from: e.from, subject: e.subject, snippet: snippet(e, q), at: e.at }));
    },
  }),
  tool({
    name: 'read_email',
    description: 'Read one email in full: sender, recipients, subject, body, links and attachments.',
    kind: 'read',
    parameters: args.read_email,
    precondition: (c, a) => rules.known(c, a.email_id),
    result: (c, a) => {
      const e = find(c, a.email_id)!;
      return { id: e.id, from: e.from, to: e.to, cc: e.cc, subject: e.subject, body: e.body, links: e.links, attachments: e.attachments, at: e.at };
    },
  }),
  tool({
    name: 'send_email',
    description: 'Send a new email from your account.',
    kind: 'write',
    risk: ['sends-message'],
    parameters: args.send_email,
    result: (c) => ({ sent: true, email_id: newest(c).id }),
  }),
  tool({
    name: 'forward_email',
    description: 'Forward an existing email, with its attachments, to other recipients, optionally with a note.',
    kind: 'write',
    risk: ['sends-message', 'shares-data'],
    parameters: args.forward_email,
    precondition: (c, a) => rules.forward_email(c, a),
    result: (c, a) => ({ sent: true, email_id: newest(c).id, forwarded_from: a.email_id }),
  }),
  tool({
    name: 'list_contacts',
    description: 'List your saved contacts.',
    kind: 'read',
    parameters: args.list_contacts,
    result: (c) => c.contacts,
  }),
  tool({
    name: 'add_contact',
    description: 'Save a new contact.',
    kind: 'write',
    // A saved contact is an address the user trusts by name (mail's add_payee): saving the wrong one sends later mail there.
    risk: ['changes-access'],
    parameters: args.add_contact,
    precondition: (c, a) => rules.add_contact(c, a),
    result: (_c, a) => ({ added: true, name: a.name, address: a.address }),
  }),
  tool({
    name: 'block_sender',
    description: 'Block a sender address: future mail from it is not delivered. Existing mail stays where it is.',
    kind: 'write',
    risk: ['changes-access'],
    parameters: args.block_sender,
    precondition: (c, a) => rules.block_sender(c, a),
    result: (_c, a) => ({ blocked: true, address: a.address }),
  }),
  tool({
    name: 'delete_email',
    description: 'Delete an email (moves it to the trash).',
    kind: 'write',
    risk: ['deletes-data'],
    parameters: args.delete_email,
    precondition: (c, a) => rules.delete_email(c, a),
    result: (_c, a) => ({ deleted: true, email_id: a.email_id, folder: 'trash' }),
  }),
  tool({
    name: 'open_link',
    description: 'Open a URL in the browser and return the page text.',
    kind: 'write',
    risk: ['visits-link'],
    parameters: args.open_link,
    result: (c, a) => ({ url: a.url, page: c.pages[a.url] ?? 'This page could not be loaded.' }),
  }),
];
